import { i18n } from "@lingui/core";
import { activateLocale, currentLocale, initialLocale, matchLocale } from "@/lib/i18n";

afterEach(async () => {
  await activateLocale("en");
  localStorage.clear();
});

test("the browser's first supported language wins, by its primary subtag", () => {
  expect(matchLocale(["de-AT", "en-US"])).toBe("de");
  expect(matchLocale(["fr-FR", "es-MX", "de"])).toBe("es");
  expect(matchLocale(["fr", "it"])).toBe("en");
  expect(matchLocale([])).toBe("en");
});

test("a chosen language is loaded, marked on the page and remembered on the device", async () => {
  await activateLocale("de");
  expect(currentLocale()).toBe("de");
  expect(document.documentElement.lang).toBe("de");
  expect(initialLocale()).toBe("de");
  expect(i18n._("Settings")).toBe("Einstellungen");
});
