import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import { accountKeys } from "./keys";

export function deletePasskey(id: number): Promise<void> {
  return api.delete(`/api/auth/passkeys/${id}/`);
}

export function useDeletePasskey({ mutationConfig }: { mutationConfig?: MutationConfig<void, number> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: deletePasskey,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.passkeys() });
      await onSuccess?.(...args);
    },
  });
}
