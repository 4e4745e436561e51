import { useId, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { formatLong } from "@/lib/dates";
import { entryLimits } from "../api/put-entry";
import type { Entry, EntryStatus, Habit } from "../types";
import { useEntryWrites } from "./use-entry-writes";

interface DayEditorProps {
  habit: Habit;
  date: string;
  today: string;
  entry: Entry | undefined;
  onClose: () => void;
}

/** Edits one past (or today's) day of a habit: status, amount for measurable habits, and a note. */
export function DayEditor({ habit, date, today, entry, onClose }: DayEditorProps) {
  const [status, setStatus] = useState<EntryStatus>(entry?.status ?? "done");
  const [value, setValue] = useState(entry?.value === null || entry?.value === undefined ? "" : String(entry.value));
  const [note, setNote] = useState(entry?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const writes = useEntryWrites();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const target = { habitId: habit.id, habitName: habit.name, date, today };

  useLayoutEffect(() => headingRef.current?.focus(), [date]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    let amount: number | null = null;
    if (habit.kind === "numeric" && status === "done") {
      amount = Number(value.replace(",", "."));
      if (value.trim() === "" || !Number.isFinite(amount) || amount < entryLimits.value.minimum) {
        setError(`Enter the amount, ${entryLimits.value.minimum} or more.`);
        return;
      }
    }
    writes.save(target, { status, value: amount, note: note.trim() });
    onClose();
  };

  const clear = () => {
    writes.clear(target);
    onClose();
  };

  const statuses: { value: EntryStatus; label: string }[] = [
    { value: "done", label: habit.kind === "numeric" ? "Record an amount" : "Done" },
    { value: "skipped", label: "Skipped (does not break the streak)" },
    { value: "not_done", label: "Not done" },
  ];

  return (
    <section className="day-editor card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {formatLong(date)}
      </h3>
      <form onSubmit={save}>
        <fieldset className="fieldset">
          <legend>Status</legend>
          {statuses.map((option) => (
            <label key={option.value} className="choice">
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
            <label htmlFor={`${id}-value`}>Amount{habit.unit ? ` (${habit.unit})` : ""}</label>
            <input
              id={`${id}-value`}
              type="text"
              inputMode="decimal"
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setValue(event.target.value)}
            />
            {error && (
              <p id={`${id}-error`} className="field-error">
                ⚠ {error}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            Save day
          </button>
          {entry && (
            <button type="button" className="button" onClick={clear}>
              Clear day
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}
