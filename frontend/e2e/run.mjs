// Browser end-to-end suite: a new user's first days, in headless Chromium against a real Django
// server with a fresh database. Prints "N passed, M failed" and exits non-zero on any failure.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, captureScreen, launch, watchConsole } from "./harness.mjs";
import { startBackend } from "./server.mjs";

const TIMEOUT = 15_000;
const BROWSER_ZONE = "Europe/Berlin";
const email = `e2e-${Date.now()}@example.com`;
const password = "e2e-Correct-Horse-42";

async function eventually(check, what) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });
const attr = (locator, name) => locator.getAttribute(name, { timeout: TIMEOUT });

async function signIn(page) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, "Today").waitFor();
}

/** Tries to sign in with plain `fetch` from Node (its own CSRF cookie), outside the page. */
async function signInFromNode(baseUrl, who, secret) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf/`);
  const token = /csrftoken=([^;]+)/.exec(csrf.headers.getSetCookie().join("; "))?.[1];
  assert(token, "GET /api/auth/csrf/ set no csrftoken cookie");
  const response = await fetch(`${baseUrl}/api/auth/login/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Cookie: `csrftoken=${token}`,
      "X-CSRFToken": token,
      Origin: baseUrl,
      Referer: `${baseUrl}/sign-in`,
    },
    body: JSON.stringify({ email: who, password: secret }),
  });
  return { status: response.status, body: await response.text() };
}

async function createHabit(page, fill) {
  await page.getByRole("link", { name: "New habit" }).first().click();
  await heading(page, "New habit").waitFor();
  await fill();
  await page.getByRole("button", { name: "Create habit" }).click();
  await heading(page, "Today").waitFor();
}

