import { i18n } from "@lingui/core";
import type { Entry, Habit } from "../../types";
import { formatNumber, meetsTarget, scheduleSummary, targetSummary } from "../format";

export interface TodayStatus {
  text: string;
  tone: "done" | "skipped" | "open" | "over";
}

/** Where a habit stands today, in words (the tone only adds colour to what the text says). */
export function todayStatus(habit: Habit, entry: Entry | null): TodayStatus {
  if (entry?.status === "skipped") return { text: i18n._("Skipped today"), tone: "skipped" };
  if (habit.kind === "numeric") {
    const target = targetSummary(habit) ?? "";
    if (entry?.value === null || entry?.value === undefined || entry.status !== "done")
      return { text: i18n._("Nothing yet · {target}", { target }), tone: "open" };
    const values = {
      amount: formatNumber(entry.value),
      target: formatNumber(habit.target_value ?? 0),
      unit: habit.unit,
    };
    const amount = habit.unit ? i18n._("{amount} / {target} {unit}", values) : i18n._("{amount} / {target}", values);
    if (meetsTarget(habit, entry.value)) return { text: i18n._("✓ {amount}, target met", { amount }), tone: "done" };
    return habit.target_type === "at_most"
      ? { text: i18n._("{amount}, over the limit", { amount }), tone: "over" }
      : { text: i18n._("{amount} so far", { amount }), tone: "open" };
  }
  if (entry?.status === "done") return { text: i18n._("✓ Done today"), tone: "done" };
  return { text: habit.scheduled_today ? scheduleSummary(habit) : i18n._("Not due today"), tone: "open" };
}
