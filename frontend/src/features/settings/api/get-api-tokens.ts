import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { settingsKeys } from "./keys";

export type ApiToken = components["schemas"]["ApiTokenOutput"];

export function getApiTokens(): Promise<ApiToken[]> {
  return api.get<ApiToken[]>("/api/auth/tokens/");
}

export const apiTokensQueryOptions = () => queryOptions({ queryKey: settingsKeys.apiTokens(), queryFn: getApiTokens });

export function useApiTokens({ queryConfig }: { queryConfig?: QueryConfig<typeof apiTokensQueryOptions> } = {}) {
  return useQuery({ ...apiTokensQueryOptions(), ...queryConfig });
}
