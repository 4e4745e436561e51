import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TOKEN_LIFETIME_MS, readQueuedActions, replayReminderActions, type ReminderMessage } from "@/lib/reminders";
import { server } from "@/testing/server";
import {
  REMINDER_SYNC_TAG,
  handleReminderClick,
  handleSubscriptionChange,
  showReminder,
  type ReminderWorker,
  type WindowLike,
} from "./reminders";

function message(overrides: Partial<ReminderMessage> = {}): ReminderMessage {
  return {
    type: "reminder",
    title: "Meditate",
    body: "Time for Meditate",
    tag: "reminder-7-2026-03-18",
    url: "/habits/7",
    habit: 7,
    date: "2026-03-18",
    kind: "boolean",
    actions: ["done", "skip"],
    token: "signed-token",
    ...overrides,
  };
}

/** A worker whose registration records what it showed and whose clients are the given windows. */
function fakeWorker(windows: WindowLike[] = []) {
  const shown: { title: string; options: NotificationOptions & Record<string, unknown> }[] = [];
  const syncs: string[] = [];
  const opened: string[] = [];
  const worker: ReminderWorker = {
    origin: location.origin,
    registration: {
      showNotification: async (title, options) =>
        void shown.push({ title, options: options as NotificationOptions & Record<string, unknown> }),
      sync: { register: async (tag) => void syncs.push(tag) },
    },
    clients: {
      matchAll: async () => windows,
      openWindow: async (url) => void opened.push(url),
    },
  };
  return { worker, shown, syncs, opened };
}

function notification(data: unknown) {
  return { data, close: vi.fn() };
}

/** The act endpoint as the server answers it; records each request's body. */
function actEndpoint(answer: (body: { token: string; action: string }) => Response | Promise<Response>) {
  const calls: { body: { token: string; action: string } }[] = [];
  server.use(
    http.post("*/api/reminders/act/", async ({ request }) => {
      const body = (await request.json()) as { token: string; action: string };
      calls.push({ body });
      return answer(body);
    }),
  );
  return calls;
}

const recorded = (body: { action: string }) =>
  HttpResponse.json({ habit: 7, date: "2026-03-18", status: body.action === "done" ? "done" : "skipped" });

