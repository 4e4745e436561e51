import { THEMES, setTheme, useTheme, type Theme } from "@/lib/theme";

const LABELS: Record<Theme, string> = {
  system: "As the system",
  light: "Light",
  dark: "Dark",
};

/** Light, dark or the system's: applied at once, kept on this device. */
export function ThemeSection() {
  const theme = useTheme();
  return (
    <section className="card" aria-labelledby="theme-title">
      <h2 id="theme-title">Appearance</h2>
      <fieldset className="inline-choices">
        <legend>Theme on this device</legend>
        <div className="theme-choices">
          {THEMES.map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="theme" checked={theme === option} onChange={() => setTheme(option)} />
              {LABELS[option]}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
