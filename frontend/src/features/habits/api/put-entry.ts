import { i18n } from "@lingui/core";
import { queueWrite, type WriteOutcome } from "@/lib/sync";
import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";
import { formatNumber } from "@/lib/dates";
import type { EntryStatus } from "../types";
import { entryWriteKey, type EntryTarget, type EntryWrite } from "./entry-cache";

/**
 * The API defaults a missing status to done; the app always says which one it means (null: a note
 * alone, which records no status).
 */
export type EntryInput = components["schemas"]["EntryInputRequest"] & { status: EntryStatus | null };

/** The API's limits on an entry's fields, from its OpenAPI schema. */
export const entryLimits = requestRules.EntryInputRequest;

/** An amount as typed ("2", "1,5"), checked against the API's limits: the number, or what is wrong. */
export function parseAmount(text: string): { value: number } | { error: string } {
  const { minimum, maximum } = entryLimits.value;
  const trimmed = text.trim();
  const value = Number(trimmed.replace(",", "."));
  if (trimmed === "" || !Number.isFinite(value))
    return {
      error: i18n._("Enter the amount as a number, like {whole} or {decimal}.", {
        whole: formatNumber(2),
        decimal: formatNumber(1.5),
      }),
    };
  if (value < minimum)
    return { error: i18n._("Enter an amount of {minimum} or more.", { minimum: formatNumber(minimum) }) };
  if (value >= maximum)
    return { error: i18n._("Enter an amount below {maximum}.", { maximum: formatNumber(maximum) }) };
  return { value };
}

/**
 * `PUT /api/habits/{id}/entries/{day}/`, through the outbox: kept on the device first, so the day
 * shows at once (as "will sync" until the server has it) and survives going offline or closing
 * the tab. The PUT replaces the whole day, so sending it again, or late, is safe.
 */
export function putEntry(target: EntryTarget, input: EntryInput): Promise<WriteOutcome> {
  const write: EntryWrite = {
    kind: "entry",
    target,
    entry: { date: target.date, status: input.status, value: input.value ?? null, note: input.note ?? "" },
  };
  return queueWrite({
    key: entryWriteKey(target.habitId, target.date),
    request: { method: "PUT", path: `/api/habits/${target.habitId}/entries/${target.date}/`, body: input },
    data: write,
  });
}
