import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type FieldErrors } from "@/lib/api-client";
import type { Habit } from "../types";
import { habitsRootKey } from "./get-habits";

/** The writable fields of a habit, as the form edits them and the API accepts them. */
export type HabitInput = Pick<
  Habit,
  | "name"
  | "description"
  | "question"
  | "color"
  | "kind"
  | "unit"
  | "target_value"
  | "target_type"
  | "frequency"
  | "weekdays"
  | "period"
>;

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Client-side checks mirroring the API's rules, so most mistakes are caught before a round trip. */
export function validateHabitInput(input: HabitInput): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (!input.name.trim()) add("name", "Give the habit a name.");
  if (input.name.length > 100) add("name", "Keep the name under 100 characters.");
  if (!COLOR.test(input.color)) add("color", "Pick a colour.");
  if (input.kind === "numeric") {
    if (input.target_value === null || !(input.target_value > 0)) add("target_value", "Enter a target above 0.");
  }
  const { times, days } = input.frequency;
  if (!Number.isInteger(days) || days < 1 || days > 365)
    add("frequency", "The number of days must be between 1 and 365.");
  else if (!Number.isInteger(times) || times < 1 || times > days)
    add("frequency", `The number of times must be between 1 and ${days}.`);
  if (input.weekdays.some((day) => day < 1 || day > 7)) add("weekdays", "Choose days from Monday to Sunday.");
  return errors;
}

export function createHabit(input: HabitInput): Promise<Habit> {
  return api.post<Habit>("/api/habits/", input);
}

export function useCreateHabit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHabit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: habitsRootKey }),
  });
}
