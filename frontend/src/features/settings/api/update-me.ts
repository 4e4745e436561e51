import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { meQueryKey, type User } from "@/lib/auth";
import type { components } from "@/types/api";

export type SettingsInput = components["schemas"]["PatchedSettingsInputRequest"];

export function updateMe(input: SettingsInput): Promise<User> {
  return api.patch<User>("/api/auth/me/", input);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: async (user) => {
      queryClient.setQueryData(meQueryKey, user);
      // A new zone or day start can move "today": every habit's today entry and stats change.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
