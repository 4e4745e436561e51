import { Field } from "@/components/field";
import type { FieldErrors } from "@/lib/api-client";
import { apiEnums } from "@/types/api-rules";
import { habitLimits, type HabitInput } from "../../api/create-habit";
import { scheduleSummary } from "../format";
import { DAYS_PER_WEEK, toInput, type Draft, type DraftChange, type Preset } from "./habit-draft";
import { WeekdayPicker } from "./weekday-picker";

const PRESET_LABELS: Record<Preset, string> = {
  daily: "Every day",
  per_week: "A number of times per week",
  n_in_d: "A number of times in a number of days",
  weekdays: "On chosen weekdays",
};

/** A label for every period the API knows; a period added to the API fails the type check until it has one. */
const PERIOD_LABELS: Record<HabitInput["period"], string> = {
  rolling: "In any rolling window of days",
  calendar: "Per calendar week or month",
};

interface ScheduleFieldsetProps {
  draft: Draft;
  errors: FieldErrors;
  onChange: DraftChange;
}

/** "How often": a preset, the times and days it needs, the weekdays or the period, and the schedule in words. */
export function ScheduleFieldset({ draft, errors, onChange }: ScheduleFieldsetProps) {
  const { times, days } = habitLimits.frequency;
  const counted = draft.preset === "per_week" || draft.preset === "n_in_d";
  const frequencyErrors = [...(errors.frequency ?? []), ...(errors.period ?? [])];

  return (
    <fieldset className="fieldset">
      <legend>How often</legend>
      <Field label="Frequency">
        {(props) => (
          <select
            {...props}
            value={draft.preset}
            onChange={(event) => onChange({ preset: event.target.value as Preset })}
          >
            {Object.entries(PRESET_LABELS).map(([preset, label]) => (
              <option key={preset} value={preset}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {counted && (
        <div className="inline-fields">
          <Field label="Times" errors={frequencyErrors.length ? frequencyErrors : undefined}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={times.minimum}
                max={draft.preset === "per_week" ? DAYS_PER_WEEK : times.maximum}
                value={draft.times}
                onChange={(event) => onChange({ times: event.target.value })}
              />
            )}
          </Field>
          {draft.preset === "n_in_d" && (
            <Field label="Days">
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={days.minimum}
                  max={days.maximum}
                  value={draft.days}
                  onChange={(event) => onChange({ days: event.target.value })}
                />
              )}
            </Field>
          )}
        </div>
      )}
      {draft.preset === "weekdays" && (
        <WeekdayPicker
          value={draft.weekdays}
          errors={errors.weekdays}
          onChange={(weekdays) => onChange({ weekdays })}
        />
      )}
      {counted && (
        <fieldset className="fieldset nested">
          <legend>Count the times</legend>
          {apiEnums.PeriodEnum.map((period) => (
            <label key={period} className="choice">
              <input
                type="radio"
                name="period"
                checked={draft.period === period}
                onChange={() => onChange({ period })}
              />
              {PERIOD_LABELS[period]}
            </label>
          ))}
        </fieldset>
      )}
      <p className="hint" aria-live="polite">
        Schedule: {scheduleSummary(toInput(draft))}
      </p>
    </fieldset>
  );
}
