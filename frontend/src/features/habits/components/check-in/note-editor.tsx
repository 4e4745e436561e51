import { useLingui } from "@lingui/react";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import type { I18n } from "@lingui/core";
import { ApiError } from "@/lib/api-client";
import { focusOnMount } from "@/lib/focus-on-mount";
import { errorMessage } from "@/components/status";
import { entryLimits } from "../../api/put-entry";
import type { EntryStatus } from "../../types";

const NOTE_MAX = entryLimits.note.maxLength;

/** What a day without a status may be marked as along with its note; by default nothing. */
function statusChoices(i18n: I18n): { value: EntryStatus | null; label: string }[] {
  return [
    { value: null, label: i18n._("Just the note") },
    { value: "not_done", label: i18n._("Not done") },
    { value: "done", label: i18n._("Done") },
    { value: "skipped", label: i18n._("Skipped") },
  ];
}

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
  const { i18n } = useLingui();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<EntryStatus | null | undefined>(statuses?.[0]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const choices = statusChoices(i18n).filter((choice) => statuses?.includes(choice.value));

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
      <label htmlFor={`${id}-note`}>{i18n._("Note for {habit}, {day}", { habit: habitName, day: dayLabel })}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={NOTE_MAX}
        value={text}
        ref={focusOnMount}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={`${id}-count`} className="hint counter">
        {i18n._("{count} of {max} characters", { count: text.length, max: NOTE_MAX })}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {choices.length > 0 && (
        <fieldset className="inline-choices">
          <legend>{i18n._("The day is not marked yet. Record it as")}</legend>
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
          {saving ? i18n._("Saving…") : i18n._("Save note")}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {i18n._("Cancel")}
        </button>
      </div>
    </form>
  );
}
