import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { Reminder, ReminderInput } from "./contract";

interface PutReminderVariables {
  habitId: number;
  input: ReminderInput;
}

/** `PUT /api/habits/{id}/reminder/`: creates or replaces the habit's one reminder. */
export function putReminder(habitId: number, input: ReminderInput): Promise<Reminder> {
  return api.put<Reminder>(`/api/habits/${habitId}/reminder/`, input);
}

/** The caller refreshes the habit (which carries its reminder) in `mutationConfig.onSuccess`. */
export function usePutReminder({
  mutationConfig,
}: { mutationConfig?: MutationConfig<Reminder, PutReminderVariables> } = {}) {
  return useMutation({
    ...mutationConfig,
    mutationFn: ({ habitId, input }: PutReminderVariables) => putReminder(habitId, input),
  });
}
