import { useLingui } from "@lingui/react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { Link, useNavigate } from "@/lib/router";
import { paths } from "@/config/paths";
import { useSignedInUser } from "@/lib/auth";
import { addDays, formatMonth, formatNumber, formatShort } from "@/lib/dates";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { ErrorState, Loading, errorMessage } from "@/components/status";
import { useDeleteHabit } from "../api/delete-habit";
import { usePendingEntries } from "../api/entry-cache";
import { useEntries } from "../api/get-entries";
import { useHabit } from "../api/get-habit";
import { useStats } from "../api/get-stats";
import { useUpdateHabit } from "../api/update-habit";
import type { CompletionBucket, Entry, Habit, HabitStats } from "../types";
import { DayEditor } from "./day-editor";
import { formatScore, habitColours, scheduleSummary, streakRule, targetSummary } from "./format";
import ScoreChart from "./score-chart";
import YearHeatmap from "./year-heatmap";

interface HabitDetailProps {
  id: number;
  /** The habit's reminder section, which the reminders feature provides (composed in app/). */
  reminder?: (habit: Habit) => ReactNode;
}

/** The habit page asks for its habit, stats and a year of entries at once: none waits for another. */
export function HabitDetail({ id, reminder }: HabitDetailProps) {
  const { i18n } = useLingui();
  const user = useSignedInUser();
  const range = { start: addDays(user.today, -371), end: user.today };
  const habit = useHabit({ id });
  const stats = useStats({ id, range, queryConfig: { enabled: !habit.isError } });
  const entries = useEntries({ id, range, queryConfig: { enabled: !habit.isError } });
  if (habit.isPending) return <Loading label={i18n._("Loading the habit…")} />;
  if (habit.isError) {
    return (
      <>
        <PageTitle title={i18n._("Habit not found")}>{i18n._("Habit not found")}</PageTitle>
        <ErrorState error={habit.error} />
        <Link to={paths.habits}>{i18n._("Back to your habits")}</Link>
      </>
    );
  }
  return <HabitDetailLoaded habit={habit.data} range={range} stats={stats} entries={entries} reminder={reminder} />;
}

interface LoadedProps {
  habit: Habit;
  reminder?: (habit: Habit) => ReactNode;
  range: { start: string; end: string };
  stats: ReturnType<typeof useStats>;
  entries: ReturnType<typeof useEntries>;
}

/** Where the day editor was opened from, so closing it returns focus there. */
type Selection = { date: string; from: "calendar" | "picker" };

function HabitDetailLoaded({ habit, range, stats, entries, reminder }: LoadedProps) {
  const { i18n } = useLingui();
  const user = useSignedInUser();
  const today = user.today;
  const pending = usePendingEntries();
  const [selected, setSelected] = useState<Selection | null>(null);
  const calendarRef = useRef<HTMLDivElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const target = targetSummary(habit);
  const shown = mergePending(entries.data, habit.id, pending);
  const pendingDates = new Set(
    [...pending.values()].filter((write) => write.target.habitId === habit.id).map((write) => write.target.date),
  );

  const closeEditor = () => {
    const from = selected?.from;
    setSelected(null);
    (from === "picker" ? pickerRef.current : calendarRef.current)?.focus();
  };

  return (
    <article className="habit-detail" style={habitColours(habit.color)}>
      <header className="page-header">
        <div>
          <PageTitle title={habit.name}>
            <span className="color-dot" aria-hidden="true" />
            {habit.name}
          </PageTitle>
          <p className="subtitle">
            {scheduleSummary(habit)}
            {target ? ` · ${target}` : ""}
            {habit.archived ? ` · ${i18n._("Archived")}` : ""}
          </p>
          {habit.question && <p className="habit-question">{habit.question}</p>}
          {habit.description && <p>{habit.description}</p>}
        </div>
        <HabitActions habit={habit} />
      </header>

      {stats.isError && <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />}
      <StatTiles habit={habit} stats={stats.data} />
      <p className="hint">{streakRule(habit)}</p>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{i18n._("History")}</h2>
        <p className="hint">
          {i18n._(
            "Choose a day in the calendar, or pick a date, to mark it done, skipped or not done, or to add a note.",
          )}
        </p>
        {entries.isError && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />}
        {shown && (
          <YearHeatmap
            habit={habit}
            entries={shown}
            pendingDates={pendingDates}
            today={today}
            selected={selected?.date ?? null}
            gridRef={calendarRef}
            onSelect={(date) => setSelected({ date, from: "calendar" })}
          />
        )}
        <DayPicker
          inputRef={pickerRef}
          min={range.start}
          today={today}
          onPick={(date) => setSelected({ date, from: "picker" })}
        />
        {selected && (
          <DayEditor
            key={selected.date}
            habit={habit}
            date={selected.date}
            today={today}
            entry={shown?.find((entry) => entry.date === selected.date)}
            onClose={closeEditor}
          />
        )}
      </section>

      {reminder?.(habit)}

      <section className="card" aria-labelledby="score-title">
        <h2 id="score-title">{i18n._("Score over time")}</h2>
        {stats.data && (
          <ScoreChart history={stats.data.score_history} firstEntry={stats.data.first_entry} color={habit.color} />
        )}
      </section>

      {stats.data && (
        <section className="card" aria-labelledby="completion-title">
          <h2 id="completion-title">{i18n._("Completion")}</h2>
          <Completion weeks={stats.data.completion.week} months={stats.data.completion.month} />
        </section>
      )}
    </article>
  );
}

