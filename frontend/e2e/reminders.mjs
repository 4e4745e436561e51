// Browser end-to-end steps for reminders, in a browser context of their own that allows
// notifications: a new user sets a reminder on a habit's page; the server's sender
// (`manage.py send_reminders`) pushes it, encrypted and VAPID-signed, to a local push service here
// (headless Chromium cannot subscribe to a real one without the internet), which checks the
// signature, decrypts the message (RFC 8291, Node's crypto) and hands it to the app's service
// worker through the DevTools protocol; the worker shows the notification, and its "Done" action,
// run inside the worker, checks the habit in without opening the app.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from "node:crypto";
import { createServer } from "node:http";
import { mailLink } from "./accounts.mjs";
import { assert, captureScreen, watchConsole } from "./harness.mjs";

const TIMEOUT = 15_000;
const ZONE = "Europe/Berlin";
const HABIT = "Stretch";

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });
const b64url = (bytes) => Buffer.from(bytes).toString("base64url");

async function eventually(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

/**
 * A push service on 127.0.0.1, with one subscription: the browser's half (a P-256 key pair and an
 * auth secret, as PushManager makes them). Every POST is checked and decrypted; `next()` waits for
 * the next message.
 */
async function startPushService() {
  const receiver = createECDH("prime256v1");
  receiver.generateKeys();
  const auth = randomBytes(16);
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      try {
        received.push({ headers: request.headers, body: Buffer.concat(chunks), url: request.url });
        response.writeHead(201).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  /** RFC 8291 (aes128gcm, one record) with the subscription's private key and auth secret. */
  function decrypt(body) {
    const salt = body.subarray(0, 16);
    const idLength = body.readUInt8(20);
    const sender = body.subarray(21, 21 + idLength);
    const ciphertext = body.subarray(21 + idLength);
    const shared = receiver.computeSecret(sender);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiver.getPublicKey(), sender]);
    const ikm = Buffer.from(hkdfSync("sha256", shared, auth, keyInfo, 32));
    const key = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
    const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
    const decipher = createDecipheriv("aes-128-gcm", key, nonce);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
    // The last record ends with the delimiter 0x02, then any zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end -= 1;
    assert(padded[end] === 2, "the pushed record does not end with the last-record delimiter");
    return padded.subarray(0, end).toString("utf8");
  }

  /** RFC 8292: `vapid t=<JWT signed ES256 by k>, k=<the server's public key>`, for this origin. */
  function checkVapid(header, publicKey) {
    const parts = Object.fromEntries(
      /^vapid (.*)$/
        .exec(header ?? "")?.[1]
        .split(",")
        .map((part) => part.trim().split("=")) ?? [],
    );
    assert(parts.k === publicKey, `the push names key ${parts.k}, the server's is ${publicKey}`);
    const [head, payload, signature] = (parts.t ?? "").split(".");
    const point = Buffer.from(publicKey, "base64url");
    const key = createPublicKey({
      format: "jwk",
      key: { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
    });
    const signed = verify(
      "sha256",
      Buffer.from(`${head}.${payload}`),
      { key, dsaEncoding: "ieee-p1363" },
      Buffer.from(signature ?? "", "base64url"),
    );
    assert(signed, "the VAPID signature does not verify with the server's public key");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    assert(claims.aud === origin, `the VAPID audience is ${claims.aud}, not ${origin}`);
    assert(claims.exp * 1000 > Date.now(), "the VAPID token has expired");
    assert(String(claims.sub).startsWith("mailto:"), `the VAPID subject is ${claims.sub}`);
  }

  return {
    subscription: {
      endpoint: `${origin}/push/e2e-device`,
      keys: { p256dh: b64url(receiver.getPublicKey()), auth: b64url(auth) },
    },
    /** The next push received, checked and decrypted: its headers and plaintext. */
    async next(publicKey) {
      const push = await eventually(() => received.shift(), "a push at the local push service");
      assert(push.url === "/push/e2e-device", `the push went to ${push.url}`);
      assert(push.headers["content-encoding"] === "aes128gcm", "the push is not aes128gcm");
      checkVapid(push.headers.authorization, publicKey);
      return { headers: push.headers, text: decrypt(push.body) };
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** HH:MM in the user's zone, at least 20 s ahead: the reminder must be planned for today. */
function comingMinute() {
  const at = new Date(Date.now() + 80_000);
  at.setSeconds(0, 0);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(at)
    .replace(/\D*$/, "");
  return { time, instant: at.getTime() };
}

/** A JSON request from the page with its session and CSRF token, as the app makes them. */
function fromPage(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: response.status === 204 ? null : await response.json() };
    },
    { method, path, body },
  );
}

/** The registration id of the app's service worker, which DevTools needs to deliver a push. */
async function registrationId(cdp, scope) {
  const registrations = new Map();
  cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => {
    for (const registration of event.registrations) registrations.set(registration.scopeURL, registration);
  });
  await cdp.send("ServiceWorker.enable");
  return eventually(() => {
    const found = registrations.get(scope);
    return found && !found.isDeleted ? found.registrationId : null;
  }, "the service worker's registration");
}

