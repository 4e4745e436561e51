// Browser end-to-end suite: a new user's first days, in headless Chromium against a real Django
// server with a fresh database. Prints "N passed, M failed" and exits non-zero on any failure.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountScenario, mailLink } from "./accounts.mjs";
import { groupsScenario } from "./groups.mjs";
import { everydayScenario } from "./everyday.mjs";
import { assert, captureScreen, launch, tabStopsUnderTabBar, watchConsole } from "./harness.mjs";
import { reminderScenario } from "./reminders.mjs";
import { importScenario } from "./imports.mjs";
import { languageScenario } from "./languages.mjs";
import { startBackend } from "./server.mjs";
import { tokenScenario } from "./tokens.mjs";

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
/** A habit's day on Today, by the start of its name ("Meditate, yesterday"); the rest is its state. */
const dayCell = (page, habitAndDay) => page.getByRole("button", { name: new RegExp(`^${habitAndDay}: `) });
/** Waits until a day on Today says `state` and nothing waits for the server ("will sync" gone). */
const dayIs = (page, habitAndDay, state) =>
  eventually(
    async () => (await attr(dayCell(page, habitAndDay), "aria-label")) === `${habitAndDay}: ${state}`,
    `${habitAndDay}: ${state}`,
  );
const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);
const focusIsOn = (locator, what) => eventually(() => isFocused(locator), `focus on ${what}`);

function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function signIn(page, secret = password) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(secret);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
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

/** The entry the server has for a habit's day, asked outside the page (the browser's session). */
async function serverEntry(session, habitName, date) {
  const habits = await (await session.page.request.get(`${session.baseUrl}/api/habits/`)).json();
  const habit = habits.find((item) => item.name === habitName);
  assert(habit, `the server has no habit named ${habitName}`);
  const response = await session.page.request.get(
    `${session.baseUrl}/api/habits/${habit.id}/entries/?start=${date}&end=${date}`,
  );
  assert(response.ok(), `GET entries answered ${response.status()}`);
  return (await response.json())[0] ?? null;
}

/** Tabs through the page at phone size and fails on any stop the bottom tab bar hides. */
async function assertNoStopUnderTabBar(page, screen) {
  const hidden = await tabStopsUnderTabBar(page);
  assert(hidden.length === 0, `on ${screen}, the tab bar covers these tab stops: ${hidden.join("; ")}`);
}

