import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { Entry } from "../types";
import { habitsRootKey } from "./get-habits";

export const entriesQueryKey = (id: number, start: string, end: string) =>
  [...habitsRootKey, "entries", id, { start, end }] as const;

export function getEntries(id: number, start: string, end: string): Promise<Entry[]> {
  return api.get<Entry[]>(`/api/habits/${id}/entries/`, { query: { start, end } });
}

export const entriesQueryOptions = (id: number, start: string, end: string) =>
  queryOptions({ queryKey: entriesQueryKey(id, start, end), queryFn: () => getEntries(id, start, end) });

export function useEntries(id: number, start: string, end: string) {
  return useQuery(entriesQueryOptions(id, start, end));
}
