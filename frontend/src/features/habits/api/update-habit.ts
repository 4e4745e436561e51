import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import type { Habit } from "../types";
import { habitKeys } from "./keys";

export type HabitPatch = components["schemas"]["PatchedHabitInputRequest"];

interface UpdateHabitVariables {
  id: number;
  patch: HabitPatch;
}

export function updateHabit(id: number, patch: HabitPatch): Promise<Habit> {
  return api.patch<Habit>(`/api/habits/${id}/`, patch);
}

export function useUpdateHabit({
  mutationConfig,
}: { mutationConfig?: MutationConfig<Habit, UpdateHabitVariables> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: ({ id, patch }: UpdateHabitVariables) => updateHabit(id, patch),
    onSuccess: async (...args) => {
      const [habit] = args;
      queryClient.setQueryData(habitKeys.detail(habit.id), habit);
      await queryClient.invalidateQueries({ queryKey: habitKeys.all });
      await onSuccess?.(...args);
    },
  });
}
