import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { replaceSignedInUser, type User } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";

/**
 * The sign-up link's token; `password` only when the API asks for it (a 400 with `errors.password`:
 * the link was opened in another browser than the one that signed up).
 */
export type ConfirmSignUpInput = components["schemas"]["ConfirmInputRequest"];

export function confirmSignUp(input: ConfirmSignUpInput): Promise<User> {
  return api.post<User>("/api/auth/register/confirm/", input);
}

/** Makes the account from the emailed link and signs in with it. */
export function useConfirmSignUp({
  mutationConfig,
}: { mutationConfig?: MutationConfig<User, ConfirmSignUpInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: confirmSignUp,
    onSuccess: async (...args) => {
      replaceSignedInUser(queryClient, args[0]);
      await onSuccess?.(...args);
    },
  });
}
