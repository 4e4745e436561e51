import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";

/** `DELETE /api/habits/{id}/reminder/`. */
export function deleteReminder(habitId: number): Promise<void> {
  return api.delete(`/api/habits/${habitId}/reminder/`);
}

/** The caller refreshes the habit (which carries its reminder) in `mutationConfig.onSuccess`. */
export function useDeleteReminder({ mutationConfig }: { mutationConfig?: MutationConfig<void, number> } = {}) {
  return useMutation({ ...mutationConfig, mutationFn: deleteReminder });
}
