import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import { habitKeys } from "./keys";

export function deleteHabit(id: number): Promise<void> {
  return api.delete(`/api/habits/${id}/`);
}

export function useDeleteHabit({ mutationConfig }: { mutationConfig?: MutationConfig<void, number> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: deleteHabit,
    onSuccess: async (...args) => {
      const [, id] = args;
      queryClient.removeQueries({ queryKey: habitKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: habitKeys.all });
      await onSuccess?.(...args);
    },
  });
}
