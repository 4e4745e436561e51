import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { HabitGroup } from "../types";
import { habitKeys } from "./keys";

export type GroupPatch = components["schemas"]["PatchedGroupInputRequest"];

interface UpdateGroupVariables {
  id: number;
  patch: GroupPatch;
}

export function updateGroup(id: number, patch: GroupPatch): Promise<HabitGroup> {
  return api.patch<HabitGroup>(`/api/groups/${id}/`, patch);
}

/**
 * Renames, collapses or expands a group, optimistically: the header folds at once and unfolds
 * again if the server refuses; the caller's `onError` can say why.
 */
export function useUpdateGroup({
  mutationConfig,
}: { mutationConfig?: MutationConfig<HabitGroup, UpdateGroupVariables> } = {}) {
  const queryClient = useQueryClient();
  const key = habitKeys.groups();
  const { onError, onSettled, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: ({ id, patch }: UpdateGroupVariables) => updateGroup(id, patch),
    onMutate: async ({ id, patch }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<HabitGroup[]>(key);
      if (previous)
        queryClient.setQueryData(
          key,
          previous.map((group) => (group.id === id ? { ...group, ...patch } : group)),
        );
      return { previous };
    },
    onError: async (...args) => {
      const previous = args[2]?.previous;
      if (previous) queryClient.setQueryData(key, previous);
      await onError?.(...args);
    },
    onSettled: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: key });
      await onSettled?.(...args);
    },
  });
}
