import { useId, useState, type CSSProperties } from "react";
import { Link } from "react-router";
import { paths } from "@/config/paths";
import type { EntryInput } from "../../api/put-entry";
import type { Habit } from "../../types";
import { formatScore } from "../format";
import { useEntryWrites } from "../use-entry-writes";
import { AmountEntry } from "./amount-entry";
import { CheckInToggle } from "./check-in-toggle";
import { NoteEditor } from "./note-editor";
import { todayStatus } from "./today-status";

interface CheckInRowProps {
  habit: Habit;
  today: string;
}

/** One habit on the Today screen: one-tap check-in (or amount entry), skip, note, streak and score. */
export function CheckInRow({ habit, today }: CheckInRowProps) {
  const writes = useEntryWrites();
  const [noteOpen, setNoteOpen] = useState(false);
  const noteId = useId();
  const statusId = useId();
  const entry = habit.today_entry;
  const note = entry?.note ?? "";
  const target = { habitId: habit.id, habitName: habit.name, date: today, today };
  const save = (input: EntryInput) => writes.save(target, input);
  const clear = () => writes.clear(target);

  /** Done and skipped toggle off to "not done" when the day keeps a note, and to no entry otherwise. */
  const toggle = (status: "done" | "skipped") => {
    if (entry?.status !== status) save({ status, note });
    else if (note) save({ status: "not_done", note });
    else clear();
  };

  const saveNote = (text: string) => {
    save({ status: entry?.status ?? "not_done", value: entry?.value ?? null, note: text });
    setNoteOpen(false);
  };

  const status = todayStatus(habit);

  return (
    <li className="habit-row" style={{ "--habit-color": habit.color } as CSSProperties}>
      <div className="habit-row-main">
        {habit.kind === "boolean" ? (
          <CheckInToggle habitName={habit.name} done={entry?.status === "done"} onToggle={() => toggle("done")} />
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
          onClick={() => toggle("skipped")}
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
