import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createContext, use } from "react";
import type { components } from "@/types/api";
import { ApiError, api, fetchSession } from "./api-client";
import type { MutationConfig, QueryConfig } from "./query-client";
import { forgetPersistedQueries } from "./query-persist";

export type User = components["schemas"]["UserOutput"];

/** The query keys of the signed-in user, and the only place they are built. */
export const userKeys = {
  all: ["user"] as const,
  me: () => [...userKeys.all, "me"] as const,
};

/**
 * A new session (sign-in, a sign-up or reset link, a passkey) or none (sign-out, account deleted):
 * nothing cached for the previous user survives, in memory or saved on the device, and the guards
 * see the new state without asking the server again.
 */
export function replaceSignedInUser(queryClient: QueryClient, user: User | null): void {
  forgetPersistedQueries();
  queryClient.clear();
  queryClient.setQueryData(userKeys.me(), user);
}

/**
 * Forgets every query but the user's, for a change that replaces the habits themselves (a backup
 * restored: new ids), so no screen asks again for a habit that is gone. Screens load afresh.
 */
export function forgetAllButUser(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== userKeys.all[0] });
}

/** Refreshes every query but the user's, for changes that can touch any habit (an import, a new zone). */
export function invalidateAllButUser(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== userKeys.all[0] });
}

const signedInListeners = new Set<() => void>();

/**
 * Calls `listener` each time the session endpoint says the browser is signed in, before
 * `/api/auth/me/` answers: the app asks for the first screen's data then, alongside the user,
 * rather than after it.
 */
export function onSignedInSession(listener: () => void): () => void {
  signedInListeners.add(listener);
  return () => signedInListeners.delete(listener);
}

/**
 * The signed-in user, or null when signed out. The session state comes from `GET /api/auth/csrf/`
 * (which also sets the CSRF cookie), so a signed-out visitor never meets a 401: `/api/auth/me/` is
 * asked only when the browser is signed in. A 401 there (the session ended in between) still means
 * signed out.
 */
export async function getMe(): Promise<User | null> {
  const session = await fetchSession();
  if (!session.authenticated) return null;
  for (const listener of signedInListeners) listener();
  try {
    return await api.get<User>("/api/auth/me/");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: userKeys.me(), queryFn: getMe, staleTime: 60_000 });

export function useUser({ queryConfig }: { queryConfig?: QueryConfig<typeof meQueryOptions> } = {}) {
  return useQuery({ ...meQueryOptions(), ...queryConfig });
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

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Signs in; the caller's `mutationConfig` decides where to go next. */
export function useLogin({ mutationConfig }: { mutationConfig?: MutationConfig<User, Credentials> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: (input: Credentials) => api.post<User>("/api/auth/login/", input),
    onSuccess: async (...args) => {
      replaceSignedInUser(queryClient, args[0]);
      await onSuccess?.(...args);
    },
  });
}

export function useLogout({ mutationConfig }: { mutationConfig?: MutationConfig<void, void> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: () => api.post<void>("/api/auth/logout/"),
    onSuccess: async (...args) => {
      replaceSignedInUser(queryClient, null);
      await onSuccess?.(...args);
    },
  });
}
