import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth";

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

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
