import type { QueryClient } from "@tanstack/react-query";
import type { Entry, Habit } from "../types";
import { habitKeys } from "./keys";

export interface EntryTarget {
  habitId: number;
  habitName: string;
  date: string;
  /** The user's today (from the server): an entry on it is the habit's `today_entry`. */
  today: string;
}

export type Snapshot = [readonly unknown[], unknown][];

/**
 * Writes an entry (or its removal) into every cached query that shows it, and returns a snapshot
 * of those queries so a refused write can be rolled back exactly.
 */
export async function applyEntryOptimistically(
  queryClient: QueryClient,
  target: EntryTarget,
  entry: Entry | null,
): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: habitKeys.all });
  const snapshot = queryClient.getQueriesData({ queryKey: habitKeys.all }) as Snapshot;
  const patchHabit = (habit: Habit): Habit =>
    habit.id === target.habitId && target.date === target.today ? { ...habit, today_entry: entry } : habit;

  queryClient.setQueriesData<Habit[]>({ queryKey: habitKeys.lists() }, (habits) => habits?.map(patchHabit));
  queryClient.setQueryData<Habit>(habitKeys.detail(target.habitId), (habit) => (habit ? patchHabit(habit) : habit));
  queryClient.setQueriesData<Entry[]>({ queryKey: habitKeys.entriesOf(target.habitId) }, (entries) => {
    if (!entries) return entries;
    const others = entries.filter((existing) => existing.date !== target.date);
    return entry ? [...others, entry].sort((a, b) => a.date.localeCompare(b.date)) : others;
  });
  return snapshot;
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: Snapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}
