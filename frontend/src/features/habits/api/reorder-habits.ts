import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { Habit } from "../types";
import { habitKeys } from "./keys";

export function reorderHabits(ids: components["schemas"]["ReorderInputRequest"]["ids"]): Promise<void> {
  return api.post("/api/habits/reorder/", { ids });
}

/**
 * Reorders optimistically: the list moves at once and moves back if the server refuses; the
 * caller's `onError` can say why.
 */
export function useReorderHabits({ mutationConfig }: { mutationConfig?: MutationConfig<void, number[]> } = {}) {
  const queryClient = useQueryClient();
  const key = habitKeys.list(false);
  const { onError, onSettled, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: reorderHabits,
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Habit[]>(key);
      if (previous) {
        const byId = new Map(previous.map((habit) => [habit.id, habit]));
        const reordered = ids.flatMap((id, position) => {
          const habit = byId.get(id);
          return habit ? [{ ...habit, position }] : [];
        });
        queryClient.setQueryData(key, reordered);
      }
      return { previous };
    },
    onError: async (...args) => {
      const previous = args[2]?.previous;
      if (previous) queryClient.setQueryData(key, previous);
      await onError?.(...args);
    },
    onSettled: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: habitKeys.all });
      await onSettled?.(...args);
    },
  });
}
