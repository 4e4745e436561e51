import type { CSSProperties } from "react";
import { markOn, standingOut } from "@/lib/colour";
import { i18n } from "@lingui/core";
import { addDays, formatNumber as formatLocaleNumber, formatWeekdayDay, weekdayName } from "@/lib/dates";
import type { Entry, Habit } from "../types";

/** A score (0 to 1) as a whole percentage in the SPA's language ("42%", "42 %"). */
export function formatScore(score: number): string {
  return formatLocaleNumber(Math.round(score * 100) / 100, { style: "percent", maximumFractionDigits: 0 });
}

/** An amount as shown to people, in the SPA's language: at most two decimals ("1.5", "1,5", "12,000"). */
export function formatNumber(value: number): string {
  return formatLocaleNumber(Number(value), { maximumFractionDigits: 2 });
}

/**
 * An amount as put in a field to edit: the SPA's decimal separator and no grouping, so that
 * `parseAmount` (which takes "1.5" and "1,5") reads it back as the same number.
 */
export function editableNumber(value: number): string {
  return formatLocaleNumber(Number(value), { maximumFractionDigits: 6, useGrouping: false });
}

/** An amount with the habit's unit, if it has one ("3 cups", "2.5"). */
export function amountWithUnit(value: number, unit: string): string {
  const amount = formatNumber(value);
  return unit ? i18n._("{amount} {unit}", { amount, unit }) : amount;
}

/** "today", "yesterday", or the day's name and date (lower case: it is read inside a sentence). */
export function dayName(iso: string, today: string): string {
  if (iso === today) return i18n._("today");
  if (iso === addDays(today, -1)) return i18n._("yesterday");
  return formatWeekdayDay(iso);
}

/** The chosen weekdays' short names in the SPA's language, Monday first ("Mon, Wed, Fri"). */
function weekdayList(weekdays: number[]): string {
  return [1, 2, 3, 4, 5, 6, 7]
    .filter((iso) => weekdays.includes(iso))
    .map((iso) => weekdayName(iso, "short"))
    .join(", ");
}

/**
 * How often, in words. A calendar schedule counts within fixed periods (as the engine does): 7
 * days are calendar weeks, 28 to 31 calendar months, 365 or 366 calendar years, any other length
 * fixed blocks of that many days; a rolling one counts in any window of that many days.
 */
export function scheduleSummary(habit: Pick<Habit, "frequency" | "weekdays" | "period">): string {
  const { times: count, days } = habit.frequency;
  const daily = count === 1 && days === 1;
  let text: string;
  if (daily) text = i18n._("Every day");
  else if (habit.period !== "calendar")
    text =
      days === 7
        ? i18n._("{count, plural, one {# time in any 7 days} other {# times in any 7 days}}", { count })
        : i18n._("{count, plural, one {# time in {days} days} other {# times in {days} days}}", { count, days });
  else if (days === 7)
    text = i18n._("{count, plural, one {# time per calendar week} other {# times per calendar week}}", { count });
  else if (days >= 28 && days <= 31)
    text = i18n._("{count, plural, one {# time per calendar month} other {# times per calendar month}}", { count });
  else if (days === 365 || days === 366)
    text = i18n._("{count, plural, one {# time per calendar year} other {# times per calendar year}}", { count });
  else
    text = i18n._(
      "{count, plural, one {# time in each fixed block of {days} days} other {# times in each fixed block of {days} days}}",
      { count, days },
    );
  if (habit.weekdays.length > 0 && habit.weekdays.length < 7) {
    const names = weekdayList(habit.weekdays);
    text = daily
      ? i18n._("On {weekdays}", { weekdays: names })
      : i18n._("{schedule}, on {weekdays}", { schedule: text, weekdays: names });
  }
  return text;
}

/**
 * How a streak is counted, one sentence per kind of schedule, as the server counts it
 * (backend/habits/engine/streaks.py): every scheduled day, a rolling "N in D days", or N per
 * calendar period. Skipped days never break a streak, nor do days outside the chosen weekdays.
 * Each sentence is a whole message, so that it can be translated as one.
 */
export function streakRule(habit: Pick<Habit, "frequency" | "weekdays" | "period" | "kind">): string {
  const { times: count, days } = habit.frequency;
  const numeric = habit.kind === "numeric";
  const chosen = habit.weekdays.length > 0 && habit.weekdays.length < 7;
  if (count === days) {
    if (chosen)
      return numeric
        ? i18n._(
            "Your streak counts the scheduled days in a row you met the target; skipped days and days off the schedule don't break it.",
          )
        : i18n._(
            "Your streak counts the scheduled days in a row you did it; skipped days and days off the schedule don't break it.",
          );
    return numeric
      ? i18n._("Your streak counts the days in a row you met the target; a skipped day doesn't break it.")
      : i18n._("Your streak counts the days in a row you did it; a skipped day doesn't break it.");
  }
  if (habit.period === "calendar") {
    if (days === 7)
      return numeric
        ? i18n._(
            "Your streak counts the days you met the target in calendar weeks in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
            { count },
          )
        : i18n._(
            "Your streak counts the days you did it in calendar weeks in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
            { count },
          );
    if (days >= 28 && days <= 31)
      return numeric
        ? i18n._(
            "Your streak counts the days you met the target in calendar months in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
            { count },
          )
        : i18n._(
            "Your streak counts the days you did it in calendar months in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
            { count },
          );
    if (days === 365 || days === 366)
      return numeric
        ? i18n._(
            "Your streak counts the days you met the target in calendar years in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
            { count },
          )
        : i18n._(
            "Your streak counts the days you did it in calendar years in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
            { count },
          );
    return numeric
      ? i18n._(
          "Your streak counts the days you met the target in {days}-day periods in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
          { count, days },
        )
      : i18n._(
          "Your streak counts the days you did it in {days}-day periods in a row that each reached {count, plural, one {# time} other {# times}}; the current one only adds.",
          { count, days },
        );
  }
  if (chosen)
    return numeric
      ? i18n._(
          "Your streak counts the days in a row that fall in {days} days holding {count, plural, one {# time} other {# times}} you met the target, counted from such a day; skipped days and days off the schedule don't break it.",
          { count, days },
        )
      : i18n._(
          "Your streak counts the days in a row that fall in {days} days holding {count, plural, one {# time} other {# times}} you did it, counted from such a day; skipped days and days off the schedule don't break it.",
          { count, days },
        );
  return numeric
    ? i18n._(
        "Your streak counts the days in a row that fall in {days} days holding {count, plural, one {# time} other {# times}} you met the target, counted from such a day; a skipped day doesn't break it.",
        { count, days },
      )
    : i18n._(
        "Your streak counts the days in a row that fall in {days} days holding {count, plural, one {# time} other {# times}} you did it, counted from such a day; a skipped day doesn't break it.",
        { count, days },
      );
}

export function targetSummary(habit: Pick<Habit, "kind" | "target_type" | "target_value" | "unit">): string | null {
  if (habit.kind !== "numeric" || habit.target_value === null) return null;
  const amount = amountWithUnit(habit.target_value, habit.unit);
  return habit.target_type === "at_most"
    ? i18n._("At most {amount}", { amount })
    : i18n._("At least {amount}", { amount });
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
