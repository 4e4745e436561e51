import {
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import { useLingui } from "@lingui/react";
import { addDays, daysBetween, formatLong, formatMonth, isoWeekday } from "@/lib/dates";
import type { Entry, Habit } from "../types";
import { dayState } from "./day-state";
import { habitColours } from "./format";

/** The grid's rows, Monday (0) on top to Sunday (6). */
const WEEKDAY_ROWS = [0, 1, 2, 3, 4, 5, 6];

interface YearHeatmapProps {
  habit: Pick<Habit, "name" | "color" | "kind" | "target_type" | "target_value" | "unit">;
  entries: Entry[];
  /** Days whose change waits for the server. */
  pendingDates?: ReadonlySet<string>;
  today: string;
  selected: string | null;
  /** The grid, for returning focus to it when the day's editor closes. */
  gridRef?: RefObject<HTMLDivElement | null>;
  onSelect: (date: string) => void;
}

/**
 * A year of days: a row per weekday (Monday on top), a column per week, all 53 in view on a wide
 * screen. It is one widget (an ARIA grid) and one tab stop: the arrow keys move a day or a week,
 * Enter opens the day; a click on a day opens it too. The days are drawn small to fit the year; the
 * date picker below the grid is the large-target way to any of them (WCAG 2.5.8's equivalent).
 */
export default function YearHeatmap({
  habit,
  entries,
  pendingDates,
  today,
  selected,
  gridRef,
  onSelect,
}: YearHeatmapProps) {
  const { i18n } = useLingui();
  const first = addDays(addDays(today, -364), 1 - isoWeekday(addDays(today, -364)));
  const weeks = Math.ceil((daysBetween(first, today) + 1) / 7);
  const byDate = new Map(entries.map((entry) => [entry.date, entry]));
  const [active, setActive] = useState(selected ?? today);
  const scroller = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const cellId = (date: string) => `${idPrefix}-${date}`;

  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, []);

  useEffect(() => {
    document.getElementById(cellId(active))?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids only change with `active`
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(active);
      return;
    }
    const steps: Record<string, number> = {
      ArrowUp: -1,
      ArrowDown: 1,
      ArrowLeft: -7,
      ArrowRight: 7,
      Home: -daysBetween(first, active),
      End: daysBetween(active, today),
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = addDays(active, step);
    if (next >= first && next <= today) setActive(next);
  };

  const onClick = (event: MouseEvent) => {
    const date = (event.target as HTMLElement).closest<HTMLElement>("[data-date]")?.dataset.date;
    if (!date) return;
    setActive(date);
    onSelect(date);
  };

  const monthLabels = Array.from({ length: weeks }, (_, week) => {
    const sunday = addDays(first, week * 7 + 6);
    return sunday.slice(8) <= "07" || week === 0 ? formatMonth(sunday) : "";
  });
  const layout = { ...habitColours(habit.color), "--weeks": weeks } as CSSProperties;

  return (
    <div className="heatmap-wrap">
      <div className="heatmap-scroller" ref={scroller}>
        <div className="heatmap-months" aria-hidden="true" style={layout}>
          {monthLabels.map((label, index) => (
            // A month that starts in the last weeks ends at the grid's edge rather than past it,
            // where it would make the year scroll and hide part of the first week.
            <span key={index} className={index >= weeks - 2 ? "month-at-end" : undefined}>
              {label}
            </span>
          ))}
        </div>
        <div
          ref={gridRef}
          className="heatmap"
          role="grid"
          tabIndex={0}
          aria-label={i18n._(
            "{habit}, the last year: a row per weekday, a column per week. Arrow keys move between days, Enter opens one.",
            { habit: habit.name },
          )}
          aria-activedescendant={cellId(active)}
          style={layout}
          onKeyDown={onKeyDown}
          onClick={onClick}
        >
          {WEEKDAY_ROWS.map((row) => (
            <div key={row} role="row" className="heatmap-row">
              {Array.from({ length: weeks }, (_, week) => {
                const date = addDays(first, week * 7 + row);
                if (date > today) return <span key={date} role="gridcell" className="day day-future" />;
                const state = dayState(habit, byDate.get(date));
                const values = { date: formatLong(date), state: state.label };
                const label = pendingDates?.has(date)
                  ? i18n._("{date}: {state}, will sync", values)
                  : i18n._("{date}: {state}", values);
                const classes = [
                  "day",
                  `mark-${state.mark}`,
                  date === selected ? "day-selected" : "",
                  date === today ? "day-today" : "",
                  date === active ? "day-active" : "",
                ];
                return (
                  <span
                    key={date}
                    id={cellId(date)}
                    role="gridcell"
                    data-date={date}
                    className={classes.filter(Boolean).join(" ")}
                    style={{ "--level": state.level } as CSSProperties}
                    aria-label={label}
                    aria-selected={date === selected}
                    title={label}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <ul className="heatmap-legend" aria-label={i18n._("Legend")}>
        <li>
          <span className="day mark-empty" aria-hidden="true" /> {i18n._("Not marked")}
        </li>
        <li>
          <span className="day mark-done" style={{ "--level": 1 } as CSSProperties} aria-hidden="true" />{" "}
          {i18n._("Done")}
        </li>
        <li>
          <span className="day mark-skipped" aria-hidden="true" /> {i18n._("Skipped")}
        </li>
        <li>
          <span className="day mark-missed" aria-hidden="true" /> {i18n._("Not done")}
        </li>
      </ul>
    </div>
  );
}
