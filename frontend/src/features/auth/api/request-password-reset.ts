import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { MailSent } from "../types";

export type PasswordResetInput = components["schemas"]["ResetInputRequest"];

/** Mails a link to choose a new password; the same answer whether or not the address has an account. */
export function requestPasswordReset(input: PasswordResetInput): Promise<MailSent> {
  return api.post<MailSent>("/api/auth/password/reset/", input);
}

export function useRequestPasswordReset({
  mutationConfig,
}: { mutationConfig?: MutationConfig<MailSent, PasswordResetInput> } = {}) {
  return useMutation({ ...mutationConfig, mutationFn: requestPasswordReset });
}
