import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { Habit } from "../types";
import { habitKeys } from "./keys";

export function getHabit(id: number): Promise<Habit> {
  return api.get<Habit>(`/api/habits/${id}/`);
}

export const habitQueryOptions = (id: number) =>
  queryOptions({ queryKey: habitKeys.detail(id), queryFn: () => getHabit(id) });

interface UseHabitOptions {
  id: number;
  queryConfig?: QueryConfig<typeof habitQueryOptions>;
}

export function useHabit({ id, queryConfig }: UseHabitOptions) {
  return useQuery({ ...habitQueryOptions(id), ...queryConfig });
}
