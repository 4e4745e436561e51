import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createContext, use } from "react";
import { activateLocale, currentLocale, isLocale } from "@/lib/i18n";
import type { components } from "@/types/api";
import { api, fetchSession } from "./api-client";
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
 * Calls `listener` each time the session endpoint says the browser is signed in: the app asks for
 * the first screen's data then, as soon as it can.
 */
export function onSignedInSession(listener: () => void): () => void {
  signedInListeners.add(listener);
  return () => signedInListeners.delete(listener);
}

/**
 * The signed-in user, or null when signed out, from `GET /api/auth/csrf/` alone: it sets the CSRF
 * cookie and carries the user, so a first screen waits on one request, and a signed-out visitor
 * never meets a 401.
 */
export async function getMe(): Promise<User | null> {
  const { user } = await fetchSession();
  if (user) for (const listener of signedInListeners) listener();
  return user;
}

/**
 * Once signed in, the account's language wins on every device: each time the signed-in user's
 * language arrives changed (a session check, a sign-in, a change saved elsewhere), the SPA switches
 * to it. Only a change counts, so a choice just made on this device is not undone by the old value.
 * Returns the unsubscribe.
 */
export function followAccountLanguage(queryClient: QueryClient): () => void {
  let seen: unknown = null;
  const check = () => {
    const user = queryClient.getQueryData<User | null>(userKeys.me());
    const language = user?.language ?? null;
    if (language === seen) return;
    seen = language;
    if (isLocale(language) && language !== currentLocale()) void activateLocale(language).catch(() => undefined);
  };
  check();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash === JSON.stringify(userKeys.me())) check();
  });
}

export const meQueryOptions = () => queryOptions({ queryKey: userKeys.me(), queryFn: getMe, staleTime: 60_000 });

/**
 * Asks who is signed in at once, before the first render: index.html preloads
 * `GET /api/auth/csrf/` while the scripts download, and this is the request that takes that
 * answer. It must be taken at boot: left for later, it would answer a later check with what was
 * true when the page loaded.
 */
export function checkSessionAtBoot(queryClient: QueryClient): void {
  void queryClient.prefetchQuery({ ...meQueryOptions(), staleTime: 0 });
}

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
    // The browser's zone goes along: the local demo account takes it (any other keeps its own).
    mutationFn: (input: Credentials) => api.post<User>("/api/auth/login/", { ...input, time_zone: browserTimeZone() }),
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
