import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";
import type { Entry, EntryStatus } from "../types";
import { applyEntryOptimistically, restoreSnapshot, type EntryTarget } from "./entry-cache";
import { habitKeys } from "./keys";

/** The API defaults a missing status to done; the app always says which one it means. */
export type EntryInput = components["schemas"]["EntryInputRequest"] & { status: EntryStatus };

/** The API's limits on an entry's fields, from its OpenAPI schema. */
export const entryLimits = requestRules.EntryInputRequest;

export interface PutEntryVariables {
  target: EntryTarget;
  input: EntryInput;
}

export function putEntry(habitId: number, date: string, input: EntryInput): Promise<Entry> {
  return api.put<Entry>(`/api/habits/${habitId}/entries/${date}/`, input);
}

/**
 * Saves a day's entry optimistically: the check mark shows at once; if the server refuses, the
 * previous state comes back, and the caller's `onError` can say why.
 */
export function usePutEntry({ mutationConfig }: { mutationConfig?: MutationConfig<Entry, PutEntryVariables> } = {}) {
  const queryClient = useQueryClient();
  const { onError, onSettled, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: ({ target, input }: PutEntryVariables) => putEntry(target.habitId, target.date, input),
    onMutate: ({ target, input }) =>
      applyEntryOptimistically(queryClient, target, {
        date: target.date,
        status: input.status,
        value: input.value ?? null,
        note: input.note ?? "",
      }),
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
