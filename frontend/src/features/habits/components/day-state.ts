import { i18n } from "@lingui/core";
import type { Entry, Habit } from "../types";
import { amountWithUnit, formatNumber, meetsTarget } from "./format";

export interface DayState {
  /** The day in words, for its accessible name: "done", "3 cups, target met", "not marked". */
  label: string;
  /** How the day is drawn; the label always says the same in words. */
  mark: "done" | "partial" | "over" | "skipped" | "missed" | "empty";
  /** A measurable habit's amount, short enough for a day's cell ("3", "1.5", "12k"). */
  amount: string;
  /** How far a measurable day got towards its target, 0 to 1 (for the fill's strength). */
  level: number;
}

type HabitLike = Pick<Habit, "kind" | "target_type" | "target_value" | "unit">;

export function shortAmount(value: number): string {
  // "k" for thousands is read the same in English, Spanish and German.
  return value >= 10_000
    ? i18n._("{thousands}k", { thousands: formatNumber(Math.round(value / 1000)) })
    : formatNumber(value);
}

/** Where one day of a habit stands, from its entry (null: nothing recorded). */
export function dayState(habit: HabitLike, entry: Entry | null | undefined): DayState {
  if (!entry) return { label: i18n._("not marked"), mark: "empty", amount: "", level: 0 };
  if (entry.status === null) return { label: i18n._("not marked, with a note"), mark: "empty", amount: "", level: 0 };
  if (entry.status === "skipped") return { label: i18n._("skipped"), mark: "skipped", amount: "", level: 0 };
  if (entry.status === "not_done") return { label: i18n._("not done"), mark: "missed", amount: "", level: 0 };
  if (habit.kind === "numeric" && entry.value !== null) {
    const amount = amountWithUnit(entry.value, habit.unit);
    const met = meetsTarget(habit, entry.value);
    const atMost = habit.target_type === "at_most";
    const ratio = habit.target_value ? Math.min(1, entry.value / habit.target_value) : 1;
    return {
      label: met
        ? i18n._("{amount}, target met", { amount })
        : atMost
          ? i18n._("{amount}, over the limit", { amount })
          : i18n._("{amount}, target not met", { amount }),
      mark: met ? "done" : atMost ? "over" : "partial",
      amount: shortAmount(entry.value),
      level: atMost ? (met ? 1 : 0.35) : Math.max(0.25, ratio),
    };
  }
  return { label: i18n._("done"), mark: "done", amount: "", level: 1 };
}
