import { i18n } from "@lingui/core";
import { errorMessage } from "@/components/status";
import { ApiError } from "@/lib/api-client";

/**
 * What to say above a form about a failed request: the messages for fields the form has no input
 * for (a link's token, a passkey's answer, `non_field_errors`), else a pointer to the marked
 * fields, else the error's own message. Null when there is no error.
 */
export function formProblem(error: Error | null, shownFields: readonly string[] = []): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return errorMessage(error);
  const fields = Object.entries(error.fieldErrors);
  const elsewhere = fields.filter(([field]) => !shownFields.includes(field)).flatMap(([, messages]) => messages);
  if (elsewhere.length) return elsewhere.join(" ");
  return fields.length ? i18n._("Please correct the marked fields.") : error.message;
}

/** The messages for one field of a failed request, for its Field. */
export function fieldErrorsOf(error: Error | null, field: string): string[] | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}
