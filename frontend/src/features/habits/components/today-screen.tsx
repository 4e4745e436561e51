import { Link } from "react-router";
import { paths } from "@/config/paths";
import { useSignedInUser } from "@/lib/auth";
import { formatLong } from "@/lib/dates";
import { PageTitle } from "@/components/page-title";
import { EmptyState, ErrorState, Loading } from "@/components/status";
import { useHabits } from "../api/get-habits";
import { CheckInRow } from "./check-in/check-in-row";

export function TodayScreen() {
  const user = useSignedInUser();
  const habits = useHabits();

  const scheduled = habits.data?.filter((habit) => habit.scheduled_today) ?? [];
  const resting = habits.data?.filter((habit) => !habit.scheduled_today) ?? [];
  const done = scheduled.filter((habit) => habit.today_entry?.status === "done").length;

  return (
    <>
      <header className="page-header">
        <div>
          <PageTitle title="Today">Today</PageTitle>
          <p className="subtitle">{formatLong(user.today)}</p>
        </div>
        <Link to={paths.newHabit} className="button button-primary">
          <span aria-hidden="true">+</span>New habit
        </Link>
      </header>

      {habits.isPending && <Loading label="Loading your habits…" />}
      {habits.isError && <ErrorState error={habits.error} onRetry={() => void habits.refetch()} />}

      {habits.data && habits.data.length === 0 && (
        <EmptyState title="No habits yet">
          <p>
            Start with one small thing you want to do regularly — a walk, ten minutes of reading, a glass of water. You
            will tick it off here each day and watch its streak and score grow.
          </p>
          <Link to={paths.newHabit} className="button button-primary">
            Create your first habit
          </Link>
          <p className="hint">
            Coming from Loop Habit Tracker? <Link to={paths.settings}>Import your backup in Settings</Link>.
          </p>
        </EmptyState>
      )}

      {habits.data && habits.data.length > 0 && scheduled.length === 0 && (
        <EmptyState title="Nothing scheduled today">
          <p>None of your habits is due today. Enjoy the day, or open a habit to log something anyway.</p>
        </EmptyState>
      )}

      {scheduled.length > 0 && (
        <>
          <p className="progress-summary" aria-live="polite">
            {done} of {scheduled.length} done
          </p>
          <ul className="habit-list" aria-label="Habits scheduled today">
            {scheduled.map((habit) => (
              <CheckInRow key={habit.id} habit={habit} today={user.today} />
            ))}
          </ul>
        </>
      )}

      {resting.length > 0 && (
        <details className="resting">
          <summary>Not due today ({resting.length})</summary>
          <ul className="plain-list">
            {resting.map((habit) => (
              <li key={habit.id}>
                <Link to={paths.habit(habit.id)}>{habit.name}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
