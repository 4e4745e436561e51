import { WEEKDAYS } from "@/lib/dates";

interface WeekdayPickerProps {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  value: number[];
  errors?: string[];
  onChange: (weekdays: number[]) => void;
}

/** A checkbox per weekday, Monday first. */
export function WeekdayPicker({ value, errors, onChange }: WeekdayPickerProps) {
  return (
    <fieldset className="fieldset nested">
      <legend>Days</legend>
      <div className="weekday-picker">
        {WEEKDAYS.map((day) => (
          <label key={day.iso} className="weekday">
            <input
              type="checkbox"
              checked={value.includes(day.iso)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, day.iso] : value.filter((iso) => iso !== day.iso))
              }
            />
            <abbr title={day.long}>{day.short}</abbr>
          </label>
        ))}
      </div>
      {errors && <p className="field-error">⚠ {errors.join(" ")}</p>}
    </fieldset>
  );
}