afterEach(async () => {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase("habits-reminders");
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe("a reminder push", () => {
  it("is shown with Done and Skip, tagged for its habit's day", async () => {
    const { worker, shown } = fakeWorker();
    await showReminder(worker, message());
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe("Meditate");
    expect(shown[0]!.options).toMatchObject({
      body: "Time for Meditate",
      tag: "reminder-7-2026-03-18",
      actions: [
        { action: "done", title: "Done" },
        { action: "skip", title: "Skip" },
      ],
    });
  });

  it("titles its buttons in the user's language when the server sends them, checked like the rest", async () => {
    const { worker, shown } = fakeWorker();
    await showReminder(worker, message({ action_titles: { done: "Erledigt", skip: "Überspringen" } }));
    expect(shown[0]!.options.actions).toEqual([
      { action: "done", title: "Erledigt" },
      { action: "skip", title: "Überspringen" },
    ]);
    // A title that is not a short text is dropped for the English one; an unknown action is ignored.
    await showReminder(
      worker,
      JSON.stringify({ ...message(), action_titles: { done: 42, skip: "Omitir", undo: "Deshacer" } }),
    );
    expect(shown[1]!.options.actions).toEqual([
      { action: "done", title: "Done" },
      { action: "skip", title: "Omitir" },
    ]);
    await showReminder(worker, { ...message(), action_titles: ["Erledigt"] });
    expect(shown[2]!.options.actions).toEqual([
      { action: "done", title: "Done" },
      { action: "skip", title: "Skip" },
    ]);
  });

  it("offers only Skip for a measurable habit, whatever the message lists", async () => {
    const { worker, shown } = fakeWorker();
    await showReminder(worker, JSON.stringify(message({ kind: "numeric", actions: ["done", "skip"] })));
    expect(shown[0]!.options.actions).toEqual([{ action: "skip", title: "Skip" }]);
  });

  it("ignores pushes that are not reminders, and addresses outside the app", async () => {
    const { worker, shown } = fakeWorker();
    await showReminder(worker, "not json");
    await showReminder(worker, { type: "other" });
    await showReminder(worker, message({ url: "https://evil.example/" }));
    await showReminder(worker, message({ url: "//evil.example/" }));
    expect(shown).toHaveLength(0);
  });
});

describe("a click on a reminder", () => {
  it("checks in with Done through the token and closes the notification", async () => {
    const calls = actEndpoint(recorded);
    const page = { url: `${location.origin}/`, focus: vi.fn(), postMessage: vi.fn() };
    const { worker, opened } = fakeWorker([page]);
    const shown = notification(message());
    expect(await handleReminderClick(worker, shown, "done")).toBe("sent");
    expect(calls.map((call) => call.body)).toEqual([{ token: "signed-token", action: "done" }]);
    expect(shown.close).toHaveBeenCalled();
    expect(opened).toEqual([]);
    expect(page.focus).not.toHaveBeenCalled();
    // An open page hears of it and refreshes what it shows.
    expect(page.postMessage).toHaveBeenCalledWith({ type: "reminder-acted", habit: 7, date: "2026-03-18" });
  });

  it("skips from the Skip button", async () => {
    const calls = actEndpoint(recorded);
    const { worker } = fakeWorker();
    expect(await handleReminderClick(worker, notification(message()), "skip")).toBe("sent");
    expect(calls[0]!.body.action).toBe("skip");
  });

  it("opens the habit from the body, focusing an open window of the app", async () => {
    const page = {
      url: `${location.origin}/`,
      focus: vi.fn(async () => {}),
      navigate: vi.fn(async () => {}),
      postMessage: vi.fn(),
    };
    const { worker, opened } = fakeWorker([page]);
    expect(await handleReminderClick(worker, notification(message()), "")).toBe("opened");
    expect(page.focus).toHaveBeenCalled();
    expect(page.navigate).toHaveBeenCalledWith(`${location.origin}/habits/7`);
    expect(opened).toEqual([]);
  });

  it("opens a new window when none is open, and for a Done a measurable habit cannot take", async () => {
    const calls = actEndpoint(recorded);
    const { worker, opened } = fakeWorker();
    expect(await handleReminderClick(worker, notification(message({ kind: "numeric" })), "done")).toBe("opened");
    expect(opened).toEqual([`${location.origin}/habits/7`]);
    expect(calls).toHaveLength(0);
  });

  it("keeps the check-in while offline and sends it when the network returns", async () => {
    server.use(http.post("*/api/reminders/act/", () => HttpResponse.error()));
    const { worker, syncs } = fakeWorker();
    expect(await handleReminderClick(worker, notification(message()), "done")).toBe("queued");
    expect(syncs).toEqual([REMINDER_SYNC_TAG]);
    expect(await readQueuedActions()).toMatchObject([{ tag: "reminder-7-2026-03-18", action: "done" }]);

    // A second tap (Skip after all) replaces the waiting one rather than sending both.
    expect(await handleReminderClick(worker, notification(message()), "skip")).toBe("queued");
    expect(await readQueuedActions()).toMatchObject([{ action: "skip" }]);

    // Still offline: the replay fails and the check-in stays.
    await expect(replayReminderActions()).rejects.toThrow();
    expect(await readQueuedActions()).toHaveLength(1);

    const calls = actEndpoint(recorded);
    expect(await replayReminderActions()).toEqual([{ habit: 7, date: "2026-03-18", status: "skipped" }]);
    expect(calls.map((call) => call.body)).toEqual([{ token: "signed-token", action: "skip" }]);
    expect(await readQueuedActions()).toEqual([]);
  });

  it("waits on a server error, and drops a check-in the server refuses for good", async () => {
    server.use(
      http.post("*/api/reminders/act/", () => HttpResponse.json({ detail: "Down", code: "x" }, { status: 503 })),
    );
    const { worker } = fakeWorker();
    expect(await handleReminderClick(worker, notification(message()), "done")).toBe("queued");
    actEndpoint(() => HttpResponse.json({ detail: "This reminder has expired.", code: "expired" }, { status: 400 }));
    expect(await replayReminderActions()).toEqual([]);
    expect(await readQueuedActions()).toEqual([]);
  });

  it("opens the app when the server refuses the check-in (expired, habit gone)", async () => {
    actEndpoint(() => HttpResponse.json({ detail: "This reminder has expired.", code: "expired" }, { status: 400 }));
    const { worker, opened } = fakeWorker();
    expect(await handleReminderClick(worker, notification(message()), "done")).toBe("refused");
    expect(opened).toEqual([`${location.origin}/habits/7`]);
    expect(await readQueuedActions()).toEqual([]);
  });

  it("drops queued check-ins older than a token lives, unsent", async () => {
    server.use(http.post("*/api/reminders/act/", () => HttpResponse.error()));
    const { worker } = fakeWorker();
    await handleReminderClick(worker, notification(message()), "done");
    const calls = actEndpoint(recorded);
    expect(await replayReminderActions(Date.now() + TOKEN_LIFETIME_MS + 1)).toEqual([]);
    expect(calls).toHaveLength(0);
    expect(await readQueuedActions()).toEqual([]);
  });
});

describe("a replaced push subscription", () => {
  const subscription = {
    toJSON: () => ({ endpoint: "https://push.example/new", keys: { p256dh: "p", auth: "a" } }),
  };

  it("subscribes again with the server's key and saves the new subscription with the CSRF token", async () => {
    const saved: { body: unknown; csrf: string | null }[] = [];
    server.use(
      http.get("*/api/push/key/", () => HttpResponse.json({ public_key: "BPUBLIC" })),
      http.post("*/api/push/subscriptions/", async ({ request }) => {
        saved.push({ body: await request.json(), csrf: request.headers.get("X-CSRFToken") });
        return HttpResponse.json(
          { id: 3, endpoint: "https://push.example/new", created: "2026-03-18T08:00:00Z" },
          { status: 201 },
        );
      }),
    );
    const subscribe = vi.fn(async () => subscription);
    const result = await handleSubscriptionChange({ oldSubscription: null }, { subscribe }, async () => "csrf");
    expect(result).toBe("saved");
    expect(subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: "BPUBLIC" });
    expect(saved).toEqual([{ body: subscription.toJSON(), csrf: "csrf" }]);
  });

  it("does nothing without a key or a session", async () => {
    server.use(http.get("*/api/push/key/", () => HttpResponse.json({ public_key: null })));
    const subscribe = vi.fn(async () => subscription);
    expect(await handleSubscriptionChange({}, { subscribe }, async () => "csrf")).toBe("no-key");
    expect(
      await handleSubscriptionChange({ newSubscription: subscription }, { subscribe }, async () => undefined),
    ).toBe("signed-out");
    expect(subscribe).not.toHaveBeenCalled();
  });
});
