// Prints the first-load JavaScript and CSS, gzip-compressed, as the browser fetches them for the
// first page: the entry script, its modulepreloads and the stylesheets linked from dist/index.html.
// Exits non-zero when the JavaScript is over budget.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_JS_KB = 120;
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

let html;
try {
  html = readFileSync(join(dist, "index.html"), "utf8");
} catch {
  console.error("dist/index.html is missing: run `npm run build` first.");
  process.exit(2);
}

const attr = (tag, name) => tag.match(new RegExp(`${name}="([^"]+)"`))?.[1];
const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
const js = new Set();
const css = new Set();
for (const tag of tags) {
  if (tag.startsWith("<script") && /type="module"/.test(tag) && attr(tag, "src")) js.add(attr(tag, "src"));
  if (tag.startsWith("<link") && /rel="modulepreload"/.test(tag)) js.add(attr(tag, "href"));
  if (tag.startsWith("<link") && /rel="stylesheet"/.test(tag)) css.add(attr(tag, "href"));
}

const gzipKb = (urls) =>
  [...urls].reduce(
    (total, url) => total + gzipSync(readFileSync(join(dist, url.replace(/^\//, ""))), { level: 9 }).length,
    0,
  ) / 1024;

const jsKb = gzipKb(js);
const cssKb = gzipKb(css);
for (const url of [...js, ...css]) console.log(`  ${url}`);
console.log(`first-load JS:  ${jsKb.toFixed(1)} KB gzip (budget ${BUDGET_JS_KB} KB) in ${js.size} files`);
console.log(`first-load CSS: ${cssKb.toFixed(1)} KB gzip in ${css.size} files`);
if (jsKb > BUDGET_JS_KB) {
  console.error(`Over budget by ${(jsKb - BUDGET_JS_KB).toFixed(1)} KB`);
  process.exit(1);
}
