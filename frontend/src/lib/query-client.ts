import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors will not fix themselves; only network and server errors are retried, twice.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
