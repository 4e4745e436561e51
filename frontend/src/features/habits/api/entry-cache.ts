import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { ApiError } from "@/lib/api-client";
import { onWriteSettled, usePendingWrites } from "@/lib/sync";
import type { Entry, Habit } from "../types";
import { habitKeys, type DateRange } from "./keys";

/** One day of one habit, as a write names it. */
export interface EntryTarget {
  habitId: number;
  habitName: string;
  date: string;
  /** The user's today (from the server): an entry on it is the habit's `today_entry`. */
  today: string;
}

/** What the outbox keeps beside a day's PUT or DELETE: the day, and the entry it leaves (null: cleared). */
export interface EntryWrite {
  kind: "entry";
  target: EntryTarget;
  entry: Entry | null;
}

export function entryWriteKey(habitId: number, date: string): string {
  return `entry:${habitId}:${date}`;
}

function isEntryWrite(data: unknown): data is EntryWrite {
  return (data as EntryWrite | null)?.kind === "entry";
}

/**
 * The days whose writes wait for the server, by `entryWriteKey`: what screens show instead of the
 * server's entry until it has it (the newest write of a day wins).
 */
export function usePendingEntries(): ReadonlyMap<string, EntryWrite> {
  const items = usePendingWrites();
  return useMemo(() => {
    const byDay = new Map<string, EntryWrite>();
    for (const item of items) if (isEntryWrite(item.data)) byDay.set(item.key, item.data);
    return byDay;
  }, [items]);
}

/** The entry a screen shows for a day: a waiting write's, else the server's. */
export function shownEntry(
  pending: ReadonlyMap<string, EntryWrite>,
  habitId: number,
  date: string,
  server: Entry | null | undefined,
): { entry: Entry | null; pending: boolean } {
  const write = pending.get(entryWriteKey(habitId, date));
  return write ? { entry: write.entry, pending: true } : { entry: server ?? null, pending: false };
}

function inRange(date: string, key: readonly unknown[]): boolean {
  const range = key[key.length - 1] as Partial<DateRange> | undefined;
  return !range?.start || !range.end || (range.start <= date && date <= range.end);
}

/** Puts a day's entry, as the server now has it, into every cached query that shows that day. */
async function writeIntoCache(queryClient: QueryClient, { target, entry }: EntryWrite): Promise<void> {
  // A refetch that started before the server had the write would bring the old day back.
  await queryClient.cancelQueries({ queryKey: habitKeys.all });
  const patchHabit = (habit: Habit): Habit =>
    habit.id === target.habitId && target.date === target.today ? { ...habit, today_entry: entry } : habit;
  queryClient.setQueriesData<Habit[]>({ queryKey: habitKeys.lists() }, (habits) => habits?.map(patchHabit));
  queryClient.setQueryData<Habit>(habitKeys.detail(target.habitId), (habit) => (habit ? patchHabit(habit) : habit));
  for (const query of queryClient.getQueryCache().findAll({ queryKey: habitKeys.entriesOf(target.habitId) })) {
    if (!inRange(target.date, query.queryKey)) continue;
    queryClient.setQueryData<Entry[]>(query.queryKey, (entries) => {
      if (!entries) return entries;
      const others = entries.filter((existing) => existing.date !== target.date);
      return entry ? [...others, entry].sort((a, b) => a.date.localeCompare(b.date)) : others;
    });
  }
}

const REFRESH_AFTER_MS = 300;

/**
 * Keeps the cache in step with the outbox while someone is signed in: a day the server accepted
 * goes into the cache before its write leaves the outbox (so the screen never flickers back), as
 * does a day the service worker or another tab sent (as the write left it), and the habits refetch (streaks, scores) once the writes stop arriving. `onRefused` hears of each
 * write the server refused, which has left the outbox by then; telling the user is the caller's.
 */
export function useEntrySync({ onRefused }: { onRefused?: (write: EntryWrite, error: ApiError) => void } = {}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: habitKeys.all }), REFRESH_AFTER_MS);
    };
    const stop = onWriteSettled(async (result) => {
      const write = result.item.data;
      if (!isEntryWrite(write)) return;
      if ("refused" in result) onRefused?.(write, result.refused);
      // Sent by the service worker or another tab: the day as the write left it, until the refetch.
      else if ("elsewhere" in result) await writeIntoCache(queryClient, write);
      else await writeIntoCache(queryClient, { ...write, entry: (result.sent as Entry | undefined) ?? null });
      refreshSoon();
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [queryClient, onRefused]);
}
