import { useState } from "react";
import { Link } from "react-router";
import { paths } from "@/config/paths";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { EmptyState, ErrorState, Loading, errorMessage } from "@/components/status";
import { useDeleteHabit } from "../api/delete-habit";
import { useHabits } from "../api/get-habits";
import { useUpdateHabit } from "../api/update-habit";
import type { Habit } from "../types";
import { habitColours } from "./format";

export function ArchiveList() {
  const habits = useHabits({ archived: true });
  return (
    <>
      <PageTitle title="Archive">Archive</PageTitle>
      <p className="subtitle">Archived habits keep their history but leave Today. Restore one to track it again.</p>
      {habits.isPending && <Loading label="Loading archived habits…" />}
      {habits.isError && <ErrorState error={habits.error} onRetry={() => void habits.refetch()} />}
      {habits.data?.length === 0 && (
        <EmptyState title="Nothing archived">
          <p>
            When you pause a habit, archive it from its page. It will wait here with its history.{" "}
            <Link to={paths.habits}>See your habits</Link>.
          </p>
        </EmptyState>
      )}
      {habits.data && habits.data.length > 0 && (
        <ul className="manage-list" aria-label="Archived habits">
          {habits.data.map((habit) => (
            <ArchivedRow key={habit.id} habit={habit} />
          ))}
        </ul>
      )}
    </>
  );
}

function ArchivedRow({ habit }: { habit: Habit }) {
  const update = useUpdateHabit();
  const remove = useDeleteHabit();
  const [confirming, setConfirming] = useState(false);
  const restore = () =>
    update.mutate(
      { id: habit.id, patch: { archived: false } },
      {
        onSuccess: () => notify(`“${habit.name}” is back on Today.`),
        onError: (error) => notify(errorMessage(error), "error"),
      },
    );
  const destroy = () =>
    remove.mutate(habit.id, {
      onSuccess: () => notify(`“${habit.name}” and its history were deleted.`),
      onError: (error) => notify(errorMessage(error), "error"),
    });
  return (
    <li className="manage-row" style={habitColours(habit.color)}>
      <div className="manage-text">
        <Link to={paths.habit(habit.id)} className="habit-name">
          {habit.name}
        </Link>
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={restore} aria-label={`Restore ${habit.name}`}>
          Restore
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-danger"
              onClick={destroy}
              aria-label={`Delete ${habit.name} for good`}
            >
              Delete for good
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => setConfirming(true)}
            aria-label={`Delete ${habit.name}`}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
