import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { PushKey } from "./contract";
import { reminderKeys } from "./keys";

/** `GET /api/push/key/`: the server's VAPID public key, null when push is not configured. */
export function getPushKey(): Promise<PushKey> {
  return api.get<PushKey>("/api/push/key/");
}

export const pushKeyQueryOptions = () =>
  queryOptions({ queryKey: reminderKeys.pushKey(), queryFn: getPushKey, staleTime: Infinity });

export function usePushKey({ queryConfig }: { queryConfig?: QueryConfig<typeof pushKeyQueryOptions> } = {}) {
  return useQuery({ ...pushKeyQueryOptions(), ...queryConfig });
}
