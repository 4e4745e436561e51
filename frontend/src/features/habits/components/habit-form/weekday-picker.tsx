import { useLingui } from "@lingui/react";
import { ISO_WEEKDAYS, weekdayName } from "@/lib/dates";

interface WeekdayPickerProps {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  value: number[];
  errors?: string[];
  onChange: (weekdays: number[]) => void;
}

/** A checkbox per weekday, Monday first. */
export function WeekdayPicker({ value, errors, onChange }: WeekdayPickerProps) {
  const { i18n } = useLingui();
  return (
    <fieldset className="fieldset nested">
      <legend>{i18n._("Days")}</legend>
      <div className="weekday-picker">
        {ISO_WEEKDAYS.map((iso) => (
          <label key={iso} className="weekday">
            <input
              type="checkbox"
              checked={value.includes(iso)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, iso] : value.filter((other) => other !== iso))
              }
            />
            <abbr title={weekdayName(iso, "long")}>{weekdayName(iso, "short")}</abbr>
          </label>
        ))}
      </div>
      {errors && <p className="field-error">⚠ {errors.join(" ")}</p>}
    </fieldset>
  );
}
