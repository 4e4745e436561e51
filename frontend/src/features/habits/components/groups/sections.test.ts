import { describe, expect, it } from "vitest";
import { buildGroup, buildHabit } from "@/testing/builders";
import { completion, groupSections, moveInSection } from "./sections";

describe("group sections", () => {
  it("puts habits under their groups in the groups' order, then those in no group or an unknown one", () => {
    const evening = buildGroup({ id: 2, name: "Evening", position: 1 });
    const morning = buildGroup({ id: 1, name: "Morning", position: 0 });
    const empty = buildGroup({ id: 3, name: "Empty", position: 2 });
    const habits = [
      buildHabit({ id: 10, group: 2 }),
      buildHabit({ id: 11, group: null }),
      buildHabit({ id: 12, group: 1 }),
      buildHabit({ id: 13, group: 2 }),
      buildHabit({ id: 14, group: 99 }),
    ];
    const sections = groupSections(habits, [evening, morning, empty]);
    expect(sections.map(({ group, habits: members }) => [group?.name ?? null, members.map((h) => h.id)])).toEqual([
      ["Morning", [12]],
      ["Evening", [10, 13]],
      [null, [11, 14]],
    ]);
    expect(groupSections(habits).map((section) => section.group)).toEqual([null]);
  });

  it("counts a group's habits due today and those of them done", () => {
    const habits = [
      buildHabit({ id: 1 }),
      buildHabit({ id: 2 }),
      buildHabit({ id: 3, scheduled_today: false }),
      buildHabit({ id: 4 }),
    ];
    expect(completion(habits, (habit) => habit.id === 1 || habit.id === 3)).toEqual({ done: 1, due: 3 });
  });

  it("moves a habit among its own section's habits, leaving the others where they are", () => {
    const section: Record<number, number | null> = { 1: 7, 2: null, 3: 7, 4: null, 5: 7 };
    const sectionOf = (id: number) => section[id] ?? null;
    expect(moveInSection([1, 2, 3, 4, 5], sectionOf, 5, 0)).toEqual([5, 2, 1, 4, 3]);
    expect(moveInSection([1, 2, 3, 4, 5], sectionOf, 2, 1)).toEqual([1, 4, 3, 2, 5]);
    expect(moveInSection([1, 2, 3, 4, 5], sectionOf, 1, 9)).toEqual([3, 2, 5, 4, 1]);
    const same = [1, 2, 3, 4, 5];
    expect(moveInSection(same, sectionOf, 3, 1)).toBe(same);
  });
});
