import { useId, useState, type CSSProperties, type FormEvent } from "react";
import { Link } from "react-router";
import { paths } from "@/config/paths";
import { useDeleteEntry } from "../api/delete-entry";
import { usePutEntry, type EntryInput } from "../api/put-entry";
import type { Habit } from "../types";
import { formatNumber, formatScore, meetsTarget, scheduleSummary, targetSummary } from "./format";

interface CheckInRowProps {
  habit: Habit;
  today: string;
}

/** One habit on the Today screen: one-tap check-in (or amount entry), skip, note, streak and score. */
export function CheckInRow({ habit, today }: CheckInRowProps) {
  const putEntry = usePutEntry();
  const deleteEntry = useDeleteEntry();
  const [noteOpen, setNoteOpen] = useState(false);
  const noteId = useId();
  const statusId = useId();
  const entry = habit.today_entry;
  const target = { habitId: habit.id, habitName: habit.name, date: today, today };

  const save = (input: EntryInput) => putEntry.mutate({ target, input });
  const clear = () => deleteEntry.mutate({ target });
  const note = entry?.note ?? "";

  const toggleDone = () => {
    if (entry?.status === "done") {
      if (note) save({ status: "not_done", note });
      else clear();
    } else {
      save({ status: "done", note });
    }
  };

  const toggleSkip = () => {
    if (entry?.status === "skipped") {
      if (note) save({ status: "not_done", note });
      else clear();
    } else {
      save({ status: "skipped", note });
    }
  };

  const saveNote = (text: string) => {
    save({ status: entry?.status ?? "not_done", value: entry?.value ?? null, note: text });
    setNoteOpen(false);
  };

  const status = describeStatus(habit);

  return (
    <li className="habit-row" style={{ "--habit-color": habit.color } as CSSProperties}>
      <div className="habit-row-main">
        {habit.kind === "boolean" ? (
          <button
            type="button"
            role="checkbox"
            aria-checked={entry?.status === "done"}
            aria-label={habit.name}
            className="check-button"
            onClick={toggleDone}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M5 12.5l4.5 4.5L19 7.5" />
            </svg>
          </button>
        ) : (
          <AmountEntry
            habit={habit}
            describedBy={statusId}
            onSave={(value) => (value === null ? clear() : save({ status: "done", value, note }))}
          />
        )}
        <div className="habit-row-text">
          <Link to={paths.habit(habit.id)} className="habit-name">
            {habit.name}
            <span className="visually-hidden"> details</span>
          </Link>
          <p className="habit-meta">
            <span id={statusId} className={`status-text status-${status.tone}`}>
              {status.text}
            </span>
            <span aria-hidden="true"> · </span>
            <span>Streak {habit.current_streak}</span>
            <span aria-hidden="true"> · </span>
            <span>Score {formatScore(habit.score)}</span>
          </p>
          {habit.question && <p className="habit-question">{habit.question}</p>}
        </div>
      </div>
      <div className="habit-row-actions">
        <button
          type="button"
          className="chip"
          aria-pressed={entry?.status === "skipped"}
          aria-label={`Skip ${habit.name} today`}
          onClick={toggleSkip}
        >
          {entry?.status === "skipped" && <span aria-hidden="true">✓ </span>}
          Skip
        </button>
        <button
          type="button"
          className="chip"
          aria-expanded={noteOpen}
          aria-controls={noteId}
          aria-label={`${note ? "Edit" : "Add"} note for ${habit.name}`}
          onClick={() => setNoteOpen((open) => !open)}
        >
          {note ? "Edit note" : "Add note"}
        </button>
      </div>
      {note && !noteOpen && <p className="habit-note">“{note}”</p>}
      <div id={noteId} hidden={!noteOpen}>
        {noteOpen && (
          <NoteEditor habitName={habit.name} initial={note} onSave={saveNote} onCancel={() => setNoteOpen(false)} />
        )}
      </div>
    </li>
  );
}

function describeStatus(habit: Habit): { text: string; tone: "done" | "skipped" | "open" | "over" } {
  const entry = habit.today_entry;
  if (entry?.status === "skipped") return { text: "Skipped today", tone: "skipped" };
  if (habit.kind === "numeric") {
    const target = targetSummary(habit) ?? "";
    if (entry?.value === null || entry?.value === undefined || entry.status !== "done")
      return { text: `Nothing yet · ${target}`, tone: "open" };
    const amount = `${formatNumber(entry.value)} / ${formatNumber(habit.target_value ?? 0)}${habit.unit ? ` ${habit.unit}` : ""}`;
    if (meetsTarget(habit, entry.value)) return { text: `✓ ${amount}, target met`, tone: "done" };
    return habit.target_type === "at_most"
      ? { text: `${amount}, over the limit`, tone: "over" }
      : { text: `${amount} so far`, tone: "open" };
  }
  if (entry?.status === "done") return { text: "✓ Done today", tone: "done" };
  return { text: scheduleSummary(habit), tone: "open" };
}

function AmountEntry({
  habit,
  describedBy,
  onSave,
}: {
  habit: Habit;
  describedBy: string;
  onSave: (value: number | null) => void;
}) {
  const current = habit.today_entry?.status === "done" ? habit.today_entry.value : null;
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (current === null ? "" : formatNumber(current));
  const step = 1;
  const unit = habit.unit ? ` (${habit.unit})` : "";

  const commit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null) return;
    setDraft(null);
    const trimmed = draft.trim();
    if (trimmed === "") {
      if (current !== null) onSave(null);
      return;
    }
    const value = Number(trimmed.replace(",", "."));
    if (Number.isFinite(value) && value >= 0 && value !== current) onSave(value);
  };

  const stepBy = (delta: number) => {
    const base = Number((draft ?? String(current ?? 0)).replace(",", ".")) || 0;
    setDraft(null);
    onSave(Math.max(0, Math.round((base + delta) * 100) / 100));
  };

  return (
    <form className="amount-entry" onSubmit={commit}>
      <button
        type="button"
        className="step-button"
        aria-label={`Decrease ${habit.name} by ${step}`}
        onClick={() => stepBy(-step)}
      >
        −
      </button>
      <input
        className="amount-input"
        type="text"
        inputMode="decimal"
        aria-label={`${habit.name}${unit}`}
        aria-describedby={describedBy}
        placeholder="0"
        value={shown}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => commit()}
      />
      <button
        type="button"
        className="step-button"
        aria-label={`Increase ${habit.name} by ${step}`}
        onClick={() => stepBy(step)}
      >
        +
      </button>
    </form>
  );
}

function NoteEditor({
  habitName,
  initial,
  onSave,
  onCancel,
}: {
  habitName: string;
  initial: string;
  onSave: (note: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const id = useId();
  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text.trim());
      }}
    >
      <label htmlFor={id}>Note for {habitName}</label>
      <textarea id={id} rows={2} value={text} autoFocus onChange={(event) => setText(event.target.value)} />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          Save note
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
