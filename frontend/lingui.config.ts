import type { LinguiConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";

/**
 * The SPA's messages: English in the code (the message is its own id), Spanish and German in
 * `src/locales/<locale>/*.po`, compiled to `*.ts` that the build imports (English at first load,
 * the others as chunks loaded when chosen). Two catalogs so that the habit screens and the rest can
 * be translated side by side without touching the same file. `npm run i18n` extracts and compiles;
 * `npm run i18n:check` fails when a message is missing from a catalog or untranslated.
 */
const config: LinguiConfig = {
  sourceLocale: "en",
  locales: ["en", "es", "de"],
  fallbackLocales: { default: "en" },
  catalogs: [
    {
      path: "<rootDir>/src/locales/{locale}/habits",
      include: ["<rootDir>/src/features/habits"],
      exclude: ["**/*.test.*"],
    },
    {
      path: "<rootDir>/src/locales/{locale}/app",
      include: ["<rootDir>/src"],
      exclude: [
        "<rootDir>/src/features/habits/**",
        "<rootDir>/src/locales/**",
        "<rootDir>/src/testing/**",
        "**/*.test.*",
      ],
    },
  ],
  // By id: the messages are written as `i18n._("…")` (explicit ids, no `message`), which the default
  // order ("message") leaves in extraction order, and that varies between runs.
  orderBy: "messageId",
  format: formatter({ lineNumbers: false }),
  compileNamespace: "ts",
};

export default config;
