import { useLingui } from "@lingui/react";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { formatNumber } from "@/lib/dates";
import { PageTitle } from "@/components/page-title";
import { notify } from "@/components/notifications";
import { EmptyState, ErrorState, Loading, errorMessage } from "@/components/status";
import { useGroups } from "../api/get-groups";
import { useHabits } from "../api/get-habits";
import { useReorderHabits } from "../api/reorder-habits";
import type { Habit } from "../types";
import { formatScore, habitColours, scheduleSummary } from "./format";
import { GroupManager } from "./groups/group-manager";
import { groupSections, moveInSection } from "./groups/sections";

/**
 * Every active habit under its group (as on Today), reorderable within its group three ways: drag
 * the handle (mouse, touch, pen), focus the handle and press the arrow keys, or use the move up /
 * move down buttons. Each move is announced. The groups themselves are managed below.
 */
export function HabitManager() {
  const { i18n } = useLingui();
  const habits = useHabits();
  const groups = useGroups();
  const reorder = useReorderHabits({
    mutationConfig: {
      onError: (error) =>
        notify(i18n._("The new order was not saved: {reason}", { reason: errorMessage(error) }), "error"),
    },
  });
  const [announcement, setAnnouncement] = useState("");
  const [dragOrder, setDragOrder] = useState<number[] | null>(null);
  const handleRefs = useRef(new Map<number, HTMLButtonElement>());

  if (habits.isPending) return <Loading label={i18n._("Loading your habits…")} />;
  if (habits.isError) return <ErrorState error={habits.error} onRetry={() => void habits.refetch()} />;

  const byId = new Map(habits.data.map((habit) => [habit.id, habit]));
  const ordered: Habit[] = (dragOrder ?? habits.data.map((habit) => habit.id)).flatMap((id) => byId.get(id) ?? []);
  const ids = ordered.map((habit) => habit.id);
  const sections = groupSections(ordered, groups.data);
  const grouped = sections.some((section) => section.group !== null);
  const sectionOf = new Map(
    sections.flatMap(({ group, habits: members }) => members.map((habit) => [habit.id, group?.id ?? null] as const)),
  );
  const inSection = (id: number) => sectionOf.get(id) ?? null;
  const membersOf = (habit: Habit) => ids.filter((id) => inSection(id) === inSection(habit.id));

  const commit = (next: number[], moved: Habit) => {
    const members = next.filter((id) => inSection(id) === inSection(moved.id));
    const position = members.indexOf(moved.id);
    setAnnouncement(
      i18n._("{habit} moved to position {position} of {count}.", {
        habit: moved.name,
        position: formatNumber(position + 1),
        count: formatNumber(members.length),
      }),
    );
    if (next.join() !== habits.data.map((habit) => habit.id).join()) reorder.mutate(next);
  };

  const moveBy = (habit: Habit, delta: number) => {
    const members = membersOf(habit);
    const from = members.indexOf(habit.id);
    const to = Math.min(members.length - 1, Math.max(0, from + delta));
    if (from === to) {
      setAnnouncement(
        delta < 0
          ? i18n._("{habit} is already first.", { habit: habit.name })
          : i18n._("{habit} is already last.", { habit: habit.name }),
      );
      return;
    }
    commit(moveInSection(ids, inSection, habit.id, to), habit);
  };

  const onHandleKey = (event: KeyboardEvent, habit: Habit) => {
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      moveBy(habit, event.key === "ArrowUp" ? -1 : 1);
      requestAnimationFrame(() => handleRefs.current.get(habit.id)?.focus());
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragOrder(ids);
  };

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>, habit: Habit) => {
    const list = event.currentTarget.closest("ol");
    if (!dragOrder || !list) return;
    const rows = Array.from(list.children) as HTMLElement[];
    const target = rows.findIndex((row) => {
      const box = row.getBoundingClientRect();
      return event.clientY >= box.top && event.clientY <= box.bottom;
    });
    if (target >= 0) {
      const next = moveInSection(dragOrder, inSection, habit.id, target);
      if (next !== dragOrder) setDragOrder(next);
    }
  };

  const onPointerUp = (habit: Habit) => {
    if (dragOrder) commit(dragOrder, habit);
    setDragOrder(null);
  };

  return (
    <>
      <header className="page-header">
        <PageTitle title={i18n._("Habits")}>{i18n._("Habits")}</PageTitle>
        <Link to={paths.newHabit} className="button button-primary">
          <span aria-hidden="true">+</span>
          {i18n._("New habit")}
        </Link>
      </header>
      <p className="visually-hidden" role="status" aria-live="assertive">
        {announcement}
      </p>
      {ordered.length === 0 ? (
        <EmptyState title={i18n._("No active habits")}>
          <p>{i18n._("Create a habit to start tracking it. Archived habits are kept under Archive.")}</p>
          <Link to={paths.newHabit} className="button button-primary">
            {i18n._("Create a habit")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <p id="reorder-help" className="hint">
            {grouped
              ? i18n._(
                  "Drag a handle, or focus it and press the arrow keys, to change the order used on Today (a habit moves within its group).",
                )
              : i18n._("Drag a handle, or focus it and press the arrow keys, to change the order used on Today.")}
          </p>
          {sections.map(({ group, habits: members }) => {
            const name = group === null ? i18n._("Other habits") : group.name;
            return (
              <section key={group?.id ?? "ungrouped"} className="habit-group">
                {grouped && <h2 className="group-header group-header-plain">{name}</h2>}
                <ol
                  className="manage-list"
                  aria-label={grouped ? i18n._("Habits in {group}", { group: name }) : i18n._("Habits in order")}
                >
                  {members.map((habit, index) => (
                    <li
                      key={habit.id}
                      className={`manage-row${dragOrder ? " dragging-list" : ""}`}
                      style={habitColours(habit.color)}
                    >
                      <button
                        type="button"
                        className="drag-handle"
                        aria-label={i18n._("Reorder {habit}", { habit: habit.name })}
                        aria-describedby="reorder-help"
                        ref={(element) => {
                          if (element) handleRefs.current.set(habit.id, element);
                          else handleRefs.current.delete(habit.id);
                        }}
                        onKeyDown={(event) => onHandleKey(event, habit)}
                        onPointerDown={onPointerDown}
                        onPointerMove={(event) => onPointerMove(event, habit)}
                        onPointerUp={() => onPointerUp(habit)}
                        onPointerCancel={() => setDragOrder(null)}
                      >
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                          <path d="M8 6h.01M16 6h.01M8 12h.01M16 12h.01M8 18h.01M16 18h.01" />
                        </svg>
                      </button>
                      <div className="manage-text">
                        <Link to={paths.habit(habit.id)} className="habit-name">
                          {habit.name}
                        </Link>
                        <p className="habit-meta">
                          {i18n._("{schedule} · Score {score}", {
                            schedule: scheduleSummary(habit),
                            score: formatScore(habit.score),
                          })}
                        </p>
                      </div>
                      <div className="move-buttons">
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={i18n._("Move {name} up", { name: habit.name })}
                          disabled={index === 0}
                          onClick={() => moveBy(habit, -1)}
                        >
                          <span aria-hidden="true">↑</span>
                        </button>
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={i18n._("Move {name} down", { name: habit.name })}
                          disabled={index === members.length - 1}
                          onClick={() => moveBy(habit, 1)}
                        >
                          <span aria-hidden="true">↓</span>
                        </button>
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </>
      )}
      <GroupManager />
    </>
  );
}
