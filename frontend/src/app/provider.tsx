import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { UpdateBanner } from "@/components/update-banner";
import { WakingBanner } from "@/components/waking-banner";
import { setUnauthorizedHandler } from "@/lib/api-client";
import { onSignedInSession, userKeys } from "@/lib/auth";
import { makeQueryClient } from "@/lib/query-client";
import { habitsQueryOptions } from "@/features/habits/api/get-habits";

export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => {
    const created = client ?? makeQueryClient();
    // Any 401 means the session is gone: forgetting the user makes the guard send them to sign-in.
    setUnauthorizedHandler(() => created.setQueryData(userKeys.me(), null));
    return created;
  });
  // Today's list is asked for as soon as the session is known to be signed in, alongside the user.
  useEffect(() => onSignedInSession(() => void queryClient.prefetchQuery(habitsQueryOptions())), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <WakingBanner />
      <UpdateBanner />
      {children}
    </QueryClientProvider>
  );
}
