import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { userKeys } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";

export type ConfirmEmailInput = components["schemas"]["EmailConfirmInputRequest"];
export type ConfirmedEmail = components["schemas"]["EmailConfirmOutput"];

export function confirmEmail(input: ConfirmEmailInput): Promise<ConfirmedEmail> {
  return api.post<ConfirmedEmail>("/api/auth/email/confirm/", input);
}

/** Confirms a new sign-in address from its link, signed in or not; a signed-in user is asked for afresh. */
export function useConfirmEmail({
  mutationConfig,
}: { mutationConfig?: MutationConfig<ConfirmedEmail, ConfirmEmailInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: confirmEmail,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.me() });
      await onSuccess?.(...args);
    },
  });
}
