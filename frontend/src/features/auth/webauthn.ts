/**
 * The browser side of passkeys. The API speaks WebAuthn's JSON forms, binary fields as base64url
 * (py_webauthn's options_to_json writes them; its parse_*_credential_json reads the answers, shaped
 * like PublicKeyCredential.toJSON()); navigator.credentials speaks ArrayBuffers. These few
 * conversions are written here rather than taken from a library, and used in every browser alike
 * (PublicKeyCredential.parseCreationOptionsFromJSON() and toJSON() are newer than WebAuthn itself).
 * No extensions are asked for, so none are passed on and none are reported back.
 */
import { i18n } from "@lingui/core";

/** Whether this browser can make and use passkeys at all (it may still have no authenticator). */
export function passkeysSupported(): boolean {
  return typeof window.PublicKeyCredential === "function" && typeof navigator.credentials?.get === "function";
}

export function base64urlToBuffer(value: string): ArrayBuffer {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

export function bufferToBase64url(buffer: ArrayBuffer | ArrayBufferView): string {
  const bytes = ArrayBuffer.isView(buffer)
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function descriptor(json: PublicKeyCredentialDescriptorJSON): PublicKeyCredentialDescriptor {
  return {
    type: json.type as PublicKeyCredentialType,
    id: base64urlToBuffer(json.id),
    transports: json.transports as AuthenticatorTransport[] | undefined,
  };
}

/** The API's registration options (`publicKey`) as navigator.credentials.create() takes them. */
export function creationOptions(json: PublicKeyCredentialCreationOptionsJSON): PublicKeyCredentialCreationOptions {
  return {
    rp: json.rp,
    user: { id: base64urlToBuffer(json.user.id), name: json.user.name, displayName: json.user.displayName },
    challenge: base64urlToBuffer(json.challenge),
    pubKeyCredParams: json.pubKeyCredParams,
    timeout: json.timeout,
    excludeCredentials: json.excludeCredentials?.map(descriptor),
    authenticatorSelection: json.authenticatorSelection,
    attestation: json.attestation as AttestationConveyancePreference | undefined,
  };
}

/** The API's sign-in options (`publicKey`) as navigator.credentials.get() takes them. */
export function requestOptions(json: PublicKeyCredentialRequestOptionsJSON): PublicKeyCredentialRequestOptions {
  return {
    challenge: base64urlToBuffer(json.challenge),
    timeout: json.timeout,
    rpId: json.rpId,
    allowCredentials: json.allowCredentials?.map(descriptor),
    userVerification: json.userVerification as UserVerificationRequirement | undefined,
  };
}

/** A new passkey (navigator.credentials.create()'s answer) as the API reads it. */
export function registrationJSON(credential: PublicKeyCredential): RegistrationResponseJSON {
  const response = credential.response as AuthenticatorAttestationResponse;
  const publicKey = response.getPublicKey();
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: {},
    response: {
      clientDataJSON: bufferToBase64url(response.clientDataJSON),
      attestationObject: bufferToBase64url(response.attestationObject),
      authenticatorData: bufferToBase64url(response.getAuthenticatorData()),
      publicKey: publicKey ? bufferToBase64url(publicKey) : undefined,
      publicKeyAlgorithm: response.getPublicKeyAlgorithm(),
      transports: response.getTransports(),
    },
  };
}

/** A passkey's signature (navigator.credentials.get()'s answer) as the API reads it. */
export function authenticationJSON(credential: PublicKeyCredential): AuthenticationResponseJSON {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: {},
    response: {
      clientDataJSON: bufferToBase64url(response.clientDataJSON),
      authenticatorData: bufferToBase64url(response.authenticatorData),
      signature: bufferToBase64url(response.signature),
      userHandle: response.userHandle ? bufferToBase64url(response.userHandle) : undefined,
    },
  };
}

/** What the browser's refusal of a passkey ceremony means, in words; null for any other error. */
export function passkeyErrorMessage(error: unknown): string | null {
  if (!(error instanceof DOMException)) return null;
  switch (error.name) {
    case "NotAllowedError":
      return i18n._("No passkey was used: the request was cancelled or timed out.");
    case "InvalidStateError":
      return i18n._("This device already holds a passkey for your account.");
    case "SecurityError":
      return i18n._(
        "Passkeys can't be used at this web address. Open the site by its name (for example localhost rather than 127.0.0.1).",
      );
    default:
      return i18n._("The browser could not use a passkey ({reason}).", { reason: error.message || error.name });
  }
}
