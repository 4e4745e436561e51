import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoWeekday } from "./dates";

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
