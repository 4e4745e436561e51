// The small pieces the browser suite is made of: launching the system Chromium, screenshots in
// both sizes and both colour schemes, axe checks, and the console watch.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const screenshotDir = join(here, "screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];
export const SCHEMES = ["light", "dark"];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Collects every console error and warning and every uncaught exception: the app learns the
 * session state without a refused request, so a signed-out visitor, sign-out and sign-in log
 * nothing. Chromium logs any 4xx or 5xx the page meets ("Failed to load resource"), and every such
 * response is recorded as well, so a flow that makes the server refuse a request fails here.
 *
 * The one allowance is declared by the step that provokes it: `expectRefusal(method, path,
 * status)` lets exactly one such answer (and Chromium's line about it) through, and `take()`
 * reports it as a problem if it never came.
 */
export function watchConsole(page) {
  const problems = [];
  const expected = [];
  const isExpected = (method, url, status) => {
    const index = expected.findIndex(
      (refusal) =>
        (method === undefined || refusal.method === method) &&
        new URL(url).pathname === refusal.path &&
        refusal.status === status &&
        !(method === undefined ? refusal.logged : refusal.answered),
    );
    if (index < 0) return false;
    expected[index][method === undefined ? "logged" : "answered"] = true;
    return true;
  };
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    const url = message.location()?.url ?? "";
    const status = Number(/status of (\d{3})/.exec(message.text())?.[1]);
    if (url && status && isExpected(undefined, url, status)) return;
    problems.push(`console ${message.type()}: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  // Belt and braces: a refused request fails the run even if Chromium stopped logging it.
  page.on("response", (response) => {
    if (response.status() < 400) return;
    if (isExpected(response.request().method(), response.url(), response.status())) return;
    problems.push(`refused: ${response.request().method()} ${response.url()} answered ${response.status()}`);
  });
  return {
    expectRefusal(method, path, status) {
      expected.push({ method, path, status, answered: false, logged: false });
    },
    take() {
      for (const refusal of expected.splice(0, expected.length))
        if (!refusal.answered) problems.push(`expected ${refusal.method} ${refusal.path} to answer ${refusal.status}`);
      return problems.splice(0, problems.length);
    },
  };
}

/**
 * Walks the page with Tab from the top, at phone size, and returns every stop whose box the bottom
 * tab bar covers (the browser scrolls a focused element into view, but not out from under a fixed
 * bar). Stops inside the tab bar are its own links. Ends when focus comes back round or after
 * `limit` stops.
 */
export async function tabStopsUnderTabBar(page, limit = 120) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const hidden = [];
  let first = null;
  for (let stop = 0; stop < limit; stop++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const bar = document.querySelector(".main-nav");
      const box = element.getBoundingClientRect();
      const barBox = bar?.getBoundingClientRect();
      const name =
        element.getAttribute("aria-label") || element.textContent?.trim().slice(0, 40) || element.tagName.toLowerCase();
      const covered =
        barBox && getComputedStyle(bar).position === "fixed" && !bar.contains(element) && box.bottom > barBox.top + 0.5;
      return { key: `${name}|${Math.round(box.top + window.scrollY)}`, name, covered: Boolean(covered) };
    });
    if (!found) continue;
    if (found.key === first) break;
    first ??= found.key;
    if (found.covered) hidden.push(found.name);
  }
  return hidden;
}

async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  // Evaluated through the DevTools protocol rather than a <script> tag: the SPA's CSP
  // (script-src 'self') rightly refuses inline scripts.
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Every rule axe has for WCAG 2.2 AA, target size (2.5.8) included, which axe leaves off by default.
    const result = await window.axe.run(document, {
      resultTypes: ["violations"],
      rules: { "target-size": { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations;
}

/**
 * Screenshots the current screen at phone and desktop size in light and dark, and runs axe on
 * each. Throws on any violation, whatever its impact. Leaves the page at phone size, light.
 */
export async function captureScreen(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const failures = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.waitForTimeout(50);
      await page.screenshot({
        path: join(screenshotDir, `${name}-${viewport.width}x${viewport.height}-${scheme}.png`),
        fullPage: true,
      });
      for (const v of await axeViolations(page)) {
        failures.push(`${viewport.name}/${scheme} ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(", ")}`);
      }
    }
  }
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
  await page.emulateMedia({ colorScheme: "light" });
  if (failures.length) throw new Error(`axe on ${name}:\n  ${[...new Set(failures)].join("\n  ")}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
