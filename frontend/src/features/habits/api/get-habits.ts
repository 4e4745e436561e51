import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { Habit } from "../types";
import { habitKeys } from "./keys";

export function getHabits(archived: boolean): Promise<Habit[]> {
  return api.get<Habit[]>("/api/habits/", { query: archived ? { archived: true } : undefined });
}

export const habitsQueryOptions = (archived = false) =>
  queryOptions({ queryKey: habitKeys.list(archived), queryFn: () => getHabits(archived) });

interface UseHabitsOptions {
  /** The archived habits instead of the active ones. */
  archived?: boolean;
  queryConfig?: QueryConfig<typeof habitsQueryOptions>;
}

export function useHabits({ archived = false, queryConfig }: UseHabitsOptions = {}) {
  return useQuery({ ...habitsQueryOptions(archived), ...queryConfig });
}
