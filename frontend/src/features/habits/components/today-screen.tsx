import { useId, useState, type CSSProperties, type ReactNode } from "react";
import { useLingui } from "@lingui/react";
import { Link } from "@/lib/router";
import { paths } from "@/config/paths";
import { useSignedInUser } from "@/lib/auth";
import { addDays, formatNumber, formatWeekdayDay, formatWeekdayShort } from "@/lib/dates";
import { useElementWidth } from "@/lib/use-element-width";
import { notify } from "@/components/notifications";
import { PageTitle } from "@/components/page-title";
import { EmptyState, ErrorState, Loading, errorMessage } from "@/components/status";
import { shownEntry, usePendingEntries } from "../api/entry-cache";
import { useEntries } from "../api/get-entries";
import { useGroups } from "../api/get-groups";
import { useHabits } from "../api/get-habits";
import { useUpdateGroup } from "../api/update-group";
import type { Habit } from "../types";
import { HabitRow } from "./check-in/habit-row";
import { GroupHeader } from "./groups/group-header";
import { completion, groupSections } from "./groups/sections";

/** The most days a row shows, and so the span of entries Today asks for (one query per habit). */
export const RECENT_DAYS = 14;

/**
 * The row's measures, in CSS pixels: the stylesheet reads them from custom properties set here,
 * so the number of days that fit is computed from the same numbers the layout uses.
 */
const CELL = 34;
const CELL_GAP = 4;
const NOTE_BUTTON = 32;
const COLUMN_GAP = 6;
const ROW_CHROME = 6 + 1 + 8 + 8; // colour bar, border, padding
const NAME_MIN_PHONE = 96;
const NAME_MIN_WIDE = 200;
const WIDE = 600;

/** How many days fit beside a habit's name in a list `width` wide (at least 3, at most RECENT_DAYS). */
export function daysThatFit(width: number): number {
  if (width <= 0) return 7;
  const nameMin = width >= WIDE ? NAME_MIN_WIDE : NAME_MIN_PHONE;
  const room = width - ROW_CHROME - nameMin - NOTE_BUTTON - 2 * COLUMN_GAP;
  return Math.max(3, Math.min(RECENT_DAYS, Math.floor((room + CELL_GAP) / (CELL + CELL_GAP))));
}

const LAYOUT = {
  "--cell": `${CELL}px`,
  "--cell-gap": `${CELL_GAP}px`,
  "--note-button": `${NOTE_BUTTON}px`,
  "--column-gap": `${COLUMN_GAP}px`,
} as CSSProperties;

/**
 * Today, as Loop's main screen: every active habit with its last days, ticked right there, under
 * its group's header (with the group's completion; a header folds its group) and the habits in no
 * group after the groups. `notice` is shown under the title (the app puts the time-zone offer there).
 */
