import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { apiEnums, requestRules } from "@/types/api-rules";
import { settingsKeys } from "./keys";

export type ApiTokenInput = components["schemas"]["ApiTokenInputRequest"];
/** The answer to a creation: the token's value is in it this once. */
export type CreatedApiToken = components["schemas"]["ApiTokenCreatedOutput"];
export type ApiTokenScope = components["schemas"]["ApiTokenScopeEnum"];

/** The API's limits on a token's name, and its scopes, from the OpenAPI schema. */
export const apiTokenNameLimits = requestRules.ApiTokenInputRequest.name;
export const apiTokenLifetimeLimits = requestRules.ApiTokenInputRequest.lifetime_days;
export const apiTokenScopes = apiEnums.ApiTokenScopeEnum;

export function createApiToken(input: ApiTokenInput): Promise<CreatedApiToken> {
  return api.post<CreatedApiToken>("/api/auth/tokens/", input);
}

export function useCreateApiToken({
  mutationConfig,
}: { mutationConfig?: MutationConfig<CreatedApiToken, ApiTokenInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: createApiToken,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: settingsKeys.apiTokens() });
      await onSuccess?.(...args);
    },
  });
}
