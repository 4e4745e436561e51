import { useLingui } from "@lingui/react";
import type { I18n } from "@lingui/core";
import { Field } from "@/components/field";
import type { FieldErrors } from "@/lib/api-client";
import { apiEnums } from "@/types/api-rules";
import { habitLimits, type HabitInput } from "../../api/create-habit";
import { scheduleSummary } from "../format";
import {
  DAYS_PER_MONTH,
  DAYS_PER_WEEK,
  offersCalendar,
  toInput,
  type Draft,
  type DraftChange,
  type Preset,
} from "./habit-draft";
import { WeekdayPicker } from "./weekday-picker";

function presetLabels(i18n: I18n): Record<Preset, string> {
  return {
    daily: i18n._("Every day"),
    per_week: i18n._("A number of times per week"),
    per_month: i18n._("A number of times per month"),
    n_in_d: i18n._("A number of times in a number of days"),
    weekdays: i18n._("On chosen weekdays"),
  };
}

/** A label for every period the API knows, per preset; a period added to the API fails the type check until it has one. */
function periodLabels(i18n: I18n, preset: Preset, days: string): Record<HabitInput["period"], string> {
  if (preset === "per_week")
    return {
      rolling: i18n._("In any 7 days in a row"),
      calendar: i18n._("Per calendar week (Monday to Sunday)"),
    };
  if (preset === "per_month")
    return { rolling: i18n._("In any 30 days in a row"), calendar: i18n._("Per calendar month") };
  return {
    rolling: i18n._("In any {days} days in a row", { days }),
    calendar: i18n._("In fixed blocks of {days} days", { days }),
  };
}

interface ScheduleFieldsetProps {
  draft: Draft;
  errors: FieldErrors;
  onChange: DraftChange;
}

/**
 * "How often": a preset, the times and days it needs, the weekdays or the period, and the schedule
 * in words. Calendar counting is offered for weeks and months, where it means what it says; "a
 * number of times in a number of days" counts any window of days (a habit that already counts in
 * fixed blocks, from a Loop import, shows that choice so it can be seen and changed).
 */
export function ScheduleFieldset({ draft, errors, onChange }: ScheduleFieldsetProps) {
  const { i18n } = useLingui();
  const { times, days } = habitLimits.frequency;
  const counted = draft.preset === "per_week" || draft.preset === "per_month" || draft.preset === "n_in_d";
  const periodChoice = offersCalendar(draft.preset) || draft.period === "calendar";
  const labels = periodLabels(i18n, draft.preset, draft.days);
  const timesMax =
    draft.preset === "per_week" ? DAYS_PER_WEEK : draft.preset === "per_month" ? DAYS_PER_MONTH : times.maximum;
  const frequencyErrors = [...(errors.frequency ?? []), ...(errors.period ?? [])];

  return (
    <fieldset className="fieldset">
      <legend>{i18n._("How often")}</legend>
      <Field label={i18n._("Frequency")}>
        {(props) => (
          <select
            {...props}
            value={draft.preset}
            onChange={(event) => {
              const preset = event.target.value as Preset;
              onChange(offersCalendar(preset) ? { preset } : { preset, period: "rolling" });
            }}
          >
            {Object.entries(presetLabels(i18n)).map(([preset, label]) => (
              <option key={preset} value={preset}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {counted && (
        <div className="inline-fields">
          <Field label={i18n._("Times")} errors={frequencyErrors.length ? frequencyErrors : undefined}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={times.minimum}
                max={timesMax}
                value={draft.times}
                onChange={(event) => onChange({ times: event.target.value })}
              />
            )}
          </Field>
          {draft.preset === "n_in_d" && (
            <Field label={i18n._("Days")}>
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
      {counted && periodChoice && (
        <fieldset className="fieldset nested">
          <legend>{i18n._("Count the times")}</legend>
          {apiEnums.PeriodEnum.map((period) => (
            <label key={period} className="choice">
              <input
                type="radio"
                name="period"
                checked={draft.period === period}
                onChange={() => onChange({ period })}
              />
              {labels[period]}
            </label>
          ))}
        </fieldset>
      )}
      <p className="hint" aria-live="polite">
        {i18n._("Schedule: {schedule}", { schedule: scheduleSummary(toInput(draft)) })}
      </p>
    </fieldset>
  );
}
