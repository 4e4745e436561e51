import type { HabitInput } from "../../api/create-habit";
import { editableNumber } from "../format";
import { PALETTE } from "./colour-picker";

/** The schedule choices the form offers; each maps to a frequency, weekdays and period. */
export type Preset = "daily" | "per_week" | "per_month" | "n_in_d" | "weekdays";

export const DAYS_PER_WEEK = 7;
/** "N per month" is N in 30 days: any 30 days, or (counted by the calendar) each calendar month. */
export const DAYS_PER_MONTH = 30;

/** Presets whose counting the user chooses: any window of days, or calendar weeks and months. */
export function offersCalendar(preset: Preset): boolean {
  return preset === "per_week" || preset === "per_month";
}

/** The form's state: a habit's fields as the user types them (numbers still text). */
export interface Draft {
  name: string;
  question: string;
  description: string;
  color: string;
  kind: HabitInput["kind"];
  unit: string;
  target_value: string;
  target_type: HabitInput["target_type"];
  preset: Preset;
  times: string;
  days: string;
  weekdays: number[];
  period: HabitInput["period"];
  group: HabitInput["group"];
}

/** How each part of the form reports an edit: the fields it changed. */
export type DraftChange = (patch: Partial<Draft>) => void;

export const emptyHabitInput: HabitInput = {
  name: "",
  question: "",
  description: "",
  color: PALETTE[0].value,
  kind: "boolean",
  unit: "",
  target_value: null,
  target_type: "at_least",
  frequency: { times: 1, days: 1 },
  weekdays: [],
  period: "rolling",
  group: null,
};

function presetOf(input: HabitInput): Preset {
  if (input.weekdays.length > 0) return "weekdays";
  if (input.frequency.times === 1 && input.frequency.days === 1) return "daily";
  if (input.frequency.days === DAYS_PER_WEEK) return "per_week";
  if (input.frequency.days === DAYS_PER_MONTH) return "per_month";
  return "n_in_d";
}

export function toDraft(input: HabitInput): Draft {
  return {
    name: input.name,
    question: input.question,
    description: input.description,
    color: input.color,
    kind: input.kind,
    unit: input.unit,
    // In the SPA's language ("1,5" in German): `toInput` takes a decimal comma or point.
    target_value: input.target_value === null ? "" : editableNumber(input.target_value),
    target_type: input.target_type,
    preset: presetOf(input),
    times: String(input.frequency.times),
    days: String(input.frequency.days),
    weekdays: input.weekdays,
    period: input.period,
    group: input.group,
  };
}

/** The habit the draft describes, as the API takes it; fields the chosen kind and schedule do not use are reset. */
export function toInput(draft: Draft): HabitInput {
  const times = Number(draft.times);
  const days = Number(draft.days);
  const numeric = draft.kind === "numeric";
  const frequency =
    draft.preset === "daily" || draft.preset === "weekdays"
      ? { times: 1, days: 1 }
      : draft.preset === "per_week"
        ? { times, days: DAYS_PER_WEEK }
        : draft.preset === "per_month"
          ? { times, days: DAYS_PER_MONTH }
          : { times, days };
  return {
    name: draft.name.trim(),
    question: draft.question.trim(),
    description: draft.description.trim(),
    color: draft.color,
    kind: draft.kind,
    unit: numeric ? draft.unit.trim() : "",
    target_value: numeric && draft.target_value.trim() !== "" ? Number(draft.target_value.replace(",", ".")) : null,
    target_type: numeric ? draft.target_type : "at_least",
    frequency,
    weekdays: draft.preset === "weekdays" ? [...draft.weekdays].sort() : [],
    period: draft.preset === "daily" || draft.preset === "weekdays" ? "rolling" : draft.period,
    group: draft.group,
  };
}
