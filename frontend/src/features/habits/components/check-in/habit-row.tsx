import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { useLingui } from "@lingui/react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { formatNumber, isoWeekday } from "@/lib/dates";
import { deleteEntry } from "../../api/delete-entry";
import { shownEntry, type EntryTarget, type EntryWrite } from "../../api/entry-cache";
import { putEntry, type EntryInput } from "../../api/put-entry";
import type { Entry, EntryStatus, Habit } from "../../types";
import { dayState } from "../day-state";
import { dayName, formatScore, habitColours } from "../format";
import { AmountEditor } from "./amount-editor";
import { NoteEditor } from "./note-editor";
import { todayStatus } from "./today-status";

interface HabitRowProps {
  habit: Habit;
  today: string;
  /** The days shown, oldest first, ending today. */
  dates: string[];
  /** The server's entries of those days, while they load: undefined. */
  entries: Entry[] | undefined;
  pending: ReadonlyMap<string, EntryWrite>;
  /** The id of the text that explains how a day's button works. */
  hintId: string;
  /** Says a change in the page's live region. */
  announce: (message: string) => void;
}

type Editor = { kind: "amount"; date: string } | { kind: "note" } | null;

/** Where a yes-or-no day goes on a press: not marked → done → skipped → not marked (as in Loop). */
function nextStatus(entry: Entry | null): EntryStatus | null {
  if (!entry || entry.status === "not_done") return "done";
  if (entry.status === "done") return "skipped";
  return null;
}

/**
 * One habit on Today: its name, streak and score, and its last days (fitted to the width), each a
 * button: a yes-or-no day moves on with each press, a measurable day opens its amount. The days
 * are one tab stop; the arrow keys move between them. Every editor returns focus to what opened it.
 */
