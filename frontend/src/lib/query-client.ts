import { QueryClient, type UseMutationOptions } from "@tanstack/react-query";
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

/**
 * What a caller may add to a query hook (bulletproof-react's `queryConfig`): any option of the
 * hook's query options except the key and the fetcher, which the hook owns.
 */
export type QueryConfig<QueryOptionsFn extends (...args: never[]) => unknown> = Omit<
  ReturnType<QueryOptionsFn>,
  "queryKey" | "queryFn"
>;

/**
 * What a caller may add to a mutation hook (bulletproof-react's `mutationConfig`), typically
 * `onSuccess` / `onError` to tell the user. The hook owns the request and the cache work, and
 * runs the caller's callbacks after its own.
 */
export type MutationConfig<TData, TVariables> = Omit<
  UseMutationOptions<TData, Error, TVariables>,
  "mutationFn" | "onMutate"
>;
