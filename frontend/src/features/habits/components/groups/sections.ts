import type { Habit, HabitGroup } from "../../types";

/** Habits under one group's header, or (group null) the habits in no group. */
export interface HabitSection {
  group: HabitGroup | null;
  habits: Habit[];
}

/**
 * The habits (each section keeping their order) under their groups in the groups' order, then
 * those in no group. A group holding none of `habits` gets no section; a habit whose group is not
 * known (yet) counts as in none, so nothing is ever hidden by a stale list of groups.
 */
export function groupSections(habits: Habit[], groups: HabitGroup[] = []): HabitSection[] {
  const ordered = [...groups].sort((a, b) => a.position - b.position || a.id - b.id);
  const known = new Set(ordered.map((group) => group.id));
  const sections: HabitSection[] = ordered
    .map((group) => ({ group, habits: habits.filter((habit) => habit.group === group.id) }))
    .filter((section) => section.habits.length > 0);
  const rest = habits.filter((habit) => habit.group === null || !known.has(habit.group));
  if (rest.length > 0) sections.push({ group: null, habits: rest });
  return sections;
}

/**
 * A group's combined completion for the day, as the server's `GET /api/groups/` counts it: of its
 * habits scheduled today (`due`), how many are marked done (`done`); `isDone` reads today's entry
 * as the screen shows it (with check-ins not yet sent).
 */
export function completion(habits: Habit[], isDone: (habit: Habit) => boolean): { done: number; due: number } {
  const due = habits.filter((habit) => habit.scheduled_today);
  return { done: due.filter(isDone).length, due: due.length };
}

/**
 * The whole order `ids` after `id` moved to place `to` among the habits of its own section
 * (`sectionOf` gives each habit's section): the places the section holds in the whole order stay
 * its own, filled in the new order, so other sections do not move.
 */
export function moveInSection(
  ids: number[],
  sectionOf: (id: number) => number | null,
  id: number,
  to: number,
): number[] {
  const section = sectionOf(id);
  const members = ids.filter((other) => sectionOf(other) === section);
  const from = members.indexOf(id);
  const target = Math.min(members.length - 1, Math.max(0, to));
  if (from < 0 || from === target) return ids;
  members.splice(from, 1);
  members.splice(target, 0, id);
  let next = 0;
  return ids.map((other) => (sectionOf(other) === section ? (members[next++] ?? other) : other));
}
