import { WEEKDAYS } from "@/lib/dates";
import type { Entry, Habit } from "../types";

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function formatNumber(value: number): string {
  const number = Number(value);
  return Number.isInteger(number) ? String(number) : number.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

export function scheduleSummary(habit: Pick<Habit, "frequency" | "weekdays" | "period">): string {
  const { times, days } = habit.frequency;
  const calendar = habit.period === "calendar";
  let text: string;
  if (times === 1 && days === 1) text = "Every day";
  else if (days === 7)
    text = `${times} ${times === 1 ? "time" : "times"} ${calendar ? "per calendar week" : "in any 7 days"}`;
  else if (days === 30 || days === 31)
    text = `${times} ${times === 1 ? "time" : "times"} ${calendar ? "per calendar month" : "in any 30 days"}`;
  else text = `${times} ${times === 1 ? "time" : "times"} in ${days} days`;
  if (habit.weekdays.length > 0 && habit.weekdays.length < 7) {
    const names = WEEKDAYS.filter((day) => habit.weekdays.includes(day.iso)).map((day) => day.short);
    text = times === 1 && days === 1 ? `On ${names.join(", ")}` : `${text}, on ${names.join(", ")}`;
  }
  return text;
}

function periodsName(days: number): string {
  if (days === 7) return "calendar weeks";
  if (days >= 28 && days <= 31) return "calendar months";
  if (days === 365 || days === 366) return "calendar years";
  return `${days}-day periods`;
}

/**
 * How a streak is counted, one sentence per kind of schedule, as the server counts it
 * (backend/habits/engine/streaks.py): every scheduled day, a rolling "N in D days", or N per
 * calendar period. Skipped days never break a streak, nor do days outside the chosen weekdays.
 */
export function streakRule(habit: Pick<Habit, "frequency" | "weekdays" | "period" | "kind">): string {
  const { times, days } = habit.frequency;
  const kept = habit.kind === "numeric" ? "met the target" : "did it";
  const chosen = habit.weekdays.length > 0 && habit.weekdays.length < 7;
  const ignored = chosen ? "skipped days and days off the schedule" : "a skipped day";
  const breaks = chosen ? "don't break it" : "doesn't break it";
  if (times === days) {
    const which = chosen ? "scheduled days" : "days";
    return `Your streak counts the ${which} in a row you ${kept}; ${ignored} ${breaks}.`;
  }
  const count = `${times} ${times === 1 ? "time" : "times"}`;
  if (habit.period === "calendar") {
    return `Your streak counts the days you ${kept} in ${periodsName(days)} in a row that each reached ${count}; the current one only adds.`;
  }
  return `Your streak counts the days in a row that fall in ${days} days holding ${count} you ${kept}, counted from such a day; ${ignored} ${breaks}.`;
}

export function targetSummary(habit: Pick<Habit, "kind" | "target_type" | "target_value" | "unit">): string | null {
  if (habit.kind !== "numeric" || habit.target_value === null) return null;
  const bound = habit.target_type === "at_most" ? "At most" : "At least";
  return `${bound} ${formatNumber(habit.target_value)}${habit.unit ? ` ${habit.unit}` : ""}`;
}

/** Whether a numeric amount meets the habit's target (at least / at most). */
export function meetsTarget(habit: Pick<Habit, "target_type" | "target_value">, value: number | null): boolean {
  if (value === null || habit.target_value === null) return false;
  return habit.target_type === "at_most" ? value <= habit.target_value : value >= habit.target_value;
}

export function isDone(entry: Entry | null | undefined): boolean {
  return entry?.status === "done";
}
