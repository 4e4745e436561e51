import { i18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { UpdateBanner } from "@/components/update-banner";
import { WakingBanner } from "@/components/waking-banner";
import { setUnauthorizedHandler } from "@/lib/api-client";
import { onSignedInSession, userKeys } from "@/lib/auth";
import { makeQueryClient } from "@/lib/query-client";
import { replayReminderActions } from "@/lib/reminders";
import { habitsQueryOptions } from "@/features/habits/api/get-habits";
import { habitKeys } from "@/features/habits/api/keys";

/**
 * Check-ins made from a reminder's notification: the service worker says when it made one (the
 * habits shown here are refreshed), and those it had to keep while offline are sent from here
 * when the app opens or the network returns (the worker's Background Sync is not in every browser).
 */
function useReminderCheckIns(queryClient: QueryClient): void {
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: habitKeys.all });
    const replay = () =>
      void replayReminderActions().then(
        (recorded) => recorded.length > 0 && refresh(),
        () => undefined,
      );
    const onWorkerMessage = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === "reminder-acted") refresh();
    };
    replay();
    window.addEventListener("online", replay);
    navigator.serviceWorker?.addEventListener("message", onWorkerMessage);
    return () => {
      window.removeEventListener("online", replay);
      navigator.serviceWorker?.removeEventListener("message", onWorkerMessage);
    };
  }, [queryClient]);
}

export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => {
    const created = client ?? makeQueryClient();
    // Any 401 means the session is gone: forgetting the user makes the guard send them to sign-in.
    setUnauthorizedHandler(() => created.setQueryData(userKeys.me(), null));
    return created;
  });
  // Today's list is asked for as soon as the session is known to be signed in, alongside the user.
  useEffect(() => onSignedInSession(() => void queryClient.prefetchQuery(habitsQueryOptions())), [queryClient]);
  useReminderCheckIns(queryClient);
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <WakingBanner />
        <UpdateBanner />
        {children}
      </QueryClientProvider>
    </I18nProvider>
  );
}
