import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { replaceSignedInUser } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";

/**
 * Written here because the schema cannot carry it: drf-spectacular leaves request bodies out of
 * DELETE operations, so `DELETE /api/auth/me/` appears without its `{password}` body.
 */
export interface DeleteAccountInput {
  password: string;
}

export function deleteAccount(input: DeleteAccountInput): Promise<void> {
  return api.delete("/api/auth/me/", input);
}

export function useDeleteAccount({
  mutationConfig,
}: { mutationConfig?: MutationConfig<void, DeleteAccountInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: deleteAccount,
    onSuccess: async (...args) => {
      replaceSignedInUser(queryClient, null);
      await onSuccess?.(...args);
    },
  });
}
