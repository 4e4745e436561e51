import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { addDays, formatLong } from "@/lib/dates";
import { buildEntry, buildHabit, TODAY } from "@/testing/builders";
import { Translated } from "@/testing/render";
import type { Entry, Habit } from "../types";
import YearHeatmap from "./year-heatmap";

/** The first day shown: the Monday of the week a year before today (2026-03-18 is a Wednesday). */
const FIRST_DAY = "2025-03-17";

function renderHeatmap({
  habit = buildHabit({ name: "Run" }),
  entries = [],
  selected = null,
}: { habit?: Habit; entries?: Entry[]; selected?: string | null } = {}) {
  const onSelect = vi.fn();
  const user = userEvent.setup();
  render(<YearHeatmap habit={habit} entries={entries} today={TODAY} selected={selected} onSelect={onSelect} />, {
    wrapper: Translated,
  });
  return { user, onSelect };
}

/** The cell of a day, found by the date its name starts with. */
function day(date: string) {
  return screen.getByRole("gridcell", { name: (name) => name.startsWith(`${formatLong(date)}:`) });
}

function grid() {
  return screen.getByRole("grid", { name: /Run, the last year/ });
}

/** The day the arrow keys are on: the grid's active descendant. */
function active() {
  return document.getElementById(grid().getAttribute("aria-activedescendant") ?? "");
}

describe("year heatmap", () => {
  it("has a cell per day from the Monday a year ago through today, each saying what happened", () => {
    renderHeatmap({
      entries: [
        buildEntry({ date: "2026-03-17", status: "done" }),
        buildEntry({ date: "2026-03-16", status: "skipped" }),
        buildEntry({ date: "2026-03-15", status: "not_done" }),
      ],
    });
    expect(screen.getAllByRole("row")).toHaveLength(7);
    expect(grid().querySelectorAll("[data-date]")).toHaveLength(367);
    expect(day(FIRST_DAY)).toBeInTheDocument();
    expect(
      screen.queryByRole("gridcell", { name: (name) => name.startsWith(formatLong(addDays(TODAY, 1))) }),
    ).toBeNull();
    expect(day("2026-03-17")).toHaveAccessibleName(`${formatLong("2026-03-17")}: done`);
    expect(day("2026-03-16")).toHaveAccessibleName(`${formatLong("2026-03-16")}: skipped`);
    expect(day("2026-03-15")).toHaveAccessibleName(`${formatLong("2026-03-15")}: not done`);
    expect(day(TODAY)).toHaveAccessibleName(`${formatLong(TODAY)}: not marked`);
  });

  it("says a measurable habit's amount and whether it met the target", () => {
    renderHeatmap({
      habit: buildHabit({ name: "Run", kind: "numeric", unit: "km", target_value: 5 }),
      entries: [buildEntry({ date: "2026-03-17", value: 6 }), buildEntry({ date: "2026-03-16", value: 2.5 })],
    });
    expect(day("2026-03-17")).toHaveAccessibleName(`${formatLong("2026-03-17")}: 6 km, target met`);
    expect(day("2026-03-16")).toHaveAccessibleName(`${formatLong("2026-03-16")}: 2.5 km, target not met`);
  });

  it("is one widget and one tab stop, on today or on the selected day, which shows as selected", async () => {
    const { user } = renderHeatmap({ selected: "2026-03-10" });
    expect(active()).toBe(day("2026-03-10"));
    expect(day("2026-03-10")).toHaveAttribute("aria-selected", "true");
    expect(day(TODAY)).toHaveAttribute("aria-selected", "false");
    expect(day(TODAY)).not.toHaveAttribute("tabindex");
    await user.tab();
    expect(grid()).toHaveFocus();
  });

  it("moves by a day with up and down, by a week with left and right, and to the ends with Home and End", async () => {
    const { user } = renderHeatmap();
    await user.tab();
    expect(active()).toBe(day(TODAY));
    await user.keyboard("{ArrowUp}");
    expect(active()).toBe(day("2026-03-17"));
    await user.keyboard("{ArrowLeft}");
    expect(active()).toBe(day("2026-03-10"));
    await user.keyboard("{ArrowRight}{ArrowDown}");
    expect(active()).toBe(day(TODAY));
    await user.keyboard("{Home}");
    expect(active()).toBe(day(FIRST_DAY));
    await user.keyboard("{End}");
    expect(active()).toBe(day(TODAY));
    expect(grid()).toHaveFocus();
  });

  it("stops at today and at the first day instead of leaving the year", async () => {
    const { user } = renderHeatmap();
    await user.tab();
    await user.keyboard("{ArrowDown}{ArrowRight}");
    expect(active()).toBe(day(TODAY));
    await user.keyboard("{ArrowUp}");
    expect(active()).toBe(day("2026-03-17"));
    await user.keyboard("{Home}{ArrowUp}{ArrowLeft}");
    expect(active()).toBe(day(FIRST_DAY));
    await user.keyboard("{ArrowDown}");
    expect(active()).toBe(day("2025-03-18"));
  });

  it("opens a day by click or by Enter", async () => {
    const { user, onSelect } = renderHeatmap();
    await user.click(day("2026-03-02"));
    expect(onSelect).toHaveBeenLastCalledWith("2026-03-02");
    expect(grid()).toHaveFocus();
    await user.keyboard("{ArrowUp}{Enter}");
    expect(onSelect).toHaveBeenLastCalledWith("2026-03-01");
  });
});
