import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { invalidateAllButUser, userKeys, type User } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";

export type SettingsInput = components["schemas"]["PatchedSettingsInputRequest"];

/** The API's limits on the user's settings, from its OpenAPI schema. */
export const settingsLimits = requestRules.PatchedSettingsInputRequest;

export function updateMe(input: SettingsInput): Promise<User> {
  return api.patch<User>("/api/auth/me/", input);
}

export function useUpdateMe({ mutationConfig }: { mutationConfig?: MutationConfig<User, SettingsInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: updateMe,
    onSuccess: async (...args) => {
      queryClient.setQueryData(userKeys.me(), args[0]);
      // A new zone or day start can move "today": every habit's today entry and stats change.
      await invalidateAllButUser(queryClient);
      await onSuccess?.(...args);
    },
  });
}

type Language = NonNullable<SettingsInput["language"]>;

/**
 * Saves the account's language. The cached user says the new language at once, so that the SPA,
 * already switched by the caller, is not switched back by the account's old one on its way.
 */
export function useUpdateLanguage({ mutationConfig }: { mutationConfig?: MutationConfig<User, Language> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: (language: Language) => updateMe({ language }),
    onMutate: (language) => {
      queryClient.setQueryData<User | null>(userKeys.me(), (user) => (user ? { ...user, language } : user));
    },
    onSuccess: async (...args) => {
      queryClient.setQueryData(userKeys.me(), args[0]);
      await onSuccess?.(...args);
    },
  });
}