function scenario(session, downloads) {
  const { baseUrl } = session;
  const state = {};
  return [
    [
      "a visitor is sent to sign-in, which is focused and accessible",
      async ({ page }) => {
        await page.goto(baseUrl + "/");
        await heading(page, "Sign in").waitFor();
        await eventually(() => page.evaluate(() => document.activeElement?.tagName === "H1"), "focus on the heading");
        await captureScreen(page, "sign-in");
      },
    ],
    [
      "signs up through the emailed link and meets the empty state",
      async ({ page }) => {
        await page.getByRole("link", { name: "Create an account" }).click();
        await heading(page, "Create your account").waitFor();
        await captureScreen(page, "sign-up");
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Create account" }).click();
        await heading(page, "Check your inbox").waitFor();
        await page.goto(await mailLink(baseUrl, email, "signup"));
        await page.getByRole("button", { name: "Create my account" }).click();
        await heading(page, "Today").waitFor();
        await page.getByRole("heading", { name: "No habits yet" }).waitFor();
        state.today = await page.evaluate(async () => (await (await fetch("/api/auth/me/")).json()).today);
        await captureScreen(page, "today-empty");
      },
    ],
    [
      "creates a daily habit",
      async ({ page }) => {
        await createHabit(page, async () => {
          await page.getByLabel("Name").fill("Meditate");
          await page.getByLabel("Question (optional)").fill("Did you meditate today?");
          await captureScreen(page, "habit-form");
          await assertNoStopUnderTabBar(page, "the habit form");
        });
        await dayCell(page, "Meditate, today").waitFor();
      },
    ],
    [
      "creates a measurable at-most habit",
      async ({ page }) => {
        await createHabit(page, async () => {
          await page.getByLabel("Name").fill("Coffee");
          await page.getByRole("radio", { name: /Measurable/ }).check();
          await page.getByLabel("Target type").selectOption("at_most");
          await page.getByLabel("Target amount").fill("2");
          await page.getByLabel("Unit").fill("cups");
          await page.getByRole("radio", { name: "Orange" }).check();
          await captureScreen(page, "habit-form-numeric");
        });
        await dayCell(page, "Coffee, today").waitFor();
      },
    ],
    [
      "creates a three-per-week habit",
      async ({ page }) => {
        await createHabit(page, async () => {
          await page.getByLabel("Name").fill("Gym");
          await page.getByLabel("Frequency").selectOption("per_week");
          await page.getByLabel("Times").fill("3");
        });
        await page.getByRole("link", { name: "Gym details" }).waitFor();
      },
    ],
    [
      "checks in with one tap and sees the streak; enters an amount",
      async ({ page }) => {
        await dayCell(page, "Meditate, today").click();
        await dayIs(page, "Meditate, today", "done");
        const row = page.getByRole("listitem").filter({ has: dayCell(page, "Meditate, today") });
        await row.getByText("Streak 1").waitFor({ timeout: TIMEOUT });
        await dayCell(page, "Coffee, today").click();
        await page.getByRole("button", { name: "Increase by 1" }).click();
        await captureScreen(page, "today-amount");
        await page.getByRole("button", { name: "Save", exact: true }).click();
        await page.getByText("1 / 2 cups, target met").waitFor({ timeout: TIMEOUT });
        await dayIs(page, "Coffee, today", "1 cups, target met");
        await captureScreen(page, "today");
      },
    ],
    [
      "ticks yesterday from Today",
      async (current) => {
        const { page } = current;
        await dayCell(page, "Meditate, yesterday").click();
        await dayIs(page, "Meditate, yesterday", "done");
        const entry = await serverEntry(current, "Meditate", addDays(state.today, -1));
        assert(entry?.status === "done", `the server has yesterday as ${JSON.stringify(entry)}`);
        const row = page.getByRole("listitem").filter({ has: dayCell(page, "Meditate, today") });
        await row.getByText("Streak 2").waitFor({ timeout: TIMEOUT });
      },
    ],
    [
      "skips a habit and writes a note, by keyboard",
      async ({ page }) => {
        const gym = dayCell(page, "Gym, today");
        await gym.focus();
        await page.keyboard.press("Enter");
        await dayIs(page, "Gym, today", "done");
        await page.keyboard.press("Enter");
        await dayIs(page, "Gym, today", "skipped");
        await page.getByRole("button", { name: "Add note for Meditate" }).click();
        const note = page.getByRole("textbox", { name: "Note for Meditate, today" });
        await focusIsOn(note, "the note");
        await page.keyboard.type("Ten quiet minutes");
        await captureScreen(page, "today-note");
        await page.getByRole("button", { name: "Save note" }).click();
        await page.getByText("“Ten quiet minutes”").waitFor();
        await dayIs(page, "Meditate, today", "done");
      },
    ],
    [
      "Escape closes Today's editors and focus returns after each action",
      async ({ page }) => {
        const noteButton = page.getByRole("button", { name: "Edit note for Meditate" });
        const note = page.getByRole("textbox", { name: "Note for Meditate, today" });
        await noteButton.click();
        await focusIsOn(note, "the note");
        await page.keyboard.press("Escape");
        await note.waitFor({ state: "detached" });
        await focusIsOn(noteButton, "the note button after Escape");
        await noteButton.click();
        await page.getByRole("button", { name: "Cancel" }).click();
        await focusIsOn(noteButton, "the note button after Cancel");
        await noteButton.click();
        await note.fill("Ten quiet minutes, then tea");
        await page.getByRole("button", { name: "Save note" }).click();
        await focusIsOn(noteButton, "the note button after Save");
        await page.getByText("“Ten quiet minutes, then tea”").waitFor();

        const coffee = dayCell(page, "Coffee, yesterday");
        await coffee.click();
        const amount = page.getByRole("textbox", { name: "Coffee, yesterday (cups)" });
        await focusIsOn(amount, "the amount");
        await page.keyboard.press("Escape");
        await amount.waitFor({ state: "detached" });
        await focusIsOn(coffee, "Coffee's day after Escape");
        await page.keyboard.press("Enter");
        await amount.fill("abc");
        await page.keyboard.press("Enter");
        await page.getByText("Enter the amount as a number, like 2 or 1.5.").waitFor();
        assert((await amount.inputValue()) === "abc", "a bad amount was cleared instead of explained");
        await amount.fill("3");
        await page.getByRole("button", { name: "Save", exact: true }).click();
        await focusIsOn(coffee, "Coffee's day after Save");
        await dayIs(page, "Coffee, yesterday", "3 cups, over the limit");
      },
    ],
    [
      "opens a habit by its URL after a reload",
      async ({ page }) => {
        await page.getByRole("link", { name: "Meditate details" }).click();
        await heading(page, "Meditate").waitFor();
        state.habitUrl = page.url();
        assert(/\/habits\/\d+$/.test(new URL(state.habitUrl).pathname), `unexpected habit URL ${state.habitUrl}`);
        await page.reload();
        await heading(page, "Meditate").waitFor();
        await page.getByRole("img", { name: /Score from/ }).waitFor({ timeout: TIMEOUT });
        await page.getByRole("grid", { name: /Meditate, the last year/ }).waitFor();
        await captureScreen(page, "habit-detail");
        await assertNoStopUnderTabBar(page, "the habit page");
      },
    ],
    [
      "edits a day from the calendar and the date picker, with focus back where it was",
      async ({ page }) => {
        const calendar = page.getByRole("grid", { name: /Meditate, the last year/ });
        const twoDaysAgo = calendar.locator(`[data-date="${addDays(state.today, -2)}"]`);
        await twoDaysAgo.click();
        const editor = page.getByRole("heading", { level: 3 });
        await page.keyboard.press("Escape");
        await editor.waitFor({ state: "detached" });
        await focusIsOn(calendar, "the calendar after Escape");
        await page.keyboard.press("Enter");
        await page.getByRole("radio", { name: "Done", exact: true }).check();
        await page.getByLabel("Note").fill("Made up for it");
        await captureScreen(page, "habit-day-editor");
        await page.getByRole("button", { name: "Save day" }).click();
        await focusIsOn(calendar, "the calendar after Save day");
        await eventually(async () => /: done$/.test((await attr(twoDaysAgo, "aria-label")) ?? ""), "the day as done");
        const tile = page.locator(".stat-tiles div").filter({ hasText: "Current streak" }).locator("dd");
        await eventually(async () => (await tile.textContent()) === "3", "a current streak of 3");

        const picker = page.getByLabel("Day", { exact: true });
        await picker.fill(addDays(state.today, -10));
        await page.getByRole("button", { name: "Edit this day" }).click();
        await page.getByRole("radio", { name: "Skipped (does not break the streak)" }).check();
        await page.getByRole("button", { name: "Save day" }).click();
        await focusIsOn(picker, "the date picker after Save day");
        const tenDaysAgo = calendar.locator(`[data-date="${addDays(state.today, -10)}"]`);
        await eventually(async () => /: skipped$/.test((await attr(tenDaysAgo, "aria-label")) ?? ""), "skipped");
      },
    ],
    [
      "reorders habits with the keyboard-friendly buttons",
      async ({ page }) => {
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
      async ({ page }) => {
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
      async ({ page }) => {
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
      async ({ page }) => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archive" }).click();
        await heading(page, "Archive").waitFor();
        await page.getByRole("heading", { name: "Nothing archived" }).waitFor();
        await captureScreen(page, "archive-empty");
      },
    ],
    [
      "archives a habit and restores it, focus following the rows and buttons that change",
      async ({ page }) => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Habits" }).click();
        await page.getByRole("link", { name: "Gym" }).click();
        await heading(page, "Gym").waitFor();
        // Deleting asks twice; focus stays on the buttons as they change.
        await page.getByRole("button", { name: "Delete" }).click();
        await focusIsOn(page.getByRole("button", { name: "Keep" }), "Keep");
        await page.keyboard.press("Enter");
        await focusIsOn(page.getByRole("button", { name: "Delete" }), "Delete again");
        await page.getByRole("button", { name: "Archive" }).click();
        await page.getByText("“Gym” was archived.").waitFor();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archive" }).click();
        await heading(page, "Archive").waitFor();
        await page.getByRole("button", { name: "Restore Gym" }).waitFor();
        await captureScreen(page, "archive");
        await page.getByRole("button", { name: "Restore Gym" }).click();
        // The last row gone, focus goes to what took its place, not to the top of the page.
        await focusIsOn(page.getByRole("heading", { name: "Nothing archived" }), "the empty archive's heading");
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
        await page.getByRole("link", { name: "Gym details" }).waitFor();
        // A restore gives the habits new ids: the later steps open Meditate's page at its new address,
        // seen once since (as the offline step expects of a page it opens without the network).
        await page.getByRole("link", { name: "Meditate details" }).click();
        await heading(page, "Meditate").waitFor();
        await page.getByRole("grid", { name: /Meditate, the last year/ }).waitFor();
        state.habitUrl = page.url();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
        await heading(page, "Today").waitFor();
      },
    ],
    [
      "exports and re-imports through settings; chooses a theme",
      async ({ page }) => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
        await heading(page, "Settings").waitFor();
        const zone = await page.getByLabel("Time zone").inputValue();
        assert(
          zone === BROWSER_ZONE,
          `sign-up should have kept the browser's zone ${BROWSER_ZONE}, settings show ${zone}`,
        );
        await captureScreen(page, "settings");
        await assertNoStopUnderTabBar(page, "settings");
        await page.getByRole("radio", { name: "Dark" }).check();
        const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert(dark === "rgb(22, 24, 27)", `the dark theme shows a ${dark} page`);
        await page.getByRole("radio", { name: "As the system" }).check();
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
      async ({ page }) => {
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
        // A restore gives the habits new ids: the later steps open Meditate's page at its new address,
        // seen once since (as the offline step expects of a page it opens without the network).
        await page.getByRole("link", { name: "Meditate details" }).click();
        await heading(page, "Meditate").waitFor();
        await page.getByRole("grid", { name: /Meditate, the last year/ }).waitFor();
        state.habitUrl = page.url();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
        await heading(page, "Today").waitFor();
      },
    ],
    [
      "a 366-day habit made through the API opens in the edit form and saves",
      async ({ page }) => {
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
      "Today at a phone's size: the keyboard walk has no stop under the tab bar",
      async ({ page }) => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
        await heading(page, "Today").waitFor();
        await dayIs(page, "Meditate, today", "done");
        await assertNoStopUnderTabBar(page, "Today");
      },
    ],
    [
      "the app works offline from its shell",
      async ({ page }) => {
        const installed = await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
        assert(installed, "no service worker is active");
        await page.waitForLoadState("networkidle");
        await page.context().setOffline(true);
        try {
          await page.reload();
          await heading(page, "Today").waitFor();
          await dayIs(page, "Meditate, today", "done");
          await page.getByText(/You're offline/).waitFor();
          await captureScreen(page, "today-offline");
          await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Habits" }).click();
          await heading(page, "Habits").waitFor();
          await page.goto(state.habitUrl);
          await heading(page, "Meditate").waitFor();
          await page.getByRole("grid", { name: /Meditate, the last year/ }).waitFor();
        } finally {
          await page.context().setOffline(false);
        }
      },
    ],
    [
      "an offline check-in survives closing the tab and reaches the server later",
      async (current) => {
        let { page } = current;
        await page.goto(baseUrl + "/");
        await heading(page, "Today").waitFor();
        // Going offline with the page's own requests still on their way would fail them, loudly.
        await page.waitForLoadState("networkidle");
        await page.context().setOffline(true);
        await dayCell(page, "Gym, yesterday").click();
        await dayIs(page, "Gym, yesterday", "done, will sync");
        await page.getByText("will sync").first().waitFor();
        await captureScreen(page, "today-will-sync");
        page = await current.reopen();
        await page.context().setOffline(false);
        const date = addDays(state.today, -1);
        await page.goto(baseUrl + "/");
        await heading(page, "Today").waitFor();
        await dayIs(page, "Gym, yesterday", "done");
        await eventually(
          async () => (await serverEntry(current, "Gym", date))?.status === "done",
          "the server's entry",
        );
      },
    ],
    [
      "signs out, is told why a wrong password fails, and signs back in with the check-ins kept",
      async ({ page, watch }) => {
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
        watch.expectRefusal("POST", "/api/auth/login/", 400);
        await signIn(page, "not-the-password");
        await page.getByText("The email address or the password is not correct.").waitFor();
        assert(!(await page.getByText("The request has invalid fields.").count()), "the generic message shows");
        await captureScreen(page, "sign-in-wrong-password");
        await signIn(page);
        await heading(page, "Today").waitFor();
        await dayIs(page, "Meditate, today", "done");
      },
    ],
    [
      "deletes the account after confirming the password",
      async ({ page }) => {
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
    // The tab the steps use; `reopen()` closes it and opens a new one, as a person closing the
    // app and coming back would (the browser's storage and service worker stay).
    const session = {
      baseUrl: backend.baseUrl,
      page: await context.newPage(),
      async reopen() {
        const problems = session.watch.take();
        await session.page.close();
        session.page = await context.newPage();
        session.watch = watchConsole(session.page);
        session.earlier.push(...problems);
        return session.page;
      },
      earlier: [],
    };
    session.watch = watchConsole(session.page);
    const steps = [
      ...scenario(session, downloads),
      ...accountScenario(backend.baseUrl),
      // Signed in as the accounts steps leave it; the steps after it bring their own accounts.
      ...importScenario(backend.baseUrl),
      ...groupsScenario(backend.baseUrl),
      ...reminderScenario(session, backend),
      ...tokenScenario(backend.baseUrl),
      ...everydayScenario(backend.baseUrl),
      ...languageScenario(backend.baseUrl),
    ];
    for (const [index, [name, step]] of steps.entries()) {
      const started = Date.now();
      try {
        await step(session);
        const problems = [...session.earlier.splice(0), ...session.watch.take()];
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
        await session.page.screenshot({ path: join(tmpdir(), `habits-e2e-failure-${index + 1}.png`) }).catch(() => {});
        session.earlier.splice(0);
        session.watch.take();
      }
    }
    // Anything the browser logs after the last step still counts.
    await session.page.waitForTimeout(500);
    const late = session.watch.take();
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
