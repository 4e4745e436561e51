import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from "react";
import { Field, FormError } from "@/components/field";
import { ApiError, type FieldErrors } from "@/lib/api-client";
import { WEEKDAYS } from "@/lib/dates";
import { validateHabitInput, type HabitInput } from "../api/create-habit";
import { scheduleSummary } from "./format";

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

type Preset = "daily" | "per_week" | "n_in_d" | "weekdays";

interface Draft {
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
}

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
};

function presetOf(input: HabitInput): Preset {
  if (input.weekdays.length > 0) return "weekdays";
  if (input.frequency.times === 1 && input.frequency.days === 1) return "daily";
  if (input.frequency.days === 7) return "per_week";
  return "n_in_d";
}

function toDraft(input: HabitInput): Draft {
  return {
    name: input.name,
    question: input.question,
    description: input.description,
    color: input.color,
    kind: input.kind,
    unit: input.unit,
    target_value: input.target_value === null ? "" : String(input.target_value),
    target_type: input.target_type,
    preset: presetOf(input),
    times: String(input.frequency.times),
    days: String(input.frequency.days),
    weekdays: input.weekdays,
    period: input.period,
  };
}

function toInput(draft: Draft): HabitInput {
  const times = Number(draft.times);
  const days = Number(draft.days);
  const numeric = draft.kind === "numeric";
  const frequency =
    draft.preset === "daily" || draft.preset === "weekdays"
      ? { times: 1, days: 1 }
      : draft.preset === "per_week"
        ? { times, days: 7 }
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
  };
}

interface HabitFormProps {
  initial?: HabitInput;
  submitLabel: string;
  onSubmit: (input: HabitInput) => Promise<unknown>;
  onCancel: () => void;
}