function scenario(page, baseUrl, downloads) {
  const state = {};
  return [
    [
      "a visitor is sent to sign-in, which is focused and accessible",
      async () => {
        await page.goto(baseUrl + "/");
        await heading(page, "Sign in").waitFor();
        await eventually(() => page.evaluate(() => document.activeElement?.tagName === "H1"), "focus on the heading");
        await captureScreen(page, "sign-in");
      },
    ],
    [
      "signs up and meets the empty state",
      async () => {
        await page.getByRole("link", { name: "Create an account" }).click();
        await heading(page, "Create your account").waitFor();
        await captureScreen(page, "sign-up");
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Create account" }).click();
        await heading(page, "Today").waitFor();
        await page.getByRole("heading", { name: "No habits yet" }).waitFor();
        await captureScreen(page, "today-empty");
      },
    ],
    [
      "creates a daily habit",
      async () => {
        await createHabit(page, async () => {
          await page.getByLabel("Name").fill("Meditate");
          await page.getByLabel("Question (optional)").fill("Did you meditate today?");
          await captureScreen(page, "habit-form");
        });
        await page.getByRole("checkbox", { name: "Meditate" }).waitFor();
      },
    ],
    [
      "creates a measurable at-most habit",
      async () => {
        await createHabit(page, async () => {
          await page.getByLabel("Name").fill("Coffee");
          await page.getByRole("radio", { name: /Measurable/ }).check();
          await page.getByLabel("Target type").selectOption("at_most");
          await page.getByLabel("Target amount").fill("2");
          await page.getByLabel("Unit").fill("cups");
          await page.getByRole("radio", { name: "Orange" }).check();
          await captureScreen(page, "habit-form-numeric");
        });
        await page.getByRole("textbox", { name: "Coffee (cups)" }).waitFor();
      },
    ],
    [
      "creates a three-per-week habit",
      async () => {
        await createHabit(page, async () => {
          await page.getByLabel("Name").fill("Gym");
          await page.getByLabel("Frequency").selectOption("per_week");
          await page.getByLabel("Times").fill("3");
        });
        await page.getByRole("link", { name: "Gym details" }).waitFor();
      },
    ],
    [
      "checks in with one tap and sees the streak",
      async () => {
        const meditate = page.getByRole("checkbox", { name: "Meditate" });
        await meditate.click();
        await eventually(async () => (await attr(meditate, "aria-checked")) === "true", "Meditate checked");
        const row = page.getByRole("listitem").filter({ has: meditate });
        await row.getByText("Streak 1").waitFor({ timeout: TIMEOUT });
        await page.getByRole("button", { name: "Increase Coffee by 1" }).click();
        await page.getByText("1 / 2 cups, target met").waitFor({ timeout: TIMEOUT });
        await captureScreen(page, "today");
      },
    ],
    [
      "skips a habit and writes a note, by keyboard",
      async () => {
        const skip = page.getByRole("button", { name: "Skip Gym today" });
        await skip.focus();
        await page.keyboard.press("Enter");
        await eventually(async () => (await attr(skip, "aria-pressed")) === "true", "Gym skipped");
        await page.getByRole("button", { name: "Add note for Meditate" }).click();
        const note = page.getByRole("textbox", { name: "Note for Meditate" });
        await eventually(() => note.evaluate((element) => element === document.activeElement), "focus in the note");
        await page.keyboard.type("Ten quiet minutes");
        await captureScreen(page, "today-note");
        await page.getByRole("button", { name: "Save note" }).click();
        await page.getByText("“Ten quiet minutes”").waitFor();
        const meditate = page.getByRole("checkbox", { name: "Meditate" });
        await eventually(
          async () => (await attr(meditate, "aria-checked")) === "true",
          "Meditate still done after the note",
        );
      },
    ],
    [
      "opens a habit by its URL after a reload",
      async () => {
        await page.getByRole("link", { name: "Meditate details" }).click();
        await heading(page, "Meditate").waitFor();
        state.habitUrl = page.url();
        assert(/\/habits\/\d+$/.test(new URL(state.habitUrl).pathname), `unexpected habit URL ${state.habitUrl}`);
        await page.reload();
        await heading(page, "Meditate").waitFor();
        await page
          .getByRole("img", { name: /Score from/ })
          .waitFor({ timeout: TIMEOUT })
          .catch(() => {});
        await page.locator(".heatmap button").first().waitFor();
        await captureScreen(page, "habit-detail");
      },
    ],
    [
      "edits yesterday from the calendar and the streak grows",
      async () => {
        const days = page.locator(".heatmap button");
        const yesterday = days.nth((await days.count()) - 2);
        await yesterday.click();
        await page.getByRole("radio", { name: "Done", exact: true }).check();
        await page.getByLabel("Note").fill("Made up for it");
        await captureScreen(page, "habit-day-editor");
        await page.getByRole("button", { name: "Save day" }).click();
        await eventually(
          async () => /: done$/.test((await attr(yesterday, "aria-label")) ?? ""),
          "yesterday shown as done",
        );
        const tile = page.locator(".stat-tiles div").filter({ hasText: "Current streak" }).locator("dd");
        await eventually(async () => (await tile.textContent()) === "2", "a current streak of 2");
      },
    ],
    [
      "reorders habits with the keyboard-friendly buttons",
      async () => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Habits" }).click();
        await heading(page, "Habits").waitFor();
        await page.getByRole("button", { name: "Move Gym up" }).click();
        const list = page.getByRole("list", { name: "Habits in order" });
        await eventually(
          async () => (await list.getByRole("link").allTextContents()).join() === "Meditate,Gym,Coffee",
          "the new order",
        );
        await page.reload();
        await heading(page, "Habits").waitFor();
        await eventually(
          async () => (await list.getByRole("link").allTextContents()).join() === "Meditate,Gym,Coffee",
          "the order kept after reload",
        );
        await captureScreen(page, "habits");
      },
    ],
    [
      "reorders habits by dragging a handle",
      async () => {
        const list = page.getByRole("list", { name: "Habits in order" });
        const handle = await page.getByRole("button", { name: "Reorder Coffee" }).boundingBox();
        const firstRow = await list.getByRole("listitem").first().boundingBox();
        assert(handle && firstRow, "the handle and the first row are on screen");
        await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
        await page.mouse.down();
        for (const fraction of [0.25, 0.5, 0.75, 1]) {
          const targetY = handle.y + (firstRow.y + firstRow.height / 2 - handle.y) * fraction;
          await page.mouse.move(handle.x + handle.width / 2, targetY, { steps: 3 });
        }
        await page.mouse.up();
        await eventually(
          async () => (await list.getByRole("link").allTextContents()).join() === "Coffee,Meditate,Gym",
          "Coffee dragged to the top",
        );
        await page.getByText("Coffee moved to position 1 of 3.").waitFor({ state: "attached" });
        await page.reload();
        await heading(page, "Habits").waitFor();
        await eventually(
          async () => (await list.getByRole("link").allTextContents()).join() === "Coffee,Meditate,Gym",
          "the dragged order kept",
        );
      },
    ],
    [
      "edits a habit",
      async () => {
        await page.getByRole("link", { name: "Gym" }).click();
        await heading(page, "Gym").waitFor();
        await page.getByRole("link", { name: "Edit" }).click();
        await heading(page, "Edit Gym").waitFor();
        await page.getByLabel("Description (optional)").fill("Strength and mobility");
        await captureScreen(page, "habit-edit");
        await page.getByRole("button", { name: "Save changes" }).click();
        await heading(page, "Gym").waitFor();
        await page.getByText("Strength and mobility").waitFor();
      },
    ],
    [
      "shows the archive's empty state",
      async () => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archive" }).click();
        await heading(page, "Archive").waitFor();
        await page.getByRole("heading", { name: "Nothing archived" }).waitFor();
        await captureScreen(page, "archive-empty");
      },
    ],
    [
      "archives a habit and restores it",
      async () => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Habits" }).click();
        await page.getByRole("link", { name: "Gym" }).click();
        await heading(page, "Gym").waitFor();
        await page.getByRole("button", { name: "Archive" }).click();
        await page.getByText("“Gym” was archived.").waitFor();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archive" }).click();
        await heading(page, "Archive").waitFor();
        await page.getByRole("button", { name: "Restore Gym" }).waitFor();
        await captureScreen(page, "archive");
        await page.getByRole("button", { name: "Restore Gym" }).click();
        await page.getByRole("heading", { name: "Nothing archived" }).waitFor();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
        await page.getByRole("link", { name: "Gym details" }).waitFor();
      },
    ],
    [
      "exports and re-imports through settings",
      async () => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
        await heading(page, "Settings").waitFor();
        const zone = await page.getByLabel("Time zone").inputValue();
        assert(
          zone === BROWSER_ZONE,
          `sign-up should have kept the browser's zone ${BROWSER_ZONE}, settings show ${zone}`,
        );
        await captureScreen(page, "settings");
        const probe = await page.request.get(`${baseUrl}/api/export/loop/`);
        assert(probe.ok(), `GET /api/export/loop/ answered ${probe.status()}: ${(await probe.text()).slice(0, 200)}`);
        const [download] = await Promise.all([
          page.waitForEvent("download", { timeout: TIMEOUT }),
          page.getByRole("link", { name: "Download Loop CSV (.zip)" }).click(),
        ]);
        const file = join(downloads, download.suggestedFilename() || "export.zip");
        await download.saveAs(file);
        assert(statSync(file).size > 0, "the export is empty");
        await page.getByLabel("Loop CSV zip or Loop backup (.db)").setInputFiles(file);
        await page.getByRole("button", { name: "Import" }).click();
        await page.getByText("Import finished.").waitFor({ timeout: TIMEOUT });
        // Re-importing our own export must match the three habits, not duplicate them.
        await page.getByText("0 habits created, 3 updated").waitFor();
        await captureScreen(page, "settings-imported");
      },
    ],
    [
      "backs up and restores the account through settings",
      async () => {
        const [download] = await Promise.all([
          page.waitForEvent("download", { timeout: TIMEOUT }),
          page.getByRole("link", { name: "Download backup (.zip)" }).click(),
        ]);
        const file = join(downloads, download.suggestedFilename() || "backup.zip");
        await download.saveAs(file);
        assert(statSync(file).size > 0, "the backup is empty");
        await page.getByLabel("Backup file (.zip)").setInputFiles(file);
        await page.getByRole("checkbox", { name: "Replace all my habits and check-ins with the backup's" }).check();
        await page.getByRole("button", { name: "Restore backup" }).click();
        await page.getByText("Backup restored.").waitFor({ timeout: TIMEOUT });
        await page.getByText(/^3 habits and \d+ check-ins restored$/).waitFor();
        await captureScreen(page, "settings-restored");
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
        await page.getByRole("link", { name: "Gym details" }).waitFor();
      },
    ],
    [
      "a 366-day habit made through the API opens in the edit form and saves",
      async () => {
        // The API's longest frequency (MAX_FREQUENCY_DAYS); the form once stopped at 365.
        const longest = 366;
        const token = (await page.context().cookies(baseUrl)).find((cookie) => cookie.name === "csrftoken")?.value;
        assert(token, "the browser has no csrftoken cookie");
        const created = await page.request.post(`${baseUrl}/api/habits/`, {
          headers: { Accept: "application/json", "X-CSRFToken": token },
          data: { name: "Dentist", frequency: { times: 1, days: longest } },
        });
        assert(created.status() === 201, `POST /api/habits/ answered ${created.status()}: ${await created.text()}`);
        const { id } = await created.json();
        await page.goto(`${baseUrl}/habits/${id}/edit`);
        await heading(page, "Edit Dentist").waitFor();
        const days = await page.getByRole("spinbutton", { name: "Days" }).inputValue();
        assert(days === String(longest), `the form shows ${days} days instead of ${longest}`);
        await page.getByLabel("Description (optional)").fill("Once a year, give or take");
        await page.getByRole("button", { name: "Save changes" }).click();
        await heading(page, "Dentist").waitFor();
        await page.getByText(`1 time in ${longest} days`).waitFor();
        const saved = await (await page.request.get(`${baseUrl}/api/habits/${id}/`)).json();
        assert(
          saved.frequency.days === longest && saved.description === "Once a year, give or take",
          `the server kept ${JSON.stringify({ frequency: saved.frequency, description: saved.description })}`,
        );
      },
    ],
    [
      "signs out and back in, with the check-ins kept",
      async () => {
        await page.goto(`${baseUrl}/settings`);
        await heading(page, "Settings").waitFor();
        const askedMe = [];
        const recordMe = (request) => {
          if (new URL(request.url()).pathname === "/api/auth/me/") askedMe.push(request.method());
        };
        page.on("request", recordMe);
        await page.getByRole("button", { name: "Sign out" }).click();
        await heading(page, "Sign in").waitFor();
        page.off("request", recordMe);
        assert(askedMe.length === 0, `signing out asked /api/auth/me/ again (${askedMe.join(", ")})`);
        await signIn(page);
        const meditate = page.getByRole("checkbox", { name: "Meditate" });
        await eventually(async () => (await attr(meditate, "aria-checked")) === "true", "Meditate still checked");
      },
    ],
    [
      "deletes the account after confirming the password",
      async () => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
        await heading(page, "Settings").waitFor();
        await page.getByLabel("Your password, to confirm").fill(password);
        await page.getByRole("button", { name: "Delete my account" }).click();
        await heading(page, "Create your account").waitFor();
        // The browser's session is gone: the session endpoint says so (the request is the context's,
        // outside the page, and succeeds).
        const session = await page.request.get(`${baseUrl}/api/auth/csrf/`);
        assert(session.ok(), `GET /api/auth/csrf/ answered ${session.status()}`);
        const { authenticated } = await session.json();
        assert(authenticated === false, "the browser is still signed in after deleting the account");
        // And the account itself is gone: signing in with it from Node, outside the browser, is refused.
        const refusal = await signInFromNode(baseUrl, email, password);
        assert(
          refusal.status === 400,
          `signing in to the deleted account answered ${refusal.status}: ${refusal.body.slice(0, 200)}`,
        );
      },
    ],
  ];
}

