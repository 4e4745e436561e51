import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { replaceSignedInUser, type User } from "@/lib/auth";
import type { MutationConfig } from "@/lib/query-client";
import type { components } from "@/types/api";
import { authenticationJSON, requestOptions } from "../webauthn";
import { getPasskeySignInOptions } from "./passkey-authenticate-options";

export type PasskeyAuthenticateInput = components["schemas"]["PasskeyAuthenticateInputRequest"];

export function authenticateWithPasskey(input: PasskeyAuthenticateInput): Promise<User> {
  return api.post<User>("/api/auth/passkeys/authenticate/", input);
}

/**
 * The whole ceremony: the options, the browser's navigator.credentials.get() (the person picks a
 * passkey and confirms), then its signature to the API. Passkeys are discoverable: no address is typed.
 */
export async function signInWithPasskey(): Promise<User> {
  const { publicKey } = await getPasskeySignInOptions();
  const credential = await navigator.credentials.get({
    publicKey: requestOptions(publicKey as unknown as PublicKeyCredentialRequestOptionsJSON),
  });
  if (!credential) throw new DOMException("No passkey was chosen.", "NotAllowedError");
  const answer = authenticationJSON(credential as PublicKeyCredential);
  return authenticateWithPasskey({ credential: answer as unknown as PasskeyAuthenticateInput["credential"] });
}

export function usePasskeySignIn({ mutationConfig }: { mutationConfig?: MutationConfig<User, void> } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...config } = mutationConfig ?? {};
  return useMutation({
    ...config,
    mutationFn: signInWithPasskey,
    onSuccess: async (...args) => {
      replaceSignedInUser(queryClient, args[0]);
      await onSuccess?.(...args);
    },
  });
}
