// Browser end-to-end steps for habit groups, on a fresh account of their own: a group made under
// Habits, a new habit put in it from the habit form, Today showing it under the group's header
// with the group's completion (which a check-in moves), and the group folded, still folded after a
// reload because the fold is saved on the server.
import { mailLink } from "./accounts.mjs";
import { assert, captureScreen } from "./harness.mjs";

const TIMEOUT = 15_000;

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });
const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
const groupHeader = (page, name) => page.getByRole("button", { name: new RegExp(`^${name}\\b`) });

async function until(check, what) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The user's groups as the server has them (asked with the page's session). */
async function serverGroups(page, baseUrl) {
  const response = await page.request.get(`${baseUrl}/api/groups/`);
  assert(response.ok(), `GET /api/groups/ answered ${response.status()}`);
  return response.json();
}

export function groupsScenario(baseUrl) {
  const email = `groups-${Date.now()}@example.com`;
  const password = "groups-Passphrase-2026";
  return [
    [
      "groups: a fresh account",
      async ({ page }) => {
        await page.goto(`${baseUrl}/settings`);
        const signOut = page.getByRole("button", { name: "Sign out" });
        await Promise.race([signOut.waitFor(), heading(page, "Sign in").waitFor()]);
        if (await signOut.isVisible()) {
          await signOut.click();
          await heading(page, "Sign in").waitFor();
        }
        await page.goto(`${baseUrl}/sign-up`);
        await heading(page, "Create your account").waitFor();
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Create account" }).click();
        await heading(page, "Check your inbox").waitFor();
        await page.goto(await mailLink(baseUrl, email, "signup"));
        await page.getByRole("button", { name: "Create my account" }).click();
        await heading(page, "Today").waitFor();
      },
    ],
    [
      "groups: makes a group under Habits and puts a new habit in it from the form",
      async ({ page }) => {
        await nav(page, "Habits").click();
        await heading(page, "Habits").waitFor();
        await page.getByLabel("New group").fill("Morning");
        await page.getByRole("button", { name: "Add group" }).click();
        await page.getByRole("list", { name: "Groups in order" }).getByText("Morning").waitFor();
        await captureScreen(page, "habits-groups");

        await page.getByRole("link", { name: "New habit" }).first().click();
        await heading(page, "New habit").waitFor();
        await page.getByLabel("Name").fill("Stretch");
        await page.getByLabel("Group").selectOption({ label: "Morning" });
        await page.getByRole("button", { name: "Create habit" }).click();
        await heading(page, "Today").waitFor();

        await page.getByRole("link", { name: "New habit" }).first().click();
        await heading(page, "New habit").waitFor();
        await page.getByLabel("Name").fill("Read");
        await page.getByRole("button", { name: "Create habit" }).click();
        await heading(page, "Today").waitFor();
      },
    ],
    [
      "groups: Today shows the group under its header with its completion, which a check-in moves",
      async ({ page }) => {
        const header = groupHeader(page, "Morning");
        await until(async () => (await header.textContent()).includes("0/1"), "Morning at 0/1");
        assert((await header.getAttribute("aria-expanded")) === "true", "the group starts folded");
        const morning = page.getByRole("list", { name: "Morning" });
        await morning.getByRole("link", { name: /^Stretch/ }).waitFor();
        await page.getByRole("list", { name: "Other habits" }).getByRole("link", { name: /^Read/ }).waitFor();
        await page.getByRole("button", { name: /^Stretch, today: not marked/ }).click();
        await until(async () => (await header.textContent()).includes("1/1"), "Morning at 1/1");
        await page.getByRole("button", { name: /^Stretch, today: done$/ }).waitFor();
        await captureScreen(page, "today-groups");
      },
    ],
    [
      "groups: a folded group stays folded after a reload",
      async ({ page }) => {
        const header = groupHeader(page, "Morning");
        await header.click();
        await until(async () => (await header.getAttribute("aria-expanded")) === "false", "the group folded");
        await page.getByRole("button", { name: /^Stretch, today/ }).waitFor({ state: "detached" });
        await until(async () => (await serverGroups(page, baseUrl))[0]?.collapsed === true, "the fold on the server");

        await page.reload();
        await heading(page, "Today").waitFor();
        await page.getByRole("button", { name: /^Read, today/ }).waitFor();
        await until(
          async () => (await groupHeader(page, "Morning").getAttribute("aria-expanded")) === "false",
          "folded",
        );
        assert(
          (await page.getByRole("button", { name: /^Stretch, today/ }).count()) === 0,
          "a folded group's habits show after a reload",
        );
        await until(async () => (await groupHeader(page, "Morning").textContent()).includes("1/1"), "1/1 folded");
        await groupHeader(page, "Morning").click();
        await page.getByRole("button", { name: /^Stretch, today: done$/ }).waitFor();
      },
    ],
  ];
}
