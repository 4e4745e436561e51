import { describe, expect, it } from "vitest";
import { buildHabit } from "@/testing/builders";
import { meetsTarget, scheduleSummary, streakRule, targetSummary } from "./format";
import { fromFirstEntry } from "./score-chart";

describe("habit wording", () => {
  it.each([
    [{ frequency: { times: 1, days: 1 }, weekdays: [], period: "rolling" }, "Every day"],
    [{ frequency: { times: 3, days: 7 }, weekdays: [], period: "rolling" }, "3 times in any 7 days"],
    [{ frequency: { times: 3, days: 7 }, weekdays: [], period: "calendar" }, "3 times per calendar week"],
    [{ frequency: { times: 2, days: 10 }, weekdays: [], period: "rolling" }, "2 times in 10 days"],
    [{ frequency: { times: 4, days: 30 }, weekdays: [], period: "rolling" }, "4 times in 30 days"],
    [{ frequency: { times: 4, days: 30 }, weekdays: [], period: "calendar" }, "4 times per calendar month"],
    [{ frequency: { times: 1, days: 31 }, weekdays: [], period: "calendar" }, "1 time per calendar month"],
    [{ frequency: { times: 6, days: 365 }, weekdays: [], period: "calendar" }, "6 times per calendar year"],
    [{ frequency: { times: 2, days: 10 }, weekdays: [], period: "calendar" }, "2 times in each fixed block of 10 days"],
    [{ frequency: { times: 1, days: 1 }, weekdays: [1, 3, 5], period: "rolling" }, "On Mon, Wed, Fri"],
  ] as const)("describes %j as %s", (schedule, text) => {
    expect(scheduleSummary(buildHabit({ ...schedule, weekdays: [...schedule.weekdays] }))).toBe(text);
  });

  it.each([
    [
      { frequency: { times: 1, days: 1 }, weekdays: [], period: "rolling", kind: "boolean" },
      "Your streak counts the days in a row you did it; a skipped day doesn't break it.",
    ],
    [
      { frequency: { times: 2, days: 2 }, weekdays: [], period: "calendar", kind: "numeric" },
      "Your streak counts the days in a row you met the target; a skipped day doesn't break it.",
    ],
    [
      { frequency: { times: 1, days: 1 }, weekdays: [1, 3, 5], period: "rolling", kind: "boolean" },
      "Your streak counts the scheduled days in a row you did it; skipped days and days off the schedule don't break it.",
    ],
    [
      { frequency: { times: 3, days: 7 }, weekdays: [], period: "rolling", kind: "boolean" },
      "Your streak counts the days in a row that fall in 7 days holding 3 times you did it, counted from such a day; a skipped day doesn't break it.",
    ],
    [
      { frequency: { times: 3, days: 7 }, weekdays: [], period: "calendar", kind: "boolean" },
      "Your streak counts the days you did it in calendar weeks in a row that each reached 3 times; the current one only adds.",
    ],
    [
      { frequency: { times: 1, days: 30 }, weekdays: [], period: "calendar", kind: "numeric" },
      "Your streak counts the days you met the target in calendar months in a row that each reached 1 time; the current one only adds.",
    ],
    [
      { frequency: { times: 1, days: 366 }, weekdays: [], period: "calendar", kind: "boolean" },
      "Your streak counts the days you did it in calendar years in a row that each reached 1 time; the current one only adds.",
    ],
    [
      { frequency: { times: 2, days: 10 }, weekdays: [], period: "calendar", kind: "boolean" },
      "Your streak counts the days you did it in 10-day periods in a row that each reached 2 times; the current one only adds.",
    ],
  ] as const)("explains the streak of %j", (schedule, text) => {
    expect(streakRule(buildHabit({ ...schedule, weekdays: [...schedule.weekdays] }))).toBe(text);
  });

  it("states numeric targets and whether an amount meets them", () => {
    const atMost = buildHabit({ kind: "numeric", target_type: "at_most", target_value: 2, unit: "cups" });
    expect(targetSummary(atMost)).toBe("At most 2 cups");
    expect(meetsTarget(atMost, 2)).toBe(true);
    expect(meetsTarget(atMost, 2.5)).toBe(false);
    const atLeast = buildHabit({ kind: "numeric", target_value: 5 });
    expect(meetsTarget(atLeast, 4.99)).toBe(false);
    expect(meetsTarget(atLeast, null)).toBe(false);
    expect(targetSummary(buildHabit())).toBeNull();
  });

  it("starts the score chart at the first entry, without the padding before it", () => {
    const day = (index: number) => `2026-01-${String(index + 1).padStart(2, "0")}`;
    const points = (scores: number[]) => scores.map((score, index) => ({ date: day(index), score }));
    const scores = (list: { score: number }[]) => list.map((point) => point.score);
    // A yes/no habit first ticked on the 4th: three days of padding at 0 %.
    expect(scores(fromFirstEntry(points([0, 0, 0, 0.1, 0.2]), day(3)))).toEqual([0.1, 0.2]);
    // An at-most habit starts at 100 %; its padding goes too.
    expect(scores(fromFirstEntry(points([1, 1, 0.95, 0.97]), day(2)))).toEqual([0.95, 0.97]);
    // A first entry before the range: every day of it is a real score.
    expect(scores(fromFirstEntry(points([0.4, 0.38, 0.37]), "2025-06-01"))).toEqual([0.4, 0.38, 0.37]);
    // No entry yet: nothing to draw.
    expect(fromFirstEntry(points([0, 0, 0]), null)).toEqual([]);
  });
});
