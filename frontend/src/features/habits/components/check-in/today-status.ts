import type { Entry, Habit } from "../../types";
import { formatNumber, meetsTarget, scheduleSummary, targetSummary } from "../format";

export interface TodayStatus {
  text: string;
  tone: "done" | "skipped" | "open" | "over";
}

/** Where a habit stands today, in words (the tone only adds colour to what the text says). */
export function todayStatus(habit: Habit, entry: Entry | null): TodayStatus {
  if (entry?.status === "skipped") return { text: "Skipped today", tone: "skipped" };
  if (habit.kind === "numeric") {
    const target = targetSummary(habit) ?? "";
    if (entry?.value === null || entry?.value === undefined || entry.status !== "done")
      return { text: `Nothing yet · ${target}`, tone: "open" };
    const amount = `${formatNumber(entry.value)} / ${formatNumber(habit.target_value ?? 0)}${habit.unit ? ` ${habit.unit}` : ""}`;
    if (meetsTarget(habit, entry.value)) return { text: `✓ ${amount}, target met`, tone: "done" };
    return habit.target_type === "at_most"
      ? { text: `${amount}, over the limit`, tone: "over" }
      : { text: `${amount} so far`, tone: "open" };
  }
  if (entry?.status === "done") return { text: "✓ Done today", tone: "done" };
  return { text: habit.scheduled_today ? scheduleSummary(habit) : "Not due today", tone: "open" };
}
