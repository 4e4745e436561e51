import { describe, expect, it } from "vitest";
import { buildAssertion, buildAttestation } from "@/testing/webauthn";
import {
  authenticationJSON,
  base64urlToBuffer,
  bufferToBase64url,
  creationOptions,
  passkeyErrorMessage,
  registrationJSON,
  requestOptions,
} from "./webauthn";

const text = (buffer: BufferSource) => new TextDecoder().decode(buffer);

describe("WebAuthn's JSON forms", () => {
  it("round-trips bytes through base64url without padding or URL-unsafe characters", () => {
    const all = new Uint8Array(256).map((_, index) => index);
    const encoded = bufferToBase64url(all.buffer);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(new Uint8Array(base64urlToBuffer(encoded))).toEqual(all);
    expect(bufferToBase64url(new Uint8Array([251, 255]))).toBe("-_8");
    expect(new Uint8Array(base64urlToBuffer("-_8"))).toEqual(new Uint8Array([251, 255]));
    expect(bufferToBase64url(new Uint8Array([1, 2, 3, 4]).subarray(1, 3))).toBe("AgM");
  });

  it("turns the API's registration options into navigator.credentials.create()'s", () => {
    const options = creationOptions({
      rp: { name: "Habit Tracker", id: "localhost" },
      user: { id: "dXNlcg", name: "ada@example.com", displayName: "ada@example.com" },
      challenge: "Y2hhbGxlbmdl",
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      timeout: 60000,
      excludeCredentials: [{ id: "a25vd24", type: "public-key", transports: ["internal"] }],
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      attestation: "none",
    });
    expect(text(options.challenge)).toBe("challenge");
    expect(text(options.user.id)).toBe("user");
    expect(options.user.name).toBe("ada@example.com");
    expect(text(options.excludeCredentials![0]!.id)).toBe("known");
    expect(options.excludeCredentials![0]!.transports).toEqual(["internal"]);
    expect(options.authenticatorSelection).toEqual({ residentKey: "required", userVerification: "required" });
    expect(options.attestation).toBe("none");
  });

  it("turns the API's sign-in options into navigator.credentials.get()'s", () => {
    const options = requestOptions({
      challenge: "Y2hhbGxlbmdl",
      rpId: "localhost",
      allowCredentials: [],
      userVerification: "required",
      timeout: 60000,
    });
    expect(text(options.challenge)).toBe("challenge");
    expect(options).toMatchObject({ rpId: "localhost", allowCredentials: [], userVerification: "required" });
  });

  it("writes the browser's answers as the API reads them (PublicKeyCredential.toJSON()'s shape)", () => {
    const created = registrationJSON(buildAttestation("new") as unknown as PublicKeyCredential);
    expect(created).toEqual({
      id: "new",
      rawId: "bmV3",
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: bufferToBase64url(new TextEncoder().encode('{"type":"webauthn.create"}')),
        attestationObject: "YXR0ZXN0YXRpb24",
        authenticatorData: "YXV0aGVudGljYXRvciBkYXRh",
        publicKey: "cHVibGljIGtleQ",
        publicKeyAlgorithm: -7,
        transports: ["internal"],
      },
    });
    const signed = authenticationJSON(buildAssertion("old") as unknown as PublicKeyCredential);
    expect(signed.rawId).toBe("b2xk");
    expect(signed.response).toMatchObject({ signature: "c2lnbmF0dXJl", userHandle: "dXNlcg" });
  });

  it("says in words why the browser refused", () => {
    expect(passkeyErrorMessage(new DOMException("x", "NotAllowedError"))).toMatch(/cancelled or timed out/);
    expect(passkeyErrorMessage(new DOMException("x", "InvalidStateError"))).toMatch(/already holds a passkey/);
    expect(passkeyErrorMessage(new DOMException("x", "SecurityError"))).toMatch(/this web address/);
    expect(passkeyErrorMessage(new DOMException("Boom", "UnknownError"))).toBe(
      "The browser could not use a passkey (Boom).",
    );
    expect(passkeyErrorMessage(new Error("not the browser's"))).toBeNull();
  });
});
