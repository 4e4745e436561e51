import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { addDays, daysBetween, formatLong, formatMonth, isoWeekday } from "@/lib/dates";
import type { Entry, Habit } from "../types";
import { formatNumber, meetsTarget } from "./format";

interface YearHeatmapProps {
  habit: Pick<Habit, "name" | "color" | "kind" | "target_type" | "target_value" | "unit">;
  entries: Entry[];
  today: string;
  selected: string | null;
  onSelect: (date: string) => void;
}

function describe(
  habit: YearHeatmapProps["habit"],
  entry: Entry | undefined,
): { label: string; state: string; level: number } {
  if (!entry) return { label: "no entry", state: "empty", level: 0 };
  if (entry.status === "skipped") return { label: "skipped", state: "skipped", level: 0 };
  if (entry.status === "not_done") return { label: "not done", state: "missed", level: 0 };
  if (habit.kind === "numeric" && entry.value !== null) {
    const amount = `${formatNumber(entry.value)}${habit.unit ? ` ${habit.unit}` : ""}`;
    const met = meetsTarget(habit, entry.value);
    const ratio = habit.target_value ? Math.min(1, entry.value / habit.target_value) : 1;
    return {
      label: `${amount}, ${met ? "target met" : "target not met"}`,
      state: met ? "done" : "partial",
      level: habit.target_type === "at_most" ? (met ? 1 : 0.35) : Math.max(0.25, ratio),
    };
  }
  return { label: "done", state: "done", level: 1 };
}

/**
 * A year of days, a column per week (Monday on top). Days are buttons that open the day's editor.
 * One button is in the tab order at a time; the arrow keys move by a day or a week.
 */
export default function YearHeatmap({ habit, entries, today, selected, onSelect }: YearHeatmapProps) {
  const first = addDays(addDays(today, -364), 1 - isoWeekday(addDays(today, -364)));
  const total = daysBetween(first, today) + 1;
  const days = Array.from({ length: total }, (_, index) => addDays(first, index));
  const byDate = new Map(entries.map((entry) => [entry.date, entry]));
  const [focusDate, setFocusDate] = useState(selected ?? today);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const keyboardMove = useRef(false);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, []);

  useLayoutEffect(() => {
    if (keyboardMove.current) buttons.current.get(focusDate)?.focus();
    keyboardMove.current = false;
  }, [focusDate]);

  const onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = {
      ArrowUp: -1,
      ArrowDown: 1,
      ArrowLeft: -7,
      ArrowRight: 7,
      Home: -daysBetween(first, focusDate),
      End: daysBetween(focusDate, today),
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = addDays(focusDate, step);
    if (next < first || next > today) return;
    keyboardMove.current = true;
    setFocusDate(next);
  };

  const weeks = Math.ceil(total / 7);
  const monthLabels = Array.from({ length: weeks }, (_, week) => {
    const monday = addDays(first, week * 7);
    const sunday = addDays(monday, 6);
    return sunday.slice(8) <= "07" || week === 0 ? formatMonth(sunday) : "";
  });

  return (
    <div className="heatmap-wrap">
      <div className="heatmap-scroller" ref={scroller}>
        <div className="heatmap-months" aria-hidden="true" style={{ "--weeks": weeks } as CSSProperties}>
          {monthLabels.map((label, index) => (
            <span key={index}>{label}</span>
          ))}
        </div>
        <div
          className="heatmap"
          role="group"
          aria-label={`${habit.name}: the last year, one button per day. Arrow keys move between days.`}
          style={{ "--habit-color": habit.color, "--weeks": weeks } as CSSProperties}
          onKeyDown={onKeyDown}
        >
          {days.map((date) => {
            const info = describe(habit, byDate.get(date));
            return (
              <button
                key={date}
                type="button"
                ref={(element) => {
                  if (element) buttons.current.set(date, element);
                  else buttons.current.delete(date);
                }}
                className={`day day-${info.state}${date === selected ? " day-selected" : ""}${date === today ? " day-today" : ""}`}
                style={{ "--level": info.level } as CSSProperties}
                tabIndex={date === focusDate ? 0 : -1}
                aria-label={`${formatLong(date)}: ${info.label}`}
                aria-pressed={date === selected}
                title={`${formatLong(date)}: ${info.label}`}
                onFocus={() => setFocusDate(date)}
                onClick={() => onSelect(date)}
              />
            );
          })}
        </div>
      </div>
      <ul className="heatmap-legend" aria-label="Legend">
        <li>
          <span className="day day-empty" aria-hidden="true" /> No entry
        </li>
        <li>
          <span
            className="day day-done"
            style={{ "--habit-color": habit.color, "--level": 1 } as CSSProperties}
            aria-hidden="true"
          />{" "}
          Done
        </li>
        <li>
          <span className="day day-skipped" aria-hidden="true" /> Skipped
        </li>
        <li>
          <span className="day day-missed" aria-hidden="true" /> Not done
        </li>
      </ul>
    </div>
  );
}
