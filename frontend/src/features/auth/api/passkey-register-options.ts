import { api } from "@/lib/api-client";
import type { components } from "@/types/api";
import type { PasskeyOptions } from "../types";

export type PasskeyRegisterOptionsInput = components["schemas"]["PasskeyRegisterOptionsInputRequest"];

/** The first step of adding a passkey (the password again): options for navigator.credentials.create(). */
export function getPasskeyRegisterOptions(input: PasskeyRegisterOptionsInput): Promise<PasskeyOptions> {
  return api.post<PasskeyOptions>("/api/auth/passkeys/register/options/", input);
}
