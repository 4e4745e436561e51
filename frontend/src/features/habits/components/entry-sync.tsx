import { i18n } from "@lingui/core";
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
    // Said when the server answers, maybe long after the change: in the language of that moment.
    const reason = errorMessage(error);
    notify(
      date === today
        ? i18n._("“{habit}” was not saved: {reason}", { habit: habitName, reason })
        : i18n._("“{habit}” for {date} was not saved: {reason}", { habit: habitName, date: formatShort(date), reason }),
      "error",
    );
  }, []);
  useEntrySync({ onRefused });
  return null;
}
