import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { Habit } from "../types";
import type { HabitInput } from "./create-habit";
import { habitQueryKey } from "./get-habit";
import { habitsRootKey } from "./get-habits";

export type HabitPatch = Partial<HabitInput> & { archived?: boolean };

export function updateHabit(id: number, patch: HabitPatch): Promise<Habit> {
  return api.patch<Habit>(`/api/habits/${id}/`, patch);
}

export function useUpdateHabit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: HabitPatch }) => updateHabit(id, patch),
    onSuccess: (habit) => {
      queryClient.setQueryData(habitQueryKey(habit.id), habit);
      return queryClient.invalidateQueries({ queryKey: habitsRootKey });
    },
  });
}
