import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { QueryConfig } from "@/lib/query-client";
import type { Passkey } from "../types";
import { accountKeys } from "./keys";

export function getPasskeys(): Promise<Passkey[]> {
  return api.get<Passkey[]>("/api/auth/passkeys/");
}

export const passkeysQueryOptions = () => queryOptions({ queryKey: accountKeys.passkeys(), queryFn: getPasskeys });

export function usePasskeys({ queryConfig }: { queryConfig?: QueryConfig<typeof passkeysQueryOptions> } = {}) {
  return useQuery({ ...passkeysQueryOptions(), ...queryConfig });
}
