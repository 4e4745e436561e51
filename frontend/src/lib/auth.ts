import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, use } from "react";
import type { components } from "@/types/api";
import { ApiError, api, fetchSession } from "./api-client";

export type User = components["schemas"]["UserOutput"];

export const meQueryKey = ["me"] as const;

/**
 * The signed-in user, or null when signed out. The session state comes from `GET /api/auth/csrf/`
 * (which also sets the CSRF cookie), so a signed-out visitor never meets a 401: `/api/auth/me/` is
 * asked only when the browser is signed in. A 401 there (the session ended in between) still means
 * signed out.
 */
export async function getMe(): Promise<User | null> {
  const session = await fetchSession();
  if (!session.authenticated) return null;
  try {
    return await api.get<User>("/api/auth/me/");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });

export function useUser() {
  return useQuery(meQueryOptions());
}

/**
 * The signed-in user, provided by the signed-in layout. Reading it from context rather than the
 * query means a screen never renders with a user who has just signed out: the layout redirects first.
 */
export const SignedInUserContext = createContext<User | null>(null);

export function useSignedInUser(): User {
  const user = use(SignedInUserContext);
  if (!user) throw new Error("useSignedInUser used outside the signed-in layout");
  return user;
}

export type Credentials = components["schemas"]["LoginInputRequest"];
export type RegisterInput = components["schemas"]["RegisterInputRequest"];

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Credentials) => api.post<User>("/api/auth/login/", input),
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterInput) =>
      api.post<User>("/api/auth/register/", { time_zone: browserTimeZone(), ...input }),
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout/"),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
