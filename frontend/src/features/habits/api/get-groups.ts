import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { HabitGroup } from "../types";
import { habitKeys } from "./keys";

export function getGroups(): Promise<HabitGroup[]> {
  return api.get<HabitGroup[]>("/api/groups/");
}

export const groupsQueryOptions = () => queryOptions({ queryKey: habitKeys.groups(), queryFn: getGroups });

export function useGroups({ queryConfig }: { queryConfig?: QueryConfig<typeof groupsQueryOptions> } = {}) {
  return useQuery({ ...groupsQueryOptions(), ...queryConfig });
}
