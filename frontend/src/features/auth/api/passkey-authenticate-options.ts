import { api } from "@/lib/api-client";
import type { PasskeyOptions } from "../types";

/** The first step of signing in with a passkey: options for navigator.credentials.get(). */
export function getPasskeySignInOptions(): Promise<PasskeyOptions> {
  return api.post<PasskeyOptions>("/api/auth/passkeys/authenticate/options/");
}
