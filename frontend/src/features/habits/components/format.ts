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
