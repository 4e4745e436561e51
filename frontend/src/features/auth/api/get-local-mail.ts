import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { LocalMail } from "../types";
import { accountKeys } from "./keys";

/** Where the local mail page lives: mounted only in local runs (`make run`), never in production. */
export const LOCAL_MAIL_PATH = "/api/dev/mail/";

/** The newest mail to `to` on the local mail page; fails (a 404) wherever the page is not mounted. */
export function getLocalMail(to: string): Promise<LocalMail[]> {
  return api.get<LocalMail[]>(LOCAL_MAIL_PATH, { query: { to } });
}

export const localMailQueryOptions = (to: string) =>
  queryOptions({
    queryKey: accountKeys.localMail(to),
    queryFn: () => getLocalMail(to),
    // A missing page will not appear by asking again.
    retry: false,
    refetchOnWindowFocus: false,
  });

export function useLocalMail(
  to: string,
  { queryConfig }: { queryConfig?: QueryConfig<typeof localMailQueryOptions> } = {},
) {
  return useQuery({ ...localMailQueryOptions(to), ...queryConfig });
}
