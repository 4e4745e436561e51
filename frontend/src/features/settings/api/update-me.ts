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
