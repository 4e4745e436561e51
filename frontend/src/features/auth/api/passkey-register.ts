import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { requestRules } from "@/types/api-rules";
import type { Passkey } from "../types";
import { creationOptions, registrationJSON } from "../webauthn";
import { accountKeys } from "./keys";
import { getPasskeyRegisterOptions } from "./passkey-register-options";

export type PasskeyRegisterInput = components["schemas"]["PasskeyRegisterInputRequest"];

/** The API's limit on a passkey's name, from its OpenAPI schema. */
export const passkeyNameLimits = requestRules.PasskeyRegisterInputRequest.name;

export function registerPasskey(input: PasskeyRegisterInput): Promise<Passkey> {
  return api.post<Passkey>("/api/auth/passkeys/register/", input);
}

export interface AddPasskeyInput {
  name: string;
  /** The current password: the API asks for it before it hands out the options. */
  password: string;
}

/**
 * The whole ceremony: the options, the browser's navigator.credentials.create() (the person
 * confirms with a fingerprint, face or PIN), then its answer to the API. Rejects with the browser's
 * DOMException when the person cancels, or with the API's error.
 */
export async function addPasskey({ name, password }: AddPasskeyInput): Promise<Passkey> {
  const { publicKey } = await getPasskeyRegisterOptions({ password });
  const credential = await navigator.credentials.create({
    publicKey: creationOptions(publicKey as unknown as PublicKeyCredentialCreationOptionsJSON),
  });
  if (!credential) throw new DOMException("No passkey was made.", "NotAllowedError");
  const answer = registrationJSON(credential as PublicKeyCredential);
  return registerPasskey({ name, credential: answer as unknown as PasskeyRegisterInput["credential"] });
}

export function useAddPasskey({ mutationConfig }: { mutationConfig?: MutationConfig<Passkey, AddPasskeyInput> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: addPasskey,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.passkeys() });
      await onSuccess?.(...args);
    },
  });
}
