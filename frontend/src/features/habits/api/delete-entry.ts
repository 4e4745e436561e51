import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import { applyEntryOptimistically, restoreSnapshot, type EntryTarget } from "./entry-cache";
import { habitKeys } from "./keys";

export interface DeleteEntryVariables {
  target: EntryTarget;
}

export function deleteEntry(habitId: number, date: string): Promise<void> {
  return api.delete(`/api/habits/${habitId}/entries/${date}/`);
}

/** Clears a day optimistically, rolling back if the server refuses; the caller's `onError` can say why. */
export function useDeleteEntry({
  mutationConfig,
}: { mutationConfig?: MutationConfig<void, DeleteEntryVariables> } = {}) {
  const queryClient = useQueryClient();
  const { onError, onSettled, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: ({ target }: DeleteEntryVariables) => deleteEntry(target.habitId, target.date),
    onMutate: ({ target }) => applyEntryOptimistically(queryClient, target, null),
    onError: async (...args) => {
      restoreSnapshot(queryClient, args[2]);
      await onError?.(...args);
    },
    onSettled: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: habitKeys.all });
      await onSettled?.(...args);
    },
  });
}
