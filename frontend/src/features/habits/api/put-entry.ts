import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import type { Entry, EntryStatus } from "../types";
import { applyEntryOptimistically, restoreSnapshot, type EntryTarget } from "./entry-cache";
import { habitsRootKey } from "./get-habits";

export interface EntryInput {
  status: EntryStatus;
  value?: number | null;
  note?: string;
}

export function putEntry(habitId: number, date: string, input: EntryInput): Promise<Entry> {
  return api.put<Entry>(`/api/habits/${habitId}/entries/${date}/`, input);
}

/**
 * Saves a day's entry optimistically: the check mark shows at once; if the server refuses, the
 * previous state comes back and a message says why.
 */
export function usePutEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, input }: { target: EntryTarget; input: EntryInput }) =>
      putEntry(target.habitId, target.date, input),
    onMutate: ({ target, input }) =>
      applyEntryOptimistically(queryClient, target, {
        date: target.date,
        status: input.status,
        value: input.value ?? null,
        note: input.note ?? "",
      }),
    onError: (error, { target }, snapshot) => {
      restoreSnapshot(queryClient, snapshot);
      notify(`“${target.habitName}” was not saved: ${errorMessage(error)}`, "error");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: habitsRootKey }),
  });
}
