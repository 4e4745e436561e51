// Fails when the catalogs in src/locales are not what `npm run i18n` would write from the code (a
// message added or changed without extracting) or a Spanish or German message is untranslated
// (`lingui compile --strict`). The catalogs are restored afterwards: the check changes nothing.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const locales = new URL("../src/locales", import.meta.url).pathname;
const kept = mkdtempSync(join(tmpdir(), "locales-"));
cpSync(locales, kept, { recursive: true });

function files(dir, prefix = "") {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

let failed = false;
try {
  const lingui = (args) => execFileSync("npx", ["lingui", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  lingui(["extract", "--clean"]);
  try {
    execFileSync("node", [new URL("./i18n-compile.mjs", import.meta.url).pathname], {
      stdio: ["ignore", "pipe", "inherit"],
    });
  } catch {
    console.error("i18n: some messages have no Spanish or German translation (see above).");
    failed = true;
  }
  const before = new Set(files(kept));
  const after = new Set(files(locales));
  for (const name of new Set([...before, ...after])) {
    const old = before.has(name) ? readFileSync(join(kept, name), "utf8") : null;
    const now = after.has(name) ? readFileSync(join(locales, name), "utf8") : null;
    if (old !== now) {
      console.error(`i18n: src/locales/${name} is out of date: run \`npm run i18n\` and translate what it adds.`);
      failed = true;
    }
  }
} finally {
  rmSync(locales, { recursive: true, force: true });
  cpSync(kept, locales, { recursive: true });
  rmSync(kept, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log("i18n: catalogs up to date, every message translated.");
