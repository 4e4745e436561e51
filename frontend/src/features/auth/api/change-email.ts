import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { MailSent } from "../types";

export type ChangeEmailInput = components["schemas"]["EmailChangeInputRequest"];

/** Mails a confirmation link to the new address; the address changes only when it is opened. */
export function changeEmail(input: ChangeEmailInput): Promise<MailSent> {
  return api.post<MailSent>("/api/auth/email/", input);
}

export function useChangeEmail({
  mutationConfig,
}: { mutationConfig?: MutationConfig<MailSent, ChangeEmailInput> } = {}) {
  return useMutation({ ...mutationConfig, mutationFn: changeEmail });
}
