// Browser end-to-end steps for the app's languages, in a browser context of its own whose browser
// speaks German (navigator.language and Accept-Language de-DE): sign-in and sign-up in German, the
// app in German once signed in, the server's own messages in German; then English chosen in
// Settings switches the page at once (no reload) and stays after a reload (the account's choice).
import { mailLink } from "./accounts.mjs";
import { assert, captureScreen, watchConsole } from "./harness.mjs";

const TIMEOUT = 15_000;
const PASSWORD = "languages-Passphrase-2026";

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });
const nav = (page, name) => page.getByRole("navigation", { name, exact: true });

export function languageScenario(baseUrl) {
  const email = `languages-${Date.now()}@example.com`;
  const german = {};

  async function finish() {
    const problems = german.watch.take();
    await german.context.close();
    assert(problems.length === 0, `browser console:\n  ${problems.join("\n  ")}`);
  }

  /** Runs a step on the German browser's page; a failure closes it, so later steps fail plainly. */
  const onGermanPage = (step) => async () => {
    assert(german.page, "the German browser's page is gone (an earlier step failed)");
    try {
      await step(german.page);
      const problems = german.watch.take();
      assert(problems.length === 0, `browser console:\n  ${problems.join("\n  ")}`);
    } catch (error) {
      // A wrong word on a page that still works: the later steps can go on.
      if (error.pageStillWorks) throw error;
      await german.page.screenshot({ path: `/tmp/habits-e2e-languages-failure.png` }).catch(() => {});
      await german.context.close().catch(() => {});
      german.page = null;
      throw error;
    }
  };

  return [
    [
      "languages: a German browser meets sign-in in German, with a switcher",
      async ({ page: sessionPage }) => {
        german.context = await sessionPage
          .context()
          .browser()
          .newContext({ locale: "de-DE", viewport: { width: 390, height: 844 }, timezoneId: "Europe/Berlin" });
        german.context.setDefaultTimeout(TIMEOUT);
        german.page = await german.context.newPage();
        german.watch = watchConsole(german.page);
        await onGermanPage(async (page) => {
          await page.goto(`${baseUrl}/`);
          await heading(page, "Anmelden").waitFor();
          await page.getByLabel("Passwort", { exact: true }).waitFor();
          const lang = await page.evaluate(() => document.documentElement.lang);
          assert(lang === "de", `the page says lang="${lang}"`);
          const title = await page.title();
          assert(title === "Anmelden · Gewohnheiten", `the tab's title is "${title}"`);
          const chosen = await page.getByRole("combobox", { name: "Sprache" }).inputValue();
          assert(chosen === "de", `the language switcher shows "${chosen}"`);
          await captureScreen(page, "sign-in-de");
        })();
      },
    ],
    [
      "languages: signs up in German and meets the app in German",
      onGermanPage(async (page) => {
        await page.getByRole("link", { name: "Konto erstellen" }).click();
        await heading(page, "Erstelle dein Konto").waitFor();
        await page.getByLabel("E-Mail").fill(email);
        await page.getByLabel("Passwort").fill(PASSWORD);
        await page.getByRole("button", { name: "Konto erstellen" }).click();
        await heading(page, "Sieh in deinem Posteingang nach").waitFor();
        await page.goto(await mailLink(baseUrl, email, "signup"));
        await page.getByRole("button", { name: "Mein Konto erstellen" }).click();
        const main = nav(page, "Hauptmenü");
        await main.getByRole("link", { name: "Heute" }).waitFor();
        await main.getByRole("link", { name: "Einstellungen" }).waitFor();
        await captureScreen(page, "today-de");
      }),
    ],
    [
      "languages: a wrong password is answered in German, by the server",
      onGermanPage(async (page) => {
        await nav(page, "Hauptmenü").getByRole("link", { name: "Einstellungen" }).click();
        await heading(page, "Einstellungen").waitFor();
        await page.getByRole("button", { name: "Abmelden" }).click();
        await heading(page, "Anmelden").waitFor();
        german.watch.expectRefusal("POST", "/api/auth/login/", 400);
        await page.getByLabel("E-Mail").fill(email);
        await page.getByLabel("Passwort", { exact: true }).fill("not-the-password");
        await page.getByRole("button", { name: "Anmelden", exact: true }).click();
        const problem = page.locator(".form-error");
        await problem.waitFor();
        const said = (await problem.textContent()).replace("⚠", "").trim();
        // The backend's own words (translated there): German, not its English original.
        if (!/Passwort/.test(said) || /password is not correct/i.test(said)) {
          const error = new Error(
            `a wrong password is answered "${said}", not in German (is the backend's translation merged?)`,
          );
          error.pageStillWorks = true;
          throw error;
        }
      }),
    ],
    [
      "languages: English chosen in Settings applies at once, and after a reload (the account's choice)",
      onGermanPage(async (page) => {
        if (!(await heading(page, "Anmelden").isVisible())) await page.goto(`${baseUrl}/sign-in`);
        await heading(page, "Anmelden").waitFor();
        await page.getByLabel("E-Mail").fill(email);
        await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
        await page.getByRole("button", { name: "Anmelden", exact: true }).click();
        await nav(page, "Hauptmenü").getByRole("link", { name: "Einstellungen" }).click();
        await heading(page, "Einstellungen").waitFor();
        // A mark on this page's window: gone if anything reloads it.
        await page.evaluate(() => (window.__sameDocument = true));
        const saved = page.waitForResponse(
          (answer) => new URL(answer.url()).pathname === "/api/auth/me/" && answer.request().method() === "PATCH",
        );
        await page.getByRole("combobox", { name: "Sprache" }).selectOption("en");
        await heading(page, "Settings").waitFor();
        await nav(page, "Main").getByRole("link", { name: "Today" }).waitFor();
        await page.getByRole("button", { name: "Sign out" }).waitFor();
        assert(await page.evaluate(() => window.__sameDocument === true), "choosing a language reloaded the page");
        const lang = await page.evaluate(() => document.documentElement.lang);
        assert(lang === "en", `the page says lang="${lang}" after choosing English`);
        const answer = await saved;
        assert(answer.ok(), `PATCH /api/auth/me/ answered ${answer.status()}`);
        assert(
          (await answer.request().postDataJSON()).language === "en",
          "the account's language was not sent as English",
        );

        await page.reload();
        await heading(page, "Settings").waitFor();
        await nav(page, "Main").getByRole("link", { name: "Today" }).waitFor();

        // The account itself says English: with this device's choice forgotten (its browser still
        // says German), signing in again brings English back.
        const me = await page.evaluate(async () => (await fetch("/api/auth/me/")).json());
        assert(me.language === "en", `the account's language is ${JSON.stringify(me.language)}, not "en"`);
        await page.evaluate(() => localStorage.removeItem("habit-tracker.locale"));
        await page.reload();
        await heading(page, "Settings").waitFor();
        await captureScreen(page, "settings-language-en");
        await finish();
        german.page = null;
      }),
    ],
  ];
}
