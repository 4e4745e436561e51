import type { CSSProperties } from "react";
import { markOn, standingOut } from "@/lib/colour";
import { WEEKDAYS } from "@/lib/dates";
import type { Entry, Habit } from "../types";

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function formatNumber(value: number): string {
  const number = Number(value);
  return Number.isInteger(number) ? String(number) : number.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

function times(count: number): string {
  return `${count} ${count === 1 ? "time" : "times"}`;
}

/**
 * How often, in words. A calendar schedule counts within fixed periods (as the engine does): 7
 * days are calendar weeks, 28 to 31 calendar months, 365 or 366 calendar years, any other length
 * fixed blocks of that many days; a rolling one counts in any window of that many days.
 */
export function scheduleSummary(habit: Pick<Habit, "frequency" | "weekdays" | "period">): string {
  const { times: count, days } = habit.frequency;
  let text: string;
  if (count === 1 && days === 1) text = "Every day";
  else if (habit.period !== "calendar")
    text = days === 7 ? `${times(count)} in any 7 days` : `${times(count)} in ${days} days`;
  else if (days === 7) text = `${times(count)} per calendar week`;
  else if (days >= 28 && days <= 31) text = `${times(count)} per calendar month`;
  else if (days === 365 || days === 366) text = `${times(count)} per calendar year`;
  else text = `${times(count)} in each fixed block of ${days} days`;
  if (habit.weekdays.length > 0 && habit.weekdays.length < 7) {
    const names = WEEKDAYS.filter((day) => habit.weekdays.includes(day.iso)).map((day) => day.short);
    text = count === 1 && days === 1 ? `On ${names.join(", ")}` : `${text}, on ${names.join(", ")}`;
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

const LIGHT_BACKGROUNDS = ["#ffffff", "#f7f7f4"];
const DARK_BACKGROUNDS = ["#1f2226", "#16181b"];

/**
 * The custom properties a habit's colour is drawn with: `--habit-color` as picked (the row's bar),
 * `--habit-ink` the same colour made to stand out 3:1 from the page in the light and the dark
 * theme (fills, lines), and `--habit-mark` a check mark that reads on that ink.
 */
export function habitColours(color: string): CSSProperties {
  const light = standingOut(color, LIGHT_BACKGROUNDS);
  const dark = standingOut(color, DARK_BACKGROUNDS);
  return {
    "--habit-color": color,
    "--habit-ink": `light-dark(${light}, ${dark})`,
    "--habit-mark": `light-dark(${markOn(light)}, ${markOn(dark)})`,
  } as CSSProperties;
}
