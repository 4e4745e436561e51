import { useLingui } from "@lingui/react";
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError } from "@/lib/api-client";
import { formatLong } from "@/lib/dates";
import { errorMessage } from "@/components/status";
import { deleteEntry } from "../api/delete-entry";
import { entryLimits, parseAmount, putEntry } from "../api/put-entry";
import type { Entry, EntryStatus, Habit } from "../types";
import { editableNumber } from "./format";

interface DayEditorProps {
  habit: Habit;
  date: string;
  today: string;
  entry: Entry | undefined;
  /** Closes the editor; the caller returns focus to what opened it. */
  onClose: () => void;
}

const NOTE_MAX = entryLimits.note.maxLength;

/**
 * Edits one day of a habit: status, amount for measurable habits, and a note. Saving closes it at
 * once (the day waits in the outbox if offline); a refusal from the server keeps it open with the
 * reason and what was typed. Escape closes it.
 */
export function DayEditor({ habit, date, today, entry, onClose }: DayEditorProps) {
  const { i18n } = useLingui();
  const [status, setStatus] = useState<EntryStatus | null>(entry ? entry.status : "done");
  const [value, setValue] = useState(
    entry?.value === null || entry?.value === undefined ? "" : editableNumber(entry.value),
  );
  const [note, setNote] = useState(entry?.note ?? "");
  const [valueError, setValueError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const target = { habitId: habit.id, habitName: habit.name, date, today };

  useLayoutEffect(() => headingRef.current?.focus(), [date]);

  const settle = async (write: Promise<unknown>) => {
    setSaving(true);
    setFormError(null);
    try {
      await write;
      onClose();
    } catch (refusal) {
      const noteErrors = refusal instanceof ApiError ? refusal.fieldErrors.note : undefined;
      setFormError(noteErrors ? i18n._("Note: {reason}", { reason: noteErrors.join(" ") }) : errorMessage(refusal));
      setSaving(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    let amount: number | null = null;
    if (habit.kind === "numeric" && status === "done") {
      const parsed = parseAmount(value);
      if ("error" in parsed) {
        setValueError(parsed.error);
        document.getElementById(`${id}-value`)?.focus();
        return;
      }
      amount = parsed.value;
    }
    const text = note.trim();
    // No status and no note: nothing to keep, the day goes back to no entry.
    if (status === null && text === "") void settle(entry ? deleteEntry(target) : Promise.resolve());
    else void settle(putEntry(target, { status, value: amount, note: text }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  const statuses: { value: EntryStatus | null; label: string }[] = [
    { value: "done", label: habit.kind === "numeric" ? i18n._("Record an amount") : i18n._("Done") },
    { value: "skipped", label: i18n._("Skipped (does not break the streak)") },
    { value: "not_done", label: i18n._("Not done") },
    { value: null, label: i18n._("No status") },
  ];

  return (
    <section className="day-editor card" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {formatLong(date)}
      </h3>
      <form onSubmit={save} noValidate>
        {formError && (
          <p className="form-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {formError}
          </p>
        )}
        <fieldset className="fieldset">
          <legend>{i18n._("Status")}</legend>
          {statuses.map((option) => (
            <label key={option.value ?? "none"} className="choice">
              <input
                type="radio"
                name={`${id}-status`}
                checked={status === option.value}
                onChange={() => setStatus(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {habit.kind === "numeric" && status === "done" && (
          <div className="field">
            <label htmlFor={`${id}-value`}>
              {habit.unit ? i18n._("Amount ({unit})", { unit: habit.unit }) : i18n._("Amount")}
            </label>
            <input
              id={`${id}-value`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={value}
              aria-invalid={valueError ? true : undefined}
              aria-describedby={valueError ? `${id}-error` : undefined}
              onChange={(event) => {
                setValue(event.target.value);
                setValueError(null);
              }}
            />
            {valueError && (
              <p id={`${id}-error`} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {valueError}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>{i18n._("Note")}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={NOTE_MAX}
            value={note}
            aria-describedby={`${id}-count`}
            onChange={(event) => setNote(event.target.value)}
          />
          <p id={`${id}-count`} className="hint counter">
            {i18n._("{count} of {max} characters", { count: note.length, max: NOTE_MAX })}
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? i18n._("Saving…") : i18n._("Save day")}
          </button>
          {entry && (
            <button type="button" className="button" disabled={saving} onClick={() => void settle(deleteEntry(target))}>
              {i18n._("Clear day")}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {i18n._("Close")}
          </button>
        </div>
      </form>
    </section>
  );
}
