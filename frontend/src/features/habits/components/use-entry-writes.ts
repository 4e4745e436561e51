import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import { useDeleteEntry } from "../api/delete-entry";
import type { EntryTarget } from "../api/entry-cache";
import { usePutEntry, type EntryInput } from "../api/put-entry";

/**
 * Saves and clears a habit's day, optimistically, and tells the user when the server refuses (the
 * API hooks have put the previous state back by then). The messages are set on the hooks rather
 * than on each call, so they show even when the editor that made the change has closed.
 */
export function useEntryWrites() {
  const put = usePutEntry({
    mutationConfig: {
      onError: (error, { target }) => notify(`“${target.habitName}” was not saved: ${errorMessage(error)}`, "error"),
    },
  });
  const remove = useDeleteEntry({
    mutationConfig: {
      onError: (error, { target }) => notify(`“${target.habitName}” was not cleared: ${errorMessage(error)}`, "error"),
    },
  });
  return {
    save: (target: EntryTarget, input: EntryInput) => put.mutate({ target, input }),
    clear: (target: EntryTarget) => remove.mutate({ target }),
  };
}
