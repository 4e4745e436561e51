import { useCallback } from "react";
import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import { formatShort } from "@/lib/dates";
import { useEntrySync, type EntryWrite } from "../api/entry-cache";

/**
 * Mounted while someone is signed in: keeps the cache in step with the outbox, and says when the
 * server refused a day, which may be long after the change was made (offline, or in a closed tab).
 */
export function EntrySync() {
  const onRefused = useCallback((write: EntryWrite, error: unknown) => {
    const { habitName, date, today } = write.target;
    const day = date === today ? "" : ` for ${formatShort(date)}`;
    notify(`“${habitName}”${day} was not saved: ${errorMessage(error)}`, "error");
  }, []);
  useEntrySync({ onRefused });
  return null;
}
