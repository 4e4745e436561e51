// `lingui compile --typescript --strict`, then the English catalogs lose every message that is
// plain text: its compiled form is the text itself, which is also its id, so the runtime gives the
// same answer without it (lib/i18n.ts passes such a message through unchanged). English is in
// the first load; only the messages with placeholders, plurals or escapes stay in it.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

execFileSync("npx", ["lingui", "compile", "--typescript", "--strict"], { stdio: ["ignore", "pipe", "inherit"] });

const english = new URL("../src/locales/en", import.meta.url).pathname;
const PATTERN = /^(.*JSON\.parse\()(".*")(\)as Messages;\s*)$/s;
for (const name of readdirSync(english).filter((file) => file.endsWith(".ts"))) {
  const path = join(english, name);
  const source = readFileSync(path, "utf8");
  const parts = source.match(PATTERN);
  if (!parts) throw new Error(`i18n: ${path} is not in the shape lingui compile writes`);
  const messages = JSON.parse(JSON.parse(parts[2]));
  const kept = Object.fromEntries(
    Object.entries(messages).filter(
      ([id, compiled]) => !(Array.isArray(compiled) && compiled.length === 1 && compiled[0] === id),
    ),
  );
  writeFileSync(path, `${parts[1]}${JSON.stringify(JSON.stringify(kept))}${parts[3]}`);
}