async function main() {
  const downloads = mkdtempSync(join(tmpdir(), "habits-e2e-downloads-"));
  let backend;
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    backend = await startBackend();
    browser = await launch();
    // A zone other than the machine's UTC, to see sign-up take the browser's zone.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
      timezoneId: BROWSER_ZONE,
    });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    const consoleWatch = watchConsole(page);
    const steps = scenario(page, backend.baseUrl, downloads);
    for (const [index, [name, step]] of steps.entries()) {
      const started = Date.now();
      try {
        await step();
        const problems = consoleWatch.take();
        if (problems.length) throw new Error(`browser console:\n  ${problems.join("\n  ")}`);
        passed += 1;
        console.log(`ok ${index + 1} - ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(
          `not ok ${index + 1} - ${name}\n  ${String(error.stack || error)
            .split("\n")
            .slice(0, 12)
            .join("\n  ")}`,
        );
        await page.screenshot({ path: join(tmpdir(), `habits-e2e-failure-${index + 1}.png`) }).catch(() => {});
        consoleWatch.take();
      }
    }
    // Anything the browser logs after the last step still counts.
    await page.waitForTimeout(500);
    const late = consoleWatch.take();
    if (late.length) {
      failed += 1;
      console.log(`not ok - after the last step\n  browser console:\n  ${late.join("\n  ")}`);
    }
  } catch (error) {
    failed += 1;
    console.log(`not ok - setup\n  ${error.stack || error}`);
  } finally {
    await browser?.close().catch(() => {});
    if (failed && backend) console.log(`# server log (tail):\n${backend.log().slice(-3000)}`);
    await backend?.stop().catch(() => {});
    rmSync(downloads, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

await main();
