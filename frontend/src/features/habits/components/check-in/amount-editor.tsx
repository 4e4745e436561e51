import { useLingui } from "@lingui/react";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { focusOnMount } from "@/lib/focus-on-mount";
import { parseAmount } from "../../api/put-entry";
import type { Entry, Habit } from "../../types";
import { editableNumber, formatNumber } from "../format";

interface AmountEditorProps {
  habit: Pick<Habit, "name" | "unit">;
  /** "today", "yesterday", "Monday 1 December". */
  dayLabel: string;
  entry: Entry | null;
  onSave: (value: number) => void;
  onSkip: () => void;
  onClear: () => void;
  /** Closes the editor without a change (Cancel, Escape); every action closes it too. */
  onClose: () => void;
}

const STEP = 1;

/**
 * A measurable habit's amount for one day: typed, or stepped by one, then saved; or the day
 * skipped or cleared. A bad amount stays in the field with the reason beside it.
 */
export function AmountEditor({ habit, dayLabel, entry, onSave, onSkip, onClear, onClose }: AmountEditorProps) {
  const { i18n } = useLingui();
  const current = entry?.status === "done" && entry.value !== null ? editableNumber(entry.value) : "";
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmount(text);
    if ("error" in parsed) {
      setError(parsed.error);
      document.getElementById(`${id}-amount`)?.focus();
      return;
    }
    onSave(parsed.value);
  };

  const step = (delta: number) => {
    const parsed = parseAmount(text || "0");
    const base = "value" in parsed ? parsed.value : 0;
    setText(editableNumber(Math.max(0, Math.round((base + delta) * 1000) / 1000)));
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  return (
    <form className="day-form" onSubmit={save} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={`${id}-amount`}>
        {habit.unit
          ? i18n._("{habit}, {day} ({unit})", { habit: habit.name, day: dayLabel, unit: habit.unit })
          : i18n._("{habit}, {day}", { habit: habit.name, day: dayLabel })}
      </label>
      <div className="amount-entry">
        <button
          type="button"
          className="step-button"
          aria-label={i18n._("Decrease by {step}", { step: formatNumber(STEP) })}
          onClick={() => step(-STEP)}
        >
          −
        </button>
        <input
          id={`${id}-amount`}
          className="amount-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          ref={focusOnMount}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        <button
          type="button"
          className="step-button"
          aria-label={i18n._("Increase by {step}", { step: formatNumber(STEP) })}
          onClick={() => step(STEP)}
        >
          +
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {i18n._("Save")}
        </button>
        <button type="button" className="button" onClick={onSkip}>
          {i18n._("Skip day")}
        </button>
        {entry && (
          <button type="button" className="button" onClick={onClear}>
            {i18n._("Clear day")}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {i18n._("Cancel")}
        </button>
      </div>
    </form>
  );
}
