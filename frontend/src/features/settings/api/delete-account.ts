import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { replaceSignedInUser, userKeys, type User } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import { forgetUserWrites } from "@/lib/sync";

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
      // Writes still waiting for the server belong to an account that is gone.
      const gone = queryClient.getQueryData<User | null>(userKeys.me());
      if (gone) await forgetUserWrites(gone.id);
      replaceSignedInUser(queryClient, null);
      await onSuccess?.(...args);
    },
  });
}
