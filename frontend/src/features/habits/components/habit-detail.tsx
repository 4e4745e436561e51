import { lazy, Suspense, useState, type CSSProperties } from "react";
import { Link, useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { useSignedInUser } from "@/lib/auth";
import { addDays, formatShort } from "@/lib/dates";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { ErrorState, Loading, errorMessage } from "@/components/status";
import { useDeleteHabit } from "../api/delete-habit";
import { useEntries } from "../api/get-entries";
import { useHabit } from "../api/get-habit";
import { useStats } from "../api/get-stats";
import { useUpdateHabit } from "../api/update-habit";
import type { CompletionBucket, Habit } from "../types";
import { DayEditor } from "./day-editor";
import { formatScore, scheduleSummary, streakRule, targetSummary } from "./format";

const ScoreChart = lazy(() => import("./score-chart"));
const YearHeatmap = lazy(() => import("./year-heatmap"));

export function HabitDetail({ id }: { id: number }) {
  const habit = useHabit({ id });
  if (habit.isPending) return <Loading label="Loading the habit…" />;
  if (habit.isError) {
    return (
      <>
        <PageTitle title="Habit not found">Habit not found</PageTitle>
        <ErrorState error={habit.error} />
        <Link to={paths.habits}>Back to your habits</Link>
      </>
    );
  }
  return <HabitDetailLoaded habit={habit.data} />;
}

function HabitDetailLoaded({ habit }: { habit: Habit }) {
  const user = useSignedInUser();
  const today = user.today;
  const range = { start: addDays(today, -371), end: today };
  const stats = useStats({ id: habit.id, range });
  const entries = useEntries({ id: habit.id, range });
  const [selected, setSelected] = useState<string | null>(null);
  const target = targetSummary(habit);

  return (
    <article className="habit-detail" style={{ "--habit-color": habit.color } as CSSProperties}>
      <header className="page-header">
        <div>
          <PageTitle title={habit.name}>
            <span className="color-dot" aria-hidden="true" />
            {habit.name}
          </PageTitle>
          <p className="subtitle">
            {scheduleSummary(habit)}
            {target ? ` · ${target}` : ""}
            {habit.archived ? " · Archived" : ""}
          </p>
          {habit.question && <p className="habit-question">{habit.question}</p>}
          {habit.description && <p>{habit.description}</p>}
        </div>
        <HabitActions habit={habit} />
      </header>

      {stats.isError && <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />}
      <dl className="stat-tiles">
        <div>
          <dt>Current streak</dt>
          <dd>{stats.data?.current_streak ?? habit.current_streak}</dd>
        </div>
        <div>
          <dt>Best streak</dt>
          <dd>{stats.data ? stats.data.best_streak : "…"}</dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>{formatScore(stats.data?.score ?? habit.score)}</dd>
        </div>
        <div>
          <dt>Times done</dt>
          <dd>{stats.data ? stats.data.total_done : "…"}</dd>
        </div>
      </dl>
      <p className="hint">{streakRule(habit)}</p>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <p className="hint">Choose a day to mark it done, skipped or not done, or to add a note.</p>
        {entries.isError && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />}
        {entries.data && (
          <Suspense fallback={<Loading label="Loading the calendar…" />}>
            <YearHeatmap
              habit={habit}
              entries={entries.data}
              today={today}
              selected={selected}
              onSelect={setSelected}
            />
          </Suspense>
        )}
        {selected && (
          <DayEditor
            key={selected}
            habit={habit}
            date={selected}
            today={today}
            entry={entries.data?.find((entry) => entry.date === selected)}
            onClose={() => setSelected(null)}
          />
        )}
      </section>

      <section className="card" aria-labelledby="score-title">
        <h2 id="score-title">Score over time</h2>
        {stats.data && (
          <Suspense fallback={<Loading label="Loading the chart…" />}>
            <ScoreChart history={stats.data.score_history} color={habit.color} />
          </Suspense>
        )}
      </section>

      {stats.data && (
        <section className="card" aria-labelledby="completion-title">
          <h2 id="completion-title">Completion</h2>
          <Completion weeks={stats.data.completion.week} months={stats.data.completion.month} />
        </section>
      )}
    </article>
  );
}

function Completion({ weeks, months }: { weeks: CompletionBucket[]; months: CompletionBucket[] }) {
  const [view, setView] = useState<"week" | "month">("week");
  const all = view === "week" ? weeks : months;
  // Periods before the first check-in say nothing about the habit: start at the first with progress.
  const firstDone = all.findIndex((bucket) => bucket.done > 0);
  const buckets = (firstDone < 0 ? [] : all.slice(firstDone)).slice(-12);
  return (
    <>
      <div className="segmented" role="group" aria-label="Completion per">
        <button type="button" aria-pressed={view === "week"} onClick={() => setView("week")}>
          Per week
        </button>
        <button type="button" aria-pressed={view === "month"} onClick={() => setView("month")}>
          Per month
        </button>
      </div>
      {buckets.length === 0 ? (
        <p className="hint">No completed periods yet.</p>
      ) : (
        <ul className="bars">
          {buckets.map((bucket) => (
            <li key={bucket.start}>
              <span className="bar-label">
                {view === "week"
                  ? `Week of ${formatShort(bucket.start)}`
                  : formatShort(bucket.start).replace(/^1 /, "")}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${Math.round(bucket.rate * 100)}%` }} />
              </span>
              <span className="bar-value">
                {bucket.done}/{bucket.scheduled} · {Math.round(bucket.rate * 100)}%
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function HabitActions({ habit }: { habit: Habit }) {
  const update = useUpdateHabit();
  const remove = useDeleteHabit();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const toggleArchive = () =>
    update.mutate(
      { id: habit.id, patch: { archived: !habit.archived } },
      {
        onSuccess: () => notify(habit.archived ? `“${habit.name}” is back on Today.` : `“${habit.name}” was archived.`),
        onError: (error) => notify(errorMessage(error), "error"),
      },
    );
  const destroy = () =>
    remove.mutate(habit.id, {
      onSuccess: () => {
        notify(`“${habit.name}” was deleted.`);
        void navigate(paths.habits);
      },
      onError: (error) => notify(errorMessage(error), "error"),
    });

  return (
    <div className="button-row">
      <Link to={paths.editHabit(habit.id)} className="button">
        Edit
      </Link>
      <button type="button" className="button" onClick={toggleArchive}>
        {habit.archived ? "Restore" : "Archive"}
      </button>
      {confirming ? (
        <>
          <button type="button" className="button button-danger" onClick={destroy}>
            Delete for good
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
    </div>
  );
}
