import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { browserTimeZone } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { MailSent } from "../types";

export type RegisterInput = components["schemas"]["RegisterInputRequest"];

/**
 * Asks for an account: the API mails a link that makes it, and answers the same whether or not the
 * address already has one, so nobody is signed in here. The browser's time zone unless told otherwise.
 */
export function register(input: RegisterInput): Promise<MailSent> {
  return api.post<MailSent>("/api/auth/register/", { time_zone: browserTimeZone(), ...input });
}

export function useRegister({ mutationConfig }: { mutationConfig?: MutationConfig<MailSent, RegisterInput> } = {}) {
  return useMutation({ ...mutationConfig, mutationFn: register });
}
