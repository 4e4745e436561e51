import { useLingui } from "@lingui/react";
import { useId } from "react";
import { activateLocale, isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n";

/**
 * The languages as a select, each named in its own words. `onChange` hears the choice once the SPA
 * speaks it; a catalog that cannot be fetched (offline) leaves the current language.
 */
export function LanguageSelect({
  id,
  onChange,
  ...props
}: {
  id?: string;
  onChange?: (locale: Locale) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  disabled?: boolean;
}) {
  const { i18n } = useLingui();
  const choose = (value: string) => {
    if (!isLocale(value)) return;
    void activateLocale(value).then(
      () => onChange?.(value),
      () => undefined,
    );
  };
  return (
    <select {...props} id={id} value={i18n.locale} onChange={(event) => choose(event.target.value)}>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}

/** The signed-out pages' small language switcher: this device's choice, before there is an account. */
export function LanguageSwitcher() {
  const { i18n } = useLingui();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{i18n._("Language")}</label> <LanguageSelect id={id} />
    </div>
  );
}
