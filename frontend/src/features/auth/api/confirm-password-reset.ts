import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { replaceSignedInUser, type User } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";

export type ConfirmPasswordResetInput = components["schemas"]["ResetConfirmInputRequest"];

export function confirmPasswordReset(input: ConfirmPasswordResetInput): Promise<User> {
  return api.post<User>("/api/auth/password/reset/confirm/", input);
}

/** Sets the new password from the emailed link: every other session ends, and this browser is signed in. */
export function useConfirmPasswordReset({
  mutationConfig,
}: { mutationConfig?: MutationConfig<User, ConfirmPasswordResetInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: confirmPasswordReset,
    onSuccess: async (...args) => {
      replaceSignedInUser(queryClient, args[0]);
      await onSuccess?.(...args);
    },
  });
}
