import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import { settingsKeys } from "./keys";

export function revokeApiToken(id: number): Promise<void> {
  return api.delete(`/api/auth/tokens/${id}/`);
}

export function useRevokeApiToken({ mutationConfig }: { mutationConfig?: MutationConfig<void, number> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: revokeApiToken,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: settingsKeys.apiTokens() });
      await onSuccess?.(...args);
    },
  });
}
