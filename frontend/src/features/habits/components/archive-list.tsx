import { useLingui } from "@lingui/react";
import { useEffect, useRef, useState } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { EmptyState, ErrorState, Loading, errorMessage } from "@/components/status";
import { useDeleteHabit } from "../api/delete-habit";
import { useHabits } from "../api/get-habits";
import { useUpdateHabit } from "../api/update-habit";
import type { Habit } from "../types";
import { habitColours } from "./format";

/**
 * The archived habits. When one leaves the list (restored or deleted), focus moves to the row that
 * took its place, or to the empty state's heading, never to the page's start.
 */
export function ArchiveList() {
  const { i18n } = useLingui();
  const habits = useHabits({ archived: true });
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLDivElement>(null);
  const leaving = useRef<{ id: number; index: number } | null>(null);
  const rows = habits.data;

  useEffect(() => {
    const left = leaving.current;
    if (!left || !rows || rows.some((habit) => habit.id === left.id)) return;
    const next = listRef.current?.querySelectorAll("li")[Math.min(left.index, rows.length - 1)];
    (next?.querySelector("a") ?? emptyRef.current?.querySelector<HTMLElement>("h2"))?.focus();
    leaving.current = null;
  }, [rows]);

  return (
    <>
      <PageTitle title={i18n._("Archive")}>{i18n._("Archive")}</PageTitle>
      <p className="subtitle">
        {i18n._("Archived habits keep their history but leave Today. Restore one to track it again.")}
      </p>
      {habits.isPending && <Loading label={i18n._("Loading archived habits…")} />}
      {habits.isError && <ErrorState error={habits.error} onRetry={() => void habits.refetch()} />}
      {rows?.length === 0 && (
        <div ref={emptyRef}>
          <EmptyState title={i18n._("Nothing archived")}>
            <p>
              {i18n._("When you pause a habit, archive it from its page. It will wait here with its history.")}{" "}
              <Link to={paths.habits}>{i18n._("See your habits")}</Link>
            </p>
          </EmptyState>
        </div>
      )}
      {rows && rows.length > 0 && (
        <ul ref={listRef} className="manage-list" aria-label={i18n._("Archived habits")}>
          {rows.map((habit, index) => (
            <ArchivedRow
              key={habit.id}
              habit={habit}
              onLeave={() => {
                leaving.current = { id: habit.id, index };
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function ArchivedRow({ habit, onLeave }: { habit: Habit; onLeave: () => void }) {
  const { i18n } = useLingui();
  const update = useUpdateHabit();
  const remove = useDeleteHabit();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) (confirming ? keepRef : deleteRef).current?.focus();
  }, [confirming]);

  const confirm = (next: boolean) => {
    moved.current = true;
    setConfirming(next);
  };
  const restore = () => {
    onLeave();
    update.mutate(
      { id: habit.id, patch: { archived: false } },
      {
        onSuccess: () => notify(i18n._("“{habit}” is back on Today.", { habit: habit.name })),
        onError: (error) => notify(errorMessage(error), "error"),
      },
    );
  };
  const destroy = () => {
    onLeave();
    remove.mutate(habit.id, {
      onSuccess: () => notify(i18n._("“{habit}” and its history were deleted.", { habit: habit.name })),
      onError: (error) => notify(errorMessage(error), "error"),
    });
  };
  return (
    <li className="manage-row" style={habitColours(habit.color)}>
      <div className="manage-text">
        <Link to={paths.habit(habit.id)} className="habit-name">
          {habit.name}
        </Link>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={restore}
          aria-label={i18n._("Restore {habit}", { habit: habit.name })}
        >
          {i18n._("Restore")}
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-danger"
              onClick={destroy}
              aria-label={i18n._("Delete {habit} for good", { habit: habit.name })}
            >
              {i18n._("Delete for good")}
            </button>
            <button ref={keepRef} type="button" className="button" onClick={() => confirm(false)}>
              {i18n._("Keep")}
            </button>
          </>
        ) : (
          <button
            ref={deleteRef}
            type="button"
            className="button"
            onClick={() => confirm(true)}
            aria-label={i18n._("Delete {habit}", { habit: habit.name })}
          >
            {i18n._("Delete")}
          </button>
        )}
      </div>
    </li>
  );
}