export function TodayScreen({ notice }: { notice?: ReactNode }) {
  const { i18n } = useLingui();
  const user = useSignedInUser();
  const habits = useHabits();
  const groups = useGroups();
  const fold = useUpdateGroup({
    mutationConfig: {
      onError: (error) =>
        notify(i18n._("The group was not folded: {reason}", { reason: errorMessage(error) }), "error"),
    },
  });
  const pending = usePendingEntries();
  const listIds = useId();
  const [listRef, width] = useElementWidth<HTMLDivElement>();
  const [announcement, setAnnouncement] = useState("");
  const hintId = useId();
  const today = user.today;
  const count = daysThatFit(width);
  const dates = Array.from({ length: count }, (_, index) => addDays(today, index - count + 1));
  const range = { start: addDays(today, 1 - RECENT_DAYS), end: today };

  const list = habits.data ?? [];
  const isDone = (habit: Habit) => shownEntry(pending, habit.id, today, habit.today_entry).entry?.status === "done";
  const { done, due } = completion(list, isDone);
  const sections = groupSections(list, groups.data);
  const grouped = sections.some((section) => section.group !== null);
  const rowProps = { today, dates, range, pending, hintId, announce: setAnnouncement };

  return (
    <>
      <header className="page-header">
        <div>
          <PageTitle title={i18n._("Today")}>{i18n._("Today")}</PageTitle>
          <p className="subtitle">{formatWeekdayDay(today)}</p>
        </div>
        <Link to={paths.newHabit} className="button button-primary">
          <span aria-hidden="true">+</span>
          {i18n._("New habit")}
        </Link>
      </header>
      {notice}

      {habits.isPending && <Loading label={i18n._("Loading your habits…")} />}
      {habits.isError && <ErrorState error={habits.error} onRetry={() => void habits.refetch()} />}

      {habits.data?.length === 0 && (
        <EmptyState title={i18n._("No habits yet")}>
          <p>
            {i18n._(
              "Start with one small thing you want to do regularly — a walk, ten minutes of reading, a glass of water. You will tick it off here each day and watch its streak and score grow.",
            )}
          </p>
          <Link to={paths.newHabit} className="button button-primary">
            {i18n._("Create your first habit")}
          </Link>
          <p className="hint">
            {i18n._("Coming from Loop Habit Tracker?")}{" "}
            <Link to={paths.settings}>{i18n._("Import your backup in Settings.")}</Link>
          </p>
        </EmptyState>
      )}

      <div ref={listRef} className="today-list" style={{ ...LAYOUT, "--days": count } as CSSProperties}>
        {list.length > 0 && (
          <>
            <p className="progress-summary" aria-live="polite">
              {due
                ? i18n._("{done} of {due} due today done", { done: formatNumber(done), due: formatNumber(due) })
                : i18n._("Nothing is due today")}
            </p>
            <p id={hintId} className="visually-hidden">
              {i18n._(
                "Each press of a yes-or-no day marks it done, then skipped, then not marked; a measurable day opens its amount. Left and right arrows move between days.",
              )}
            </p>
            <div className="day-header" aria-hidden="true">
              <span />
              <span className="day-header-days">
                {dates.map((date) => (
                  <span key={date} className={date === today ? "day-header-today" : undefined}>
                    {date === today ? i18n._("Today") : formatWeekdayShort(date)}
                    <small>{formatNumber(Number(date.slice(8)))}</small>
                  </span>
                ))}
              </span>
              <span />
            </div>
            {!grouped && (
              <ul className="habit-list" aria-label={i18n._("Your habits")}>
                {list.map((habit) => (
                  <TodayRow key={habit.id} habit={habit} {...rowProps} />
                ))}
              </ul>
            )}
            {grouped &&
              sections.map(({ group, habits: members }) => {
                if (group === null)
                  return (
                    <section key="ungrouped" className="habit-group" aria-labelledby={`${listIds}-none`}>
                      <h2 id={`${listIds}-none`} className="group-header group-header-plain">
                        {i18n._("Other habits")}
                      </h2>
                      <ul className="habit-list" aria-label={i18n._("Other habits")}>
                        {members.map((habit) => (
                          <TodayRow key={habit.id} habit={habit} {...rowProps} />
                        ))}
                      </ul>
                    </section>
                  );
                const listId = `${listIds}-${group.id}`;
                const counts = completion(members, isDone);
                return (
                  <section key={group.id} className="habit-group">
                    <GroupHeader
                      group={group}
                      listId={listId}
                      {...counts}
                      onToggle={() => fold.mutate({ id: group.id, patch: { collapsed: !group.collapsed } })}
                    />
                    <ul id={listId} className="habit-list" aria-label={group.name} hidden={group.collapsed}>
                      {!group.collapsed &&
                        members.map((habit) => <TodayRow key={habit.id} habit={habit} {...rowProps} />)}
                    </ul>
                  </section>
                );
              })}
          </>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}

function TodayRow({
  range,
  ...props
}: Omit<Parameters<typeof HabitRow>[0], "entries"> & { habit: Habit; range: { start: string; end: string } }) {
  const entries = useEntries({ id: props.habit.id, range });
  return <HabitRow {...props} entries={entries.data} />;
}