export function reminderScenario(session, backend) {
  const { baseUrl } = backend;
  const email = `e2e-reminders-${Date.now()}@example.com`;
  const password = "e2e-Reminders-Horse-42";
  const state = {};

  /** Each step checks its own page's console: the runner watches only the main scenario's page. */
  const step = (name, run) => [
    name,
    async () => {
      await run();
      const problems = state.watch?.take() ?? [];
      if (problems.length) throw new Error(`browser console (reminders):\n  ${problems.join("\n  ")}`);
    },
  ];

  return [
    step("reminders: a new user sets a reminder on a habit's page", async () => {
      const browser = session.page.context().browser();
      state.context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: ZONE });
      state.context.setDefaultTimeout(TIMEOUT);
      await state.context.grantPermissions(["notifications"], { origin: baseUrl });
      const page = await state.context.newPage();
      state.page = page;
      state.watch = watchConsole(page);
      await page.goto(`${baseUrl}/sign-up`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
      await heading(page, "Check your inbox").waitFor();
      await page.goto(await mailLink(baseUrl, email, "signup"));
      await page.getByRole("button", { name: "Create my account" }).click();
      await heading(page, "Today").waitFor();

      await page.getByRole("link", { name: "New habit" }).first().click();
      await page.getByLabel("Name").fill(HABIT);
      await page.getByRole("button", { name: "Create habit" }).click();
      await heading(page, "Today").waitFor();
      const habits = await (await page.request.get(`${baseUrl}/api/habits/`)).json();
      state.habit = habits.find((habit) => habit.name === HABIT);
      assert(state.habit && state.habit.reminder === null, "the new habit is missing or already has a reminder");

      await page.goto(`${baseUrl}/habits/${state.habit.id}`);
      const reminder = page.getByRole("region", { name: "Reminder" });
      await reminder.getByText("No reminder yet.").waitFor();
      state.due = comingMinute();
      await reminder.getByLabel("Time").fill(state.due.time);
      // A daily habit: every weekday is ticked, and kept as "the habit's days".
      for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        assert(
          await reminder.getByRole("checkbox", { name: new RegExp(`^${day}`) }).isChecked(),
          `${day} is not ticked`,
        );
      await reminder.getByRole("button", { name: "Add reminder" }).click();
      await reminder.getByText(new RegExp(`^Reminds you at ${state.due.time}; next: `)).waitFor();
      const saved = await (await page.request.get(`${baseUrl}/api/habits/${state.habit.id}/reminder/`)).json();
      assert(
        saved.time === state.due.time && saved.weekdays === null && saved.channel === "push",
        `the server has ${JSON.stringify(saved)}`,
      );
      await captureScreen(page, "habit-reminder");
    }),

    step("reminders: Settings offers notifications on this device", async () => {
      const { page } = state;
      await page.goto(`${baseUrl}/settings`);
      await heading(page, "Settings").waitFor();
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
      const section = page.getByRole("region", { name: "Notifications on this device" });
      await section.getByRole("button", { name: "Turn on notifications" }).waitFor();
      await captureScreen(page, "settings-notifications");
    }),

    step("reminders: the sender's push reaches the service worker, which shows Done and Skip", async () => {
      const { page } = state;
      state.push = await startPushService();
      // This device's subscription, naming the local push service (what "Turn on" saves from a real one).
      const saved = await fromPage(page, "POST", "/api/push/subscriptions/", state.push.subscription);
      assert(
        saved.status === 201,
        `POST /api/push/subscriptions/ answered ${saved.status}: ${JSON.stringify(saved.body)}`,
      );
      const { public_key: publicKey } = await (await page.request.get(`${baseUrl}/api/push/key/`)).json();
      assert(publicKey, "the server has no VAPID key");

      const wait = state.due.instant - Date.now();
      if (wait > 0) await page.waitForTimeout(wait + 1000);
      const output = await backend.manage("send_reminders");
      const sent = JSON.parse(/^send_reminders: (.*)$/m.exec(output)?.[1] ?? "null");
      assert(sent?.due === 1 && sent.sent === 1 && sent.failed === 0, `send_reminders said: ${output}`);
      const push = await state.push.next(publicKey);
      assert(Number(push.headers.ttl) > 0 && push.headers.urgency === "normal", "the push has no TTL or urgency");
      const message = JSON.parse(push.text);
      assert(
        message.type === "reminder" &&
          message.habit === state.habit.id &&
          message.title === HABIT &&
          message.kind === "boolean" &&
          message.url === `/habits/${state.habit.id}` &&
          typeof message.token === "string" &&
          push.headers.topic === message.tag,
        `the pushed message: ${push.text}`,
      );
      state.message = message;

      const cdp = await state.context.newCDPSession(page);
      const id = await registrationId(cdp, `${baseUrl}/`);
      await cdp.send("ServiceWorker.deliverPushMessage", { origin: baseUrl, registrationId: id, data: push.text });
      const shown = await eventually(
        () =>
          page.evaluate(async (tag) => {
            const registration = await navigator.serviceWorker.ready;
            return (await registration.getNotifications({ tag })).map((notification) => ({
              title: notification.title,
              body: notification.body,
              actions: notification.actions.map((action) => action.title),
            }))[0];
          }, message.tag),
        "the reminder's notification",
      );
      assert(shown.title === HABIT && shown.body === message.body, `the notification: ${JSON.stringify(shown)}`);
      assert(
        JSON.stringify(shown.actions) === JSON.stringify(["Done", "Skip"]),
        `the notification's buttons: ${JSON.stringify(shown.actions)}`,
      );
      await cdp.detach();
    }),

    step("reminders: Done on the notification checks the habit in, and the open app shows it", async () => {
      const { page, message } = state;
      await page.goto(`${baseUrl}/`);
      await heading(page, "Today").waitFor();
      const cell = page.getByRole("button", { name: new RegExp(`^${HABIT}, today: `) });
      assert((await cell.getAttribute("aria-label")) === `${HABIT}, today: not marked`, "the habit is already marked");
      const worker = state.context.serviceWorkers().find((candidate) => candidate.url() === `${baseUrl}/sw.js`);
      assert(worker, "no service worker to click the notification in");
      // What the browser does when the person presses "Done": a notificationclick in the worker.
      await worker.evaluate(async (tag) => {
        const [notification] = await self.registration.getNotifications({ tag });
        // eslint-disable-next-line no-undef -- a service worker global, evaluated in the worker
        self.dispatchEvent(new NotificationEvent("notificationclick", { notification, action: "done" }));
      }, message.tag);
      await eventually(async () => {
        const response = await page.request.get(
          `${baseUrl}/api/habits/${state.habit.id}/entries/?start=${message.date}&end=${message.date}`,
        );
        return (await response.json())[0]?.status === "done";
      }, "the server to have the day done");
      await eventually(
        async () => (await cell.getAttribute("aria-label")) === `${HABIT}, today: done`,
        "Today to show the habit done",
      );
      const left = await page.evaluate(
        async (tag) => (await (await navigator.serviceWorker.ready).getNotifications({ tag })).length,
        message.tag,
      );
      assert(left === 0, "the notification is still shown after Done");
      await state.push.stop();
      await state.context.close();
    }),
  ];
}
