import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedInAs, signedOut } from "@/testing/server";
import { buildAssertion, withWebAuthn } from "@/testing/webauthn";

let webauthn: ReturnType<typeof withWebAuthn>;
beforeEach(() => {
  webauthn = withWebAuthn();
});
afterEach(() => webauthn.restore());

const OPTIONS = { challenge: "Y2hhbGxlbmdl", rpId: "localhost", allowCredentials: [], userVerification: "required" };

describe("signing in with a passkey", () => {
  it("runs the ceremony without an address and returns to the page asked for", async () => {
    signedOut();
    let answer: unknown;
    webauthn.credentials.get.mockResolvedValue(buildAssertion("cred-9"));
    server.use(
      http.post("*/api/auth/passkeys/authenticate/options/", () => HttpResponse.json({ publicKey: OPTIONS })),
      http.post("*/api/auth/passkeys/authenticate/", async ({ request }) => {
        answer = await request.json();
        signedInAs(buildUser());
        return HttpResponse.json(buildUser());
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    const { user } = renderApp("/sign-in?next=%2Farchive");
    await user.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));

    expect(await screen.findByRole("heading", { name: "Archive", level: 1 })).toBeInTheDocument();
    const { publicKey } = webauthn.credentials.get.mock.calls[0]![0] as CredentialRequestOptions;
    expect(new TextDecoder().decode(publicKey!.challenge as ArrayBuffer)).toBe("challenge");
    expect(publicKey).toMatchObject({ rpId: "localhost", userVerification: "required" });
    expect(answer).toMatchObject({ credential: { id: "cred-9", rawId: "Y3JlZC05", type: "public-key" } });
  });

  it("says so when the person cancels, and asks the API nothing more", async () => {
    signedOut();
    let answered = false;
    webauthn.credentials.get.mockRejectedValue(new DOMException("The operation was aborted.", "NotAllowedError"));
    server.use(
      http.post("*/api/auth/passkeys/authenticate/options/", () => HttpResponse.json({ publicKey: OPTIONS })),
      http.post("*/api/auth/passkeys/authenticate/", () => {
        answered = true;
        return HttpResponse.json(buildUser());
      }),
    );
    const { user } = renderApp("/sign-in");
    await user.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));
    expect(await screen.findByText("No passkey was used: the request was cancelled or timed out.")).toBeInTheDocument();
    expect(answered).toBe(false);
  });

  it("shows the API's refusal of a passkey it does not know", async () => {
    signedOut();
    webauthn.credentials.get.mockResolvedValue(buildAssertion());
    server.use(
      http.post("*/api/auth/passkeys/authenticate/options/", () => HttpResponse.json({ publicKey: OPTIONS })),
      http.post("*/api/auth/passkeys/authenticate/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { credential: ["This passkey did not sign you in."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/sign-in");
    await user.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));
    expect(await screen.findByText("This passkey did not sign you in.")).toBeInTheDocument();
  });
});
