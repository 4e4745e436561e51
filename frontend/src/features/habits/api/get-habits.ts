import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { Habit } from "../types";

/** Root of every habit-related key: invalidating it refreshes lists, details, entries and stats. */
export const habitsRootKey = ["habits"] as const;

export const habitsQueryKey = (archived = false) => [...habitsRootKey, "list", { archived }] as const;

export function getHabits(archived = false): Promise<Habit[]> {
  return api.get<Habit[]>("/api/habits/", { query: archived ? { archived: true } : undefined });
}

export const habitsQueryOptions = (archived = false) =>
  queryOptions({ queryKey: habitsQueryKey(archived), queryFn: () => getHabits(archived) });

export function useHabits(archived = false) {
  return useQuery(habitsQueryOptions(archived));
}
