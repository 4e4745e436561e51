import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { habitQueryKey } from "./get-habit";
import { habitsRootKey } from "./get-habits";

export function deleteHabit(id: number): Promise<void> {
  return api.delete(`/api/habits/${id}/`);
}

export function useDeleteHabit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteHabit,
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: habitQueryKey(id) });
      return queryClient.invalidateQueries({ queryKey: habitsRootKey });
    },
  });
}
