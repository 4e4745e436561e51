import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";

export type ChangePasswordInput = components["schemas"]["PasswordInputRequest"];

/** Changes the password; this session stays signed in, every other one ends. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post<void>("/api/auth/password/", input);
}

export function useChangePassword({
  mutationConfig,
}: { mutationConfig?: MutationConfig<void, ChangePasswordInput> } = {}) {
  return useMutation({ ...mutationConfig, mutationFn: changePassword });
}
