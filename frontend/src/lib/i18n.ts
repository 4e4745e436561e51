/**
 * The SPA's language: Lingui's runtime with catalogs compiled at build time (no message parser in
 * the bundle). Messages are written in English in the code and looked up by that text:
 *
 *   const { i18n } = useLingui();           // in components: re-renders when the language changes
 *   i18n._("Saved {name}", { name });        // ICU MessageFormat: {count, plural, one {# day} other {# days}}
 *   import { i18n } from "@lingui/core";    // elsewhere (formatters, the API client)
 *
 * English is in the first load; Spanish and German are chunks fetched when chosen. The language is
 * the account's once signed in, before that the one last used on this device, else the browser's.
 */
import { i18n, type Messages } from "@lingui/core";
import { messages as enApp } from "@/locales/en/app";
import { messages as enHabits } from "@/locales/en/habits";

export const LOCALES = ["en", "es", "de"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, as a picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español", de: "Deutsch" };

const STORAGE_KEY = "habit-tracker.locale";
const ENGLISH: Messages = { ...enApp, ...enHabits };

const loaders: Record<Exclude<Locale, "en">, () => Promise<Messages>> = {
  es: () =>
    Promise.all([import("@/locales/es/app"), import("@/locales/es/habits")]).then(([app, habits]) => ({
      ...app.messages,
      ...habits.messages,
    })),
  de: () =>
    Promise.all([import("@/locales/de/app"), import("@/locales/de/habits")]).then(([app, habits]) => ({
      ...app.messages,
      ...habits.messages,
    })),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages (BCP 47 tags, best first) that the SPA speaks, else English. */
export function matchLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return "en";
}

export function browserLocale(): Locale {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  return matchLocale(tags.filter(Boolean));
}

function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The language to start in: the one last used on this device, else the browser's. */
export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale();
}

export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : "en";
}

/**
 * Switches the whole SPA to `locale` (components using `useLingui` re-render) and remembers it on
 * this device. A catalog that cannot be fetched (offline before it was ever loaded) leaves the
 * current language in place and rejects.
 */
let requested: Locale | null = null;

export async function activateLocale(locale: Locale): Promise<void> {
  requested = locale;
  if (locale !== currentLocale()) {
    const messages = locale === "en" ? ENGLISH : await loaders[locale]();
    // A later choice made while this catalog was on its way wins (the account's over the device's).
    if (requested !== locale) return;
    i18n.loadAndActivate({ locale, messages });
  }
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or a full quota: the language still applies to this visit.
  }
}

// The English catalogs hold only messages with placeholders, plurals or escapes (scripts/
// i18n-compile.mjs drops plain text, whose compiled form is itself): a message not in a catalog
// is its own text (one plain token). Spanish and German are complete (`lingui compile --strict`), so this only ever
// passes English text through.
i18n.setMessagesCompiler((message) => [message]);
// English is ready before anything renders (and in tests); `activateLocale` switches from there.
i18n.loadAndActivate({ locale: "en", messages: ENGLISH });
