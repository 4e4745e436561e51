import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { notify } from "@/components/notifications";
import { errorMessage } from "@/components/status";
import type { Habit } from "../types";
import { habitsQueryKey, habitsRootKey } from "./get-habits";

export function reorderHabits(ids: number[]): Promise<void> {
  return api.post("/api/habits/reorder/", { ids });
}

/** Reorders optimistically: the list moves at once and moves back with a message if the server refuses. */
export function useReorderHabits() {
  const queryClient = useQueryClient();
  const key = habitsQueryKey(false);
  return useMutation({
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
    onError: (error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      notify(`The new order was not saved: ${errorMessage(error)}`, "error");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: habitsRootKey }),
  });
}
