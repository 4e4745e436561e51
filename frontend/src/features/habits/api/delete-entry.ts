import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import { applyEntryOptimistically, restoreSnapshot, type EntryTarget } from "./entry-cache";
import { habitsRootKey } from "./get-habits";

export function deleteEntry(habitId: number, date: string): Promise<void> {
  return api.delete(`/api/habits/${habitId}/entries/${date}/`);
}

/** Clears a day optimistically, rolling back with a message if the server refuses. */
export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target }: { target: EntryTarget }) => deleteEntry(target.habitId, target.date),
    onMutate: ({ target }) => applyEntryOptimistically(queryClient, target, null),
    onError: (error, { target }, snapshot) => {
      restoreSnapshot(queryClient, snapshot);
      notify(`“${target.habitName}” was not cleared: ${errorMessage(error)}`, "error");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: habitsRootKey }),
  });
}