export function HabitForm({ initial = emptyHabitInput, submitLabel, onSubmit, onCancel }: HabitFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [errors]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(draft);
    const found = validateHabitInput(input);
    if (draft.preset === "weekdays" && draft.weekdays.length === 0) {
      (found.weekdays ??= []).push("Choose at least one day.");
    }
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(error.fieldErrors);
        setFormError(error.fieldErrors.non_field_errors?.join(" ") ?? "Please correct the marked fields.");
      } else {
        setFormError(error instanceof ApiError ? error.message : "Something went wrong. Please try again.");
      }
    } finally {
      setSaving(false);
    }
  };

  const preview = toInput(draft);
  const frequencyErrors = [...(errors.frequency ?? []), ...(errors.period ?? [])];

  return (
    <form ref={formRef} className="habit-form" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <Field label="Name" errors={errors.name}>
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={100}
            value={draft.name}
            onChange={(e) => set("name", e.target.value)}
          />
        )}
      </Field>
      <Field label="Question (optional)" hint="Shown on Today, e.g. “Did you meditate today?”" errors={errors.question}>
        {(props) => (
          <input {...props} type="text" value={draft.question} onChange={(e) => set("question", e.target.value)} />
        )}
      </Field>
      <Field label="Description (optional)" errors={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={draft.description}
            onChange={(e) => set("description", e.target.value)}
          />
        )}
      </Field>

      <fieldset className="fieldset">
        <legend>Colour</legend>
        <div className="swatches">
          {PALETTE.map((swatch) => (
            <label key={swatch.value} className="swatch" style={{ "--swatch": swatch.value } as CSSProperties}>
              <input
                type="radio"
                name="color"
                value={swatch.value}
                checked={draft.color.toLowerCase() === swatch.value}
                onChange={() => set("color", swatch.value)}
              />
              <span className="swatch-dot" aria-hidden="true" />
              <span className="swatch-name">{swatch.name}</span>
            </label>
          ))}
          <label className="swatch">
            <input type="color" value={draft.color} onChange={(e) => set("color", e.target.value)} />
            <span className="swatch-name">Custom</span>
          </label>
        </div>
        {errors.color && <p className="field-error">{errors.color.join(" ")}</p>}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Kind</legend>
        <label className="choice">
          <input type="radio" name="kind" checked={draft.kind === "boolean"} onChange={() => set("kind", "boolean")} />
          Yes or no <span className="hint">(did it or not)</span>
        </label>
        <label className="choice">
          <input type="radio" name="kind" checked={draft.kind === "numeric"} onChange={() => set("kind", "numeric")} />
          Measurable <span className="hint">(an amount, like km or glasses)</span>
        </label>
      </fieldset>

      {draft.kind === "numeric" && (
        <fieldset className="fieldset">
          <legend>Target</legend>
          <div className="inline-fields">
            <Field label="Target type" errors={errors.target_type}>
              {(props) => (
                <select
                  {...props}
                  value={draft.target_type}
                  onChange={(e) => set("target_type", e.target.value as Draft["target_type"])}
                >
                  <option value="at_least">At least</option>
                  <option value="at_most">At most</option>
                </select>
              )}
            </Field>
            <Field label="Target amount" errors={errors.target_value}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="decimal"
                  value={draft.target_value}
                  onChange={(e) => set("target_value", e.target.value)}
                />
              )}
            </Field>
            <Field label="Unit" errors={errors.unit}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  placeholder="km"
                  value={draft.unit}
                  onChange={(e) => set("unit", e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>
      )}

      <fieldset className="fieldset">
        <legend>How often</legend>
        <Field label="Frequency">
          {(props) => (
            <select {...props} value={draft.preset} onChange={(e) => set("preset", e.target.value as Preset)}>
              <option value="daily">Every day</option>
              <option value="per_week">A number of times per week</option>
              <option value="n_in_d">A number of times in a number of days</option>
              <option value="weekdays">On chosen weekdays</option>
            </select>
          )}
        </Field>
        {(draft.preset === "per_week" || draft.preset === "n_in_d") && (
          <div className="inline-fields">
            <Field label="Times" errors={frequencyErrors.length ? frequencyErrors : undefined}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  max={draft.preset === "per_week" ? 7 : 365}
                  value={draft.times}
                  onChange={(e) => set("times", e.target.value)}
                />
              )}
            </Field>
            {draft.preset === "n_in_d" && (
              <Field label="Days">
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={1}
                    max={365}
                    value={draft.days}
                    onChange={(e) => set("days", e.target.value)}
                  />
                )}
              </Field>
            )}
          </div>
        )}
        {draft.preset === "weekdays" && (
          <fieldset className="fieldset nested">
            <legend>Days</legend>
            <div className="weekday-picker">
              {WEEKDAYS.map((day) => (
                <label key={day.iso} className="weekday">
                  <input
                    type="checkbox"
                    checked={draft.weekdays.includes(day.iso)}
                    onChange={(e) =>
                      set(
                        "weekdays",
                        e.target.checked ? [...draft.weekdays, day.iso] : draft.weekdays.filter((d) => d !== day.iso),
                      )
                    }
                  />
                  <abbr title={day.long}>{day.short}</abbr>
                </label>
              ))}
            </div>
            {errors.weekdays && <p className="field-error">⚠ {errors.weekdays.join(" ")}</p>}
          </fieldset>
        )}
        {(draft.preset === "per_week" || draft.preset === "n_in_d") && (
          <fieldset className="fieldset nested">
            <legend>Count the times</legend>
            <label className="choice">
              <input
                type="radio"
                name="period"
                checked={draft.period === "rolling"}
                onChange={() => set("period", "rolling")}
              />
              In any rolling window of days
            </label>
            <label className="choice">
              <input
                type="radio"
                name="period"
                checked={draft.period === "calendar"}
                onChange={() => set("period", "calendar")}
              />
              Per calendar week or month
            </label>
          </fieldset>
        )}
        <p className="hint" aria-live="polite">
          Schedule: {scheduleSummary(preview)}
        </p>
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
