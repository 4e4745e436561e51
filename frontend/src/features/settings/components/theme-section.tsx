import { useLingui } from "@lingui/react";
import { THEMES, setTheme, useTheme, type Theme } from "@/lib/theme";

/** Light, dark or the system's: applied at once, kept on this device. */
export function ThemeSection() {
  const { i18n } = useLingui();
  const theme = useTheme();
  const labels: Record<Theme, string> = {
    system: i18n._("As the system"),
    light: i18n._("Light"),
    dark: i18n._("Dark"),
  };
  return (
    <section className="card" aria-labelledby="theme-title">
      <h2 id="theme-title">{i18n._("Appearance")}</h2>
      <fieldset className="inline-choices">
        <legend>{i18n._("Theme on this device")}</legend>
        <div className="theme-choices">
          {THEMES.map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="theme" checked={theme === option} onChange={() => setTheme(option)} />
              {labels[option]}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
