import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError } from "@/lib/api-client";
import { errorMessage } from "@/components/status";
import { entryLimits } from "../../api/put-entry";
import type { EntryStatus } from "../../types";

const NOTE_MAX = entryLimits.note.maxLength;

/** What a day without a status may be marked as along with its note; by default nothing. */
const STATUS_CHOICES: { value: EntryStatus | null; label: string }[] = [
  { value: null, label: "Just the note" },
  { value: "not_done", label: "Not done" },
  { value: "done", label: "Done" },
  { value: "skipped", label: "Skipped" },
];

interface NoteEditorProps {
  habitName: string;
  dayLabel: string;
  initial: string;
  /**
   * The statuses to offer when the day has none yet (null: keep none, the note alone); none: the
   * day has a status, and keeps it.
   */
  statuses?: (EntryStatus | null)[];
  /** Saves the note; a refusal (rejected with the server's reason) keeps the editor and the text. */
  onSave: (note: string, status: EntryStatus | null | undefined) => Promise<unknown>;
  /** Closes the editor without a change (Cancel, Escape). */
  onClose: () => void;
}

/** A day's note: opens focused, counts down to the API's limit, keeps what the server refused. */
export function NoteEditor({ habitName, dayLabel, initial, statuses, onSave, onClose }: NoteEditorProps) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<EntryStatus | null | undefined>(statuses?.[0]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const choices = STATUS_CHOICES.filter((choice) => statuses?.includes(choice.value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave(text.trim(), status);
    } catch (refusal) {
      const noteErrors = refusal instanceof ApiError ? refusal.fieldErrors.note : undefined;
      setError(noteErrors?.join(" ") ?? errorMessage(refusal));
      setSaving(false);
      document.getElementById(`${id}-note`)?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  const describedBy = [`${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <form className="day-form" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-note`}>
        Note for {habitName}, {dayLabel}
      </label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={NOTE_MAX}
        value={text}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={`${id}-count`} className="hint counter">
        {text.length} of {NOTE_MAX} characters
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {choices.length > 0 && (
        <fieldset className="inline-choices">
          <legend>The day is not marked yet. Record it as</legend>
          {choices.map((choice) => (
            <label key={choice.value ?? "none"} className="choice">
              <input
                type="radio"
                name={`${id}-status`}
                checked={status === choice.value}
                onChange={() => setStatus(choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : "Save note"}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