/** The server's entries with the writes that wait for it in their place (the outbox's newest per day). */
function mergePending(
  entries: Entry[] | undefined,
  habitId: number,
  pending: ReturnType<typeof usePendingEntries>,
): Entry[] | undefined {
  if (!entries) return undefined;
  const byDate = new Map(entries.map((entry) => [entry.date, entry]));
  for (const { target, entry } of pending.values()) {
    if (target.habitId !== habitId) continue;
    if (entry) byDate.set(target.date, entry);
    else byDate.delete(target.date);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The headline numbers. The API's total counts the days done, and for a measurable habit only those
 * that met the target, so the tile says which.
 */
function StatTiles({ habit, stats }: { habit: Habit; stats: HabitStats | undefined }) {
  const { i18n } = useLingui();
  return (
    <dl className="stat-tiles">
      <div>
        <dt>{i18n._("Current streak")}</dt>
        <dd>{formatNumber(stats?.current_streak ?? habit.current_streak)}</dd>
      </div>
      <div>
        <dt>{i18n._("Best streak")}</dt>
        <dd>{stats ? formatNumber(stats.best_streak) : "…"}</dd>
      </div>
      <div>
        <dt>{i18n._("Score")}</dt>
        <dd>{formatScore(stats?.score ?? habit.score)}</dd>
      </div>
      <div>
        <dt>{habit.kind === "numeric" ? i18n._("Days target met") : i18n._("Times done")}</dt>
        <dd>{stats ? formatNumber(stats.total_done) : "…"}</dd>
      </div>
    </dl>
  );
}

/** Any day of the year by date: the calendar's days are small, this is the large-target way in. */
function DayPicker({
  inputRef,
  min,
  today,
  onPick,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  min: string;
  today: string;
  onPick: (date: string) => void;
}) {
  const { i18n } = useLingui();
  const [date, setDate] = useState(addDays(today, -1));
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date >= min && date <= today) onPick(date);
  };
  return (
    <form className="day-picker" onSubmit={submit}>
      <label htmlFor={id}>{i18n._("Day")}</label>
      <input
        ref={inputRef}
        id={id}
        type="date"
        min={min}
        max={today}
        required
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <button type="submit" className="button">
        {i18n._("Edit this day")}
      </button>
    </form>
  );
}

function Completion({ weeks, months }: { weeks: CompletionBucket[]; months: CompletionBucket[] }) {
  const { i18n } = useLingui();
  const [view, setView] = useState<"week" | "month">("week");
  const all = view === "week" ? weeks : months;
  // Periods before the first check-in say nothing about the habit: start at the first with progress.
  const firstDone = all.findIndex((bucket) => bucket.done > 0);
  const buckets = (firstDone < 0 ? [] : all.slice(firstDone)).slice(-12);
  return (
    <>
      <div className="segmented" role="group" aria-label={i18n._("Completion per")}>
        <button type="button" aria-pressed={view === "week"} onClick={() => setView("week")}>
          {i18n._("Per week")}
        </button>
        <button type="button" aria-pressed={view === "month"} onClick={() => setView("month")}>
          {i18n._("Per month")}
        </button>
      </div>
      {buckets.length === 0 ? (
        <p className="hint">{i18n._("No completed periods yet.")}</p>
      ) : (
        <ul className="bars">
          {buckets.map((bucket) => (
            <li key={bucket.start}>
              <span className="bar-label">
                {view === "week"
                  ? i18n._("Week of {date}", { date: formatShort(bucket.start) })
                  : formatMonth(bucket.start)}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${Math.round(bucket.rate * 100)}%` }} />
              </span>
              <span className="bar-value">
                {i18n._("{done}/{scheduled} · {rate}", {
                  done: formatNumber(bucket.done),
                  scheduled: formatNumber(bucket.scheduled),
                  rate: formatScore(bucket.rate),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Edit, archive or restore, and delete after a second press; focus stays on the buttons as they change. */
function HabitActions({ habit }: { habit: Habit }) {
  const { i18n } = useLingui();
  const update = useUpdateHabit();
  const remove = useDeleteHabit();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    (confirming ? keepRef : deleteRef).current?.focus();
  }, [confirming]);

  const confirm = (next: boolean) => {
    moved.current = true;
    setConfirming(next);
  };

  const toggleArchive = () =>
    update.mutate(
      { id: habit.id, patch: { archived: !habit.archived } },
      {
        onSuccess: () =>
          notify(
            habit.archived
              ? i18n._("“{habit}” is back on Today.", { habit: habit.name })
              : i18n._("“{habit}” was archived.", { habit: habit.name }),
          ),
        onError: (error) => notify(errorMessage(error), "error"),
      },
    );
  const destroy = () =>
    remove.mutate(habit.id, {
      onSuccess: () => {
        notify(i18n._("“{habit}” was deleted.", { habit: habit.name }));
        void navigate(paths.habits);
      },
      onError: (error) => notify(errorMessage(error), "error"),
    });

  return (
    <div className="button-row">
      <Link to={paths.editHabit(habit.id)} className="button">
        {i18n._("Edit")}
      </Link>
      <button type="button" className="button" onClick={toggleArchive}>
        {habit.archived ? i18n._("Restore") : i18n._("Archive")}
      </button>
      {confirming ? (
        <>
          <button type="button" className="button button-danger" onClick={destroy}>
            {i18n._("Delete for good")}
          </button>
          <button ref={keepRef} type="button" className="button" onClick={() => confirm(false)}>
            {i18n._("Keep")}
          </button>
        </>
      ) : (
        <button ref={deleteRef} type="button" className="button" onClick={() => confirm(true)}>
          {i18n._("Delete")}
        </button>
      )}
    </div>
  );
}