export function HabitRow({ habit, today, dates, entries, pending, hintId, announce }: HabitRowProps) {
  const { i18n } = useLingui();
  const [editor, setEditor] = useState<Editor>(null);
  const [focusDate, setFocusDate] = useState(today);
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const noteButton = useRef<HTMLButtonElement>(null);
  const editorId = useId();
  const questionId = useId();

  const server = (date: string) =>
    date === today
      ? (entries?.find((entry) => entry.date === date) ?? habit.today_entry)
      : entries?.find((entry) => entry.date === date);
  const shown = (date: string) => shownEntry(pending, habit.id, date, server(date));
  const todayShown = shown(today);
  const anyPending = dates.some((date) => shown(date).pending);
  const target = (date: string): EntryTarget => ({ habitId: habit.id, habitName: habit.name, date, today });
  const focusCell = (date: string) => cells.current.get(date)?.focus();

  const cellLabel = (date: string) => {
    const { entry, pending: waiting } = shown(date);
    const weekdayOff = habit.weekdays.length > 0 && !habit.weekdays.includes(isoWeekday(date));
    const values = { habit: habit.name, day: dayName(date, today), state: dayState(habit, entry).label };
    if (weekdayOff && waiting) return i18n._("{habit}, {day}: {state}, not due, will sync", values);
    if (weekdayOff) return i18n._("{habit}, {day}: {state}, not due", values);
    if (waiting) return i18n._("{habit}, {day}: {state}, will sync", values);
    return i18n._("{habit}, {day}: {state}", values);
  };

  const write = (date: string, input: EntryInput | null) => {
    const day = target(date);
    const outcome = input ? putEntry(day, input) : deleteEntry(day);
    const state = dayState(habit, input ? { date, status: input.status, value: input.value ?? null, note: "" } : null);
    announce(i18n._("{habit}, {day}: {state}", { habit: habit.name, day: dayName(date, today), state: state.label }));
    // A refusal is reported by the app's entry sync, with the reason; nothing more to do here.
    outcome.catch(() => undefined);
    return outcome;
  };

  const press = (date: string) => {
    setFocusDate(date);
    if (habit.kind === "numeric") {
      setEditor({ kind: "amount", date });
      return;
    }
    const entry = shown(date).entry;
    const next = nextStatus(entry);
    const note = entry?.note ?? "";
    if (next) void write(date, { status: next, note });
    else if (note) void write(date, { status: "not_done", note });
    else void write(date, null);
  };

  const closeEditor = () => {
    const open = editor;
    setEditor(null);
    if (open?.kind === "amount") focusCell(open.date);
    else noteButton.current?.focus();
  };

  const onCellsKeyDown = (event: KeyboardEvent) => {
    const index = dates.indexOf(focusDate);
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: dates.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const date = dates[Math.max(0, Math.min(dates.length - 1, to))]!;
    setFocusDate(date);
    cells.current.get(date)?.focus();
  };

  const todayEntry = todayShown.entry;
  const note = todayEntry?.note ?? "";
  const status = todayStatus(habit, todayEntry);
  const tabbable = dates.includes(focusDate) ? focusDate : today;

  return (
    <li className="habit-row" style={habitColours(habit.color)}>
      <div className="habit-row-text">
        <Link to={paths.habit(habit.id)} className="habit-name">
          {habit.name}
          <span className="visually-hidden"> {i18n._("details")}</span>
        </Link>
        {habit.question && (
          <span id={questionId} hidden>
            {habit.question}
          </span>
        )}
        <p className="habit-meta">
          {habit.kind === "numeric" && (
            <>
              <span className={`status-text status-${status.tone}`}>{status.text}</span>
              <span aria-hidden="true"> · </span>
            </>
          )}
          <span>{i18n._("Streak {streak}", { streak: formatNumber(habit.current_streak) })}</span>
          <span aria-hidden="true"> · </span>
          <span>{i18n._("Score {score}", { score: formatScore(habit.score) })}</span>
          {!habit.scheduled_today && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{i18n._("Not due today")}</span>
            </>
          )}
          {anyPending && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="will-sync">{i18n._("will sync")}</span>
            </>
          )}
        </p>
        {note && editor?.kind !== "note" && <p className="habit-note">{i18n._("“{note}”", { note })}</p>}
      </div>
      <div
        className="day-cells"
        role="group"
        aria-label={i18n._("{habit}, the last {count, plural, one {# day} other {# days}}", {
          habit: habit.name,
          count: dates.length,
        })}
        onKeyDown={onCellsKeyDown}
      >
        {dates.map((date) => {
          const { entry, pending: waiting } = shown(date);
          const state = dayState(habit, entry);
          const weekdayOff = habit.weekdays.length > 0 && !habit.weekdays.includes(isoWeekday(date));
          const opensEditor = habit.kind === "numeric";
          return (
            <button
              key={date}
              type="button"
              ref={(element) => {
                if (element) cells.current.set(date, element);
                else cells.current.delete(date);
              }}
              className={`day-cell mark-${state.mark}${weekdayOff ? " day-off" : ""}${waiting ? " day-pending" : ""}${date === today ? " day-today" : ""}`}
              style={{ "--level": state.level } as CSSProperties}
              tabIndex={date === tabbable ? 0 : -1}
              aria-label={cellLabel(date)}
              aria-describedby={date === today && habit.question ? `${hintId} ${questionId}` : hintId}
              aria-expanded={opensEditor ? editor?.kind === "amount" && editor.date === date : undefined}
              aria-controls={opensEditor ? editorId : undefined}
              onFocus={() => setFocusDate(date)}
              onClick={() => press(date)}
            >
              {habit.kind === "numeric" ? (
                <span className="day-amount">{state.amount}</span>
              ) : (
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  {state.mark === "done" && <path d="M5 12.5l4.5 4.5L19 7.5" />}
                  {state.mark === "skipped" && <path d="M7 12h10" />}
                  {state.mark === "missed" && <path d="M8 8l8 8M16 8l-8 8" />}
                </svg>
              )}
            </button>
          );
        })}
      </div>
      <button
        ref={noteButton}
        type="button"
        className="note-button"
        aria-expanded={editor?.kind === "note"}
        aria-controls={editorId}
        aria-label={
          note
            ? i18n._("Edit note for {habit}", { habit: habit.name })
            : i18n._("Add note for {habit}", { habit: habit.name })
        }
        onClick={() => (editor?.kind === "note" ? closeEditor() : setEditor({ kind: "note" }))}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />
        </svg>
      </button>
      <div id={editorId} className="habit-row-editor" hidden={!editor}>
        {editor?.kind === "note" && (
          <NoteEditor
            habitName={habit.name}
            dayLabel={i18n._("today")}
            initial={note}
            statuses={
              todayEntry?.status
                ? undefined
                : habit.kind === "numeric"
                  ? [null, "not_done", "skipped"]
                  : [null, "not_done", "done", "skipped"]
            }
            onClose={closeEditor}
            onSave={async (text, chosen) => {
              const status = todayEntry?.status ?? chosen ?? null;
              // A note alone, emptied, leaves nothing to keep: the day goes back to no entry.
              if (status === null && text === "") {
                if (todayEntry) await write(today, null);
              } else {
                await write(today, { status, value: todayEntry?.value ?? null, note: text });
              }
              closeEditor();
            }}
          />
        )}
        {editor?.kind === "amount" && (
          <AmountEditor
            habit={habit}
            dayLabel={dayName(editor.date, today)}
            entry={shown(editor.date).entry}
            onClose={closeEditor}
            onSave={(value) => {
              void write(editor.date, { status: "done", value, note: shown(editor.date).entry?.note ?? "" });
              closeEditor();
            }}
            onSkip={() => {
              void write(editor.date, { status: "skipped", note: shown(editor.date).entry?.note ?? "" });
              closeEditor();
            }}
            onClear={() => {
              void write(editor.date, null);
              closeEditor();
            }}
          />
        )}
      </div>
    </li>
  );
}
