import { i18n } from "@lingui/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";
import type { HabitGroup } from "../types";
import { habitKeys } from "./keys";

export type GroupInput = components["schemas"]["GroupInputRequest"];

/** The API's limits on a group's name, from its OpenAPI schema (a habit's name's). */
export const groupLimits = requestRules.GroupInputRequest;

/** What is wrong with a group name before a round trip, or null. */
export function groupNameProblem(name: string): string | null {
  if (!name.trim()) return i18n._("Give the group a name.");
  if (name.trim().length > groupLimits.name.maxLength)
    return i18n._("Keep the name under {max} characters.", { max: groupLimits.name.maxLength });
  return null;
}

export function createGroup(input: GroupInput): Promise<HabitGroup> {
  return api.post<HabitGroup>("/api/groups/", input);
}

export function useCreateGroup({ mutationConfig }: { mutationConfig?: MutationConfig<HabitGroup, GroupInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: createGroup,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: habitKeys.groups() });
      await onSuccess?.(...args);
    },
  });
}
