import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { HabitGroup } from "../types";
import { habitKeys } from "./keys";

export function reorderGroups(ids: components["schemas"]["ReorderInputRequest"]["ids"]): Promise<void> {
  return api.post("/api/groups/reorder/", { ids });
}

/**
 * Reorders optimistically: the groups move at once and move back if the server refuses; the
 * caller's `onError` can say why.
 */
export function useReorderGroups({ mutationConfig }: { mutationConfig?: MutationConfig<void, number[]> } = {}) {
  const queryClient = useQueryClient();
  const key = habitKeys.groups();
  const { onError, onSettled, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: reorderGroups,
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<HabitGroup[]>(key);
      if (previous) {
        const byId = new Map(previous.map((group) => [group.id, group]));
        queryClient.setQueryData(
          key,
          ids.flatMap((id, position) => {
            const group = byId.get(id);
            return group ? [{ ...group, position }] : [];
          }),
        );
      }
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
