import { describe, expect, it } from "vitest";
import { addDays, currentDay, daysBetween, isoWeekday } from "./dates";

describe("date arithmetic", () => {
  it("adds days across month, year and DST boundaries without drift", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("knows ISO weekdays and distances", () => {
    expect(isoWeekday("2026-03-16")).toBe(1);
    expect(isoWeekday("2026-03-22")).toBe(7);
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
  });
});

describe("the user's today, moved on from a saved answer", () => {
  const at = (iso: string) => Date.parse(iso);

  it("is the server's today while the day has not turned", () => {
    expect(currentDay("2026-03-18", at("2026-03-18T08:00:00Z"), at("2026-03-18T21:00:00Z"), "Europe/Berlin", 0)).toBe(
      "2026-03-18",
    );
  });

  it("moves on by the days that passed in the user's zone", () => {
    // 23:30 UTC is already the 19th in Berlin.
    expect(currentDay("2026-03-18", at("2026-03-18T08:00:00Z"), at("2026-03-18T23:30:00Z"), "Europe/Berlin", 0)).toBe(
      "2026-03-19",
    );
    expect(currentDay("2026-03-18", at("2026-03-18T08:00:00Z"), at("2026-03-21T09:00:00Z"), "UTC", 0)).toBe(
      "2026-03-21",
    );
  });

  it("keeps to the user's day start", () => {
    // 02:00 in Berlin is still the 18th for a day that starts at 04:00.
    expect(currentDay("2026-03-18", at("2026-03-18T08:00:00Z"), at("2026-03-19T01:00:00Z"), "Europe/Berlin", 4)).toBe(
      "2026-03-18",
    );
  });

  it("falls back to the server's today for a zone the browser does not know", () => {
    expect(currentDay("2026-03-18", 0, at("2026-03-20T00:00:00Z"), "Not/AZone", 0)).toBe("2026-03-18");
  });
});
