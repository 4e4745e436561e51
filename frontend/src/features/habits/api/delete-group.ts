import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import { habitKeys } from "./keys";

export function deleteGroup(id: number): Promise<void> {
  return api.delete(`/api/groups/${id}/`);
}

/** Deletes a group; its habits stay, in no group (so every habit query is refreshed). */
export function useDeleteGroup({ mutationConfig }: { mutationConfig?: MutationConfig<void, number> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: deleteGroup,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: habitKeys.all });
      await onSuccess?.(...args);
    },
  });
}
