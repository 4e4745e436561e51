import type { I18n } from "@lingui/core";
import { useLingui } from "@lingui/react";
import type { CSSProperties } from "react";

export const PALETTE = [
  { name: "Green", value: "#2f7d5b" },
  { name: "Teal", value: "#1f7a8c" },
  { name: "Blue", value: "#3866c9" },
  { name: "Purple", value: "#7a4fc4" },
  { name: "Pink", value: "#b8437a" },
  { name: "Red", value: "#c2413b" },
  { name: "Orange", value: "#c4651d" },
  { name: "Brown", value: "#8a6a3b" },
  { name: "Grey", value: "#5f6b76" },
] as const;

/** A palette colour's name in the SPA's language (the palette's `name` is its key). */
function swatchName(name: (typeof PALETTE)[number]["name"], i18n: I18n): string {
  const names: Record<typeof name, string> = {
    Green: i18n._("Green"),
    Teal: i18n._("Teal"),
    Blue: i18n._("Blue"),
    Purple: i18n._("Purple"),
    Pink: i18n._("Pink"),
    Red: i18n._("Red"),
    Orange: i18n._("Orange"),
    Brown: i18n._("Brown"),
    Grey: i18n._("Grey"),
  };
  return names[name];
}

interface ColourPickerProps {
  value: string;
  errors?: string[];
  onChange: (color: string) => void;
}

/** A named swatch per palette colour (a radio each, so the name is read out), and a custom colour. */
export function ColourPicker({ value, errors, onChange }: ColourPickerProps) {
  const { i18n } = useLingui();
  return (
    <fieldset className="fieldset">
      <legend>{i18n._("Colour")}</legend>
      <div className="swatches">
        {PALETTE.map((swatch) => (
          <label key={swatch.value} className="swatch" style={{ "--swatch": swatch.value } as CSSProperties}>
            <input
              type="radio"
              name="color"
              value={swatch.value}
              checked={value.toLowerCase() === swatch.value}
              onChange={() => onChange(swatch.value)}
            />
            <span className="swatch-dot" aria-hidden="true" />
            <span className="swatch-name">{swatchName(swatch.name, i18n)}</span>
          </label>
        ))}
        <label className="swatch">
          <input type="color" value={value} onChange={(event) => onChange(event.target.value)} />
          <span className="swatch-name">{i18n._("Custom")}</span>
        </label>
      </div>
      {errors && <p className="field-error">{errors.join(" ")}</p>}
    </fieldset>
  );
}
