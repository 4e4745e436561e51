import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { HabitStats } from "../types";
import { habitsRootKey } from "./get-habits";

export const statsQueryKey = (id: number, start: string, end: string) =>
  [...habitsRootKey, "stats", id, { start, end }] as const;

export function getStats(id: number, start: string, end: string): Promise<HabitStats> {
  return api.get<HabitStats>(`/api/habits/${id}/stats/`, { query: { start, end } });
}

export const statsQueryOptions = (id: number, start: string, end: string) =>
  queryOptions({ queryKey: statsQueryKey(id, start, end), queryFn: () => getStats(id, start, end) });

export function useStats(id: number, start: string, end: string) {
  return useQuery(statsQueryOptions(id, start, end));
}
