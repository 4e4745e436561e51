import { queueWrite, type WriteOutcome } from "@/lib/sync";
import { entryWriteKey, type EntryTarget, type EntryWrite } from "./entry-cache";

/**
 * `DELETE /api/habits/{id}/entries/{day}/`, through the outbox like `putEntry`. Clearing a day
 * that has no entry is no error, so this too may be sent again or late.
 */
export function deleteEntry(target: EntryTarget): Promise<WriteOutcome> {
  const write: EntryWrite = { kind: "entry", target, entry: null };
  return queueWrite({
    key: entryWriteKey(target.habitId, target.date),
    request: { method: "DELETE", path: `/api/habits/${target.habitId}/entries/${target.date}/` },
    data: write,
  });
}
