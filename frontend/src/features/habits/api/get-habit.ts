import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { Habit } from "../types";
import { habitsRootKey } from "./get-habits";

export const habitQueryKey = (id: number) => [...habitsRootKey, "detail", id] as const;

export function getHabit(id: number): Promise<Habit> {
  return api.get<Habit>(`/api/habits/${id}/`);
}

export const habitQueryOptions = (id: number) =>
  queryOptions({ queryKey: habitQueryKey(id), queryFn: () => getHabit(id) });

export function useHabit(id: number) {
  return useQuery(habitQueryOptions(id));
}
