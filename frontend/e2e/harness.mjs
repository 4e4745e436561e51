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
 * Collects every console error and warning and every uncaught exception, with no allowances:
 * the app learns the session state without a refused request, so a signed-out visitor, sign-out
 * and sign-in log nothing. Chromium logs any 4xx or 5xx the page meets ("Failed to load
 * resource"), and every such response is recorded as well, so a flow that makes the server
 * refuse a request fails here.
 */
export function watchConsole(page) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    const url = message.location()?.url ?? "";
    problems.push(`console ${message.type()}: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  // Belt and braces: a refused request fails the run even if Chromium stopped logging it.
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.push(`refused: ${response.request().method()} ${response.url()} answered ${response.status()}`);
  });
  return {
    take() {
      return problems.splice(0, problems.length);
    },
  };
}

async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  // Evaluated through the DevTools protocol rather than a <script> tag: the SPA's CSP
  // (script-src 'self') rightly refuses inline scripts.
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Screenshots the current screen at phone and desktop size in light and dark, and runs axe on
 * each. Throws on serious or critical violations. Leaves the page at phone size, light.
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
