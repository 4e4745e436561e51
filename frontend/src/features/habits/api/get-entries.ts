import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { Entry } from "../types";
import { habitKeys, type DateRange } from "./keys";

export function getEntries(id: number, range: DateRange): Promise<Entry[]> {
  return api.get<Entry[]>(`/api/habits/${id}/entries/`, { query: { start: range.start, end: range.end } });
}

export const entriesQueryOptions = (id: number, range: DateRange) =>
  queryOptions({ queryKey: habitKeys.entries(id, range), queryFn: () => getEntries(id, range) });

interface UseEntriesOptions {
  id: number;
  range: DateRange;
  queryConfig?: QueryConfig<typeof entriesQueryOptions>;
}

export function useEntries({ id, range, queryConfig }: UseEntriesOptions) {
  return useQuery({ ...entriesQueryOptions(id, range), ...queryConfig });
}
