import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { HabitStats } from "../types";
import { habitKeys, type DateRange } from "./keys";

export function getStats(id: number, range: DateRange): Promise<HabitStats> {
  return api.get<HabitStats>(`/api/habits/${id}/stats/`, { query: { start: range.start, end: range.end } });
}

export const statsQueryOptions = (id: number, range: DateRange) =>
  queryOptions({ queryKey: habitKeys.stats(id, range), queryFn: () => getStats(id, range) });

interface UseStatsOptions {
  id: number;
  range: DateRange;
  queryConfig?: QueryConfig<typeof statsQueryOptions>;
}

export function useStats({ id, range, queryConfig }: UseStatsOptions) {
  return useQuery({ ...statsQueryOptions(id, range), ...queryConfig });
}
