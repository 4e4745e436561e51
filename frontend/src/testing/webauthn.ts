import { vi } from "vitest";

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

/** What navigator.credentials.create() gives for a new passkey, as far as the app reads it. */
export function buildAttestation(id = "cred-1") {
  return {
    id,
    rawId: bytes(id),
    type: "public-key",
    authenticatorAttachment: "platform",
    response: {
      clientDataJSON: bytes('{"type":"webauthn.create"}'),
      attestationObject: bytes("attestation"),
      getAuthenticatorData: () => bytes("authenticator data"),
      getPublicKey: () => bytes("public key"),
      getPublicKeyAlgorithm: () => -7,
      getTransports: () => ["internal"],
    },
  };
}

/** What navigator.credentials.get() gives when a passkey signs, as far as the app reads it. */
export function buildAssertion(id = "cred-1") {
  return {
    id,
    rawId: bytes(id),
    type: "public-key",
    authenticatorAttachment: "platform",
    response: {
      clientDataJSON: bytes('{"type":"webauthn.get"}'),
      authenticatorData: bytes("authenticator data"),
      signature: bytes("signature"),
      userHandle: bytes("user"),
    },
  };
}

/**
 * A browser with WebAuthn (jsdom has none): `PublicKeyCredential` exists and navigator.credentials'
 * create/get are mocks the test scripts. Undone by `vi.unstubAllGlobals()` and the returned `restore`.
 */
export function withWebAuthn() {
  const credentials = { create: vi.fn(), get: vi.fn() };
  vi.stubGlobal("PublicKeyCredential", class PublicKeyCredential {});
  Object.defineProperty(navigator, "credentials", { value: credentials, configurable: true });
  return {
    credentials,
    restore() {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(navigator, "credentials");
    },
  };
}
