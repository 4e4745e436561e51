// Browser end-to-end steps for everyday use, each in a browser context of its own with a
// fresh account: a measurable habit's "Days target met" and its score chart from the first entry,
// the whole year's calendar on a wide screen, six habits on a phone's first screen, and a reload of
// Today that asks who is signed in with one request (no /api/auth/me/ after it).
import { mailLink } from "./accounts.mjs";
import { assert, watchConsole } from "./harness.mjs";

const TIMEOUT = 15_000;
const PASSWORD = "everyday-Passphrase-2026";

const heading = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

/** A new context (its own cookies and storage) signed in as a new account, with its page. */
async function freshAccount(browser, baseUrl, viewport) {
  const context = await browser.newContext({ viewport, timezoneId: "Europe/Berlin" });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const watch = watchConsole(page);
  const email = `everyday-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await heading(page, "Check your inbox").waitFor();
  await page.goto(await mailLink(baseUrl, email, "signup"));
  await page.getByRole("button", { name: "Create my account" }).click();
  await heading(page, "Today").waitFor();
  const today = await page.evaluate(async () => (await (await fetch("/api/auth/me/")).json()).today);
  return { context, page, watch, today };
}

/** An API call from the page's session, as the app makes it (CSRF header from the cookie). */
async function call(page, method, path, body) {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === "csrftoken")?.value;
  const response = await page.request.fetch(new URL(path, page.url()).toString(), {
    method,
    headers: { "X-CSRFToken": token ?? "" },
    data: body,
  });
  assert(response.ok(), `${method} ${path} answered ${response.status()}`);
  return response.status() === 204 ? null : response.json();
}

const addDays = (iso, days) => {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

async function finish({ context, watch }) {
  const problems = watch.take();
  await context.close();
  assert(problems.length === 0, `browser console:\n  ${problems.join("\n  ")}`);
}

export function everydayScenario(baseUrl) {
  return [
    [
      "everyday: a measurable habit counts the days that met its target, its score starts at the first entry, and the year fits a wide screen",
      async ({ page: sessionPage }) => {
        const account = await freshAccount(sessionPage.context().browser(), baseUrl, { width: 1280, height: 900 });
        const { page, today } = account;
        const water = await call(page, "POST", "/api/habits/", {
          name: "Water",
          kind: "numeric",
          unit: "glasses",
          target_value: 8,
        });
        // Five days done, two of them at the target: 8 and 10 glasses.
        for (const [ago, value] of [
          [5, 8],
          [4, 3],
          [3, 10],
          [2, 0],
          [1, 7],
        ])
          await call(page, "PUT", `/api/habits/${water.id}/entries/${addDays(today, -ago)}/`, { value });
        await page.goto(`${baseUrl}/habits/${water.id}`);
        await heading(page, "Water").waitFor();
        const tile = page.locator(".stat-tiles div", { hasText: "Days target met" }).locator("dd");
        await tile.filter({ hasText: /^\d+$/ }).waitFor();
        assert((await tile.textContent()) === "2", `"Days target met" shows ${await tile.textContent()}, not 2`);
        const caption = await page.locator(".chart figcaption").textContent();
        const firstDay = new Intl.DateTimeFormat(undefined, {
          day: "numeric",
          month: "short",
          year: "numeric",
          timeZone: "UTC",
        }).format(new Date(`${addDays(today, -5)}T00:00:00Z`));
        assert(
          caption.startsWith(`Score from ${firstDay} to `) && !/started at 0%/.test(caption),
          `the score chart's caption says "${caption}", not from the first entry (${firstDay})`,
        );
        // The calendar's year: every week column inside the visible box, none scrolled away.
        const scroller = page.locator(".heatmap-scroller");
        const { scrollWidth, clientWidth } = await scroller.evaluate((element) => ({
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
        }));
        assert(scrollWidth <= clientWidth + 1, `the year's calendar scrolls: ${scrollWidth} px in ${clientWidth} px`);
        await finish(account);
      },
    ],
    [
      "everyday: a phone shows six habits on Today's first screen, and a reload asks who is signed in once",
      async ({ page: sessionPage }) => {
        const viewport = { width: 390, height: 844 };
        const account = await freshAccount(sessionPage.context().browser(), baseUrl, viewport);
        const { page } = account;
        for (const name of ["Read", "Walk", "Stretch", "Journal", "Floss", "Water plants", "Call family"])
          await call(page, "POST", "/api/habits/", { name });
        const asked = [];
        page.on("request", (request) => {
          const { pathname } = new URL(request.url());
          if (pathname.startsWith("/api/")) asked.push(pathname);
        });
        await page.reload();
        await heading(page, "Today").waitFor();
        await page.locator(".habit-row").nth(6).waitFor();
        await page.waitForLoadState("networkidle");
        const sessionAsks = asked.filter((path) => path === "/api/auth/csrf/").length;
        assert(
          sessionAsks === 1 && !asked.includes("/api/auth/me/"),
          `the reload asked ${asked.join(", ")}: the session once, and no /api/auth/me/, was expected`,
        );
        const fitting = await page.evaluate(() => {
          const bar = document.querySelector("nav[aria-label='Main']")?.getBoundingClientRect();
          const bottom = bar && bar.top > window.innerHeight / 2 ? bar.top : window.innerHeight;
          return [...document.querySelectorAll(".habit-row")].filter(
            (row) => row.getBoundingClientRect().bottom <= bottom,
          ).length;
        });
        assert(fitting >= 6, `only ${fitting} habit rows fit a phone's first screen`);
        await finish(account);
      },
    ],
  ];
}
