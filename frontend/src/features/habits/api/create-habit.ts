import { i18n } from "@lingui/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type FieldErrors } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";
import { formatNumber } from "@/lib/dates";
import type { Habit } from "../types";
import { habitKeys } from "./keys";

/** Every writable field of a habit, as the form edits them all (the API would default any left out). */
export type HabitInput = Required<Omit<components["schemas"]["HabitInputRequest"], "archived">>;

/** The API's limits on a habit's fields, from its OpenAPI schema: forms and checks read them here. */
export const habitLimits = { ...requestRules.HabitInputRequest, frequency: requestRules.FrequencyRequest };

const COLOR = new RegExp(habitLimits.color.pattern);

/** Client-side checks of the API's rules, so most mistakes are caught before a round trip. */
export function validateHabitInput(input: HabitInput): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const { name, weekdays, frequency } = habitLimits;
  if (!input.name.trim()) add("name", i18n._("Give the habit a name."));
  if (input.name.length > name.maxLength)
    add("name", i18n._("Keep the name under {max} characters.", { max: name.maxLength }));
  if (!COLOR.test(input.color)) add("color", i18n._("Pick a colour."));
  // Not a schema limit but a rule across fields: a measurable habit needs a target (0 allowed).
  if (input.kind === "numeric") {
    const { minimum } = habitLimits.target_value;
    if (input.target_value === null || !(input.target_value >= minimum))
      add("target_value", i18n._("Enter a target of {minimum} or more.", { minimum: formatNumber(minimum) }));
  }
  const { times, days } = input.frequency;
  if (!Number.isInteger(days) || days < frequency.days.minimum || days > frequency.days.maximum)
    add(
      "frequency",
      i18n._("The number of days must be between {minimum} and {maximum}.", {
        minimum: frequency.days.minimum,
        maximum: frequency.days.maximum,
      }),
    );
  else if (!Number.isInteger(times) || times < frequency.times.minimum || times > days)
    add(
      "frequency",
      i18n._("The number of times must be between {minimum} and {maximum}.", {
        minimum: frequency.times.minimum,
        maximum: days,
      }),
    );
  if (input.weekdays.some((day) => day < weekdays.items.minimum || day > weekdays.items.maximum))
    add("weekdays", i18n._("Choose days from Monday to Sunday."));
  return errors;
}

export function createHabit(input: HabitInput): Promise<Habit> {
  return api.post<Habit>("/api/habits/", input);
}

export function useCreateHabit({ mutationConfig }: { mutationConfig?: MutationConfig<Habit, HabitInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: createHabit,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: habitKeys.all });
      await onSuccess?.(...args);
    },
  });
}
