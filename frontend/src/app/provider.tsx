import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { UpdateBanner } from "@/components/update-banner";
import { WakingBanner } from "@/components/waking-banner";
import { setUnauthorizedHandler } from "@/lib/api-client";
import { userKeys } from "@/lib/auth";
import { makeQueryClient } from "@/lib/query-client";

export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => {
    const created = client ?? makeQueryClient();
    // Any 401 means the session is gone: forgetting the user makes the guard send them to sign-in.
    setUnauthorizedHandler(() => created.setQueryData(userKeys.me(), null));
    return created;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <WakingBanner />
      <UpdateBanner />
      {children}
    </QueryClientProvider>
  );
}
