import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { buildAttestation, withWebAuthn } from "@/testing/webauthn";
import type { Passkey } from "../../types";

function buildPasskey(overrides: Partial<Passkey> = {}): Passkey {
  return {
    id: 1,
    name: "Phone",
    created_at: "2026-02-01T09:00:00Z",
    last_used_at: null,
    ...overrides,
  };
}

function invalid(errors: Record<string, string[]>) {
  return HttpResponse.json({ detail: "The request has invalid fields.", code: "invalid", errors }, { status: 400 });
}

const form = (name: string) => screen.findByRole("form", { name });

describe("Settings: sign-in and security", () => {
  it("changes the password with the current one and says other devices were signed out", async () => {
    let body: unknown;
    server.use(
      http.post("*/api/auth/password/", async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp("/settings");
    expect(await screen.findByRole("heading", { name: "Sign-in and security", level: 2 })).toBeInTheDocument();
    const change = within(await form("Change password"));
    await user.type(change.getByLabelText("Current password"), "the old passphrase");
    await user.type(change.getByLabelText("New password"), "a brand new passphrase");
    await user.click(change.getByRole("button", { name: "Change password" }));

    expect(await screen.findByText("Password changed. Every other device was signed out.")).toBeInTheDocument();
    expect(body).toEqual({ current_password: "the old passphrase", new_password: "a brand new passphrase" });
    expect(change.getByLabelText("Current password")).toHaveValue("");
  });

  it("marks a wrong current password next to its field", async () => {
    server.use(
      http.post("*/api/auth/password/", () => invalid({ current_password: ["The password is not correct."] })),
    );
    const { user } = renderApp("/settings");
    const change = within(await form("Change password"));
    await user.type(change.getByLabelText("Current password"), "not the passphrase");
    await user.type(change.getByLabelText("New password"), "a brand new passphrase");
    await user.click(change.getByRole("button", { name: "Change password" }));
    expect(await change.findByText("The password is not correct.")).toBeInTheDocument();
    expect(change.getByLabelText("Current password")).toHaveAttribute("aria-invalid", "true");
  });

  it("asks for a new address and says to confirm it from that inbox", async () => {
    let body: unknown;
    const detail = "Check the new address's inbox: your address changes when you open the link we sent there.";
    server.use(
      http.post("*/api/auth/email/", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ email: "new@example.com", detail }, { status: 202 });
      }),
    );
    const { user } = renderApp("/settings");
    const change = within(await form("Change email address"));
    expect(change.getByText("ada@example.com")).toBeInTheDocument();
    await user.type(change.getByLabelText("New email address"), "new@example.com");
    await user.type(change.getByLabelText("Current password"), "the passphrase");
    await user.click(change.getByRole("button", { name: "Send confirmation link" }));

    expect(await change.findByText(detail)).toBeInTheDocument();
    expect(change.getByRole("status")).toHaveTextContent(detail);
    expect(body).toEqual({ new_email: "new@example.com", password: "the passphrase" });
  });

  it("lists passkeys and removes one", async () => {
    let passkeys = [
      buildPasskey({ id: 1, name: "Phone", last_used_at: "2026-03-17T20:00:00Z" }),
      buildPasskey({ id: 2, name: "Laptop" }),
    ];
    server.use(
      http.get("*/api/auth/passkeys/", () => HttpResponse.json(passkeys)),
      http.delete("*/api/auth/passkeys/:id/", ({ params }) => {
        passkeys = passkeys.filter((passkey) => String(passkey.id) !== params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp("/settings");
    const list = await screen.findByRole("list", { name: "Your passkeys" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(within(list).getByText(/last used 17 Mar 2026|last used Mar 17, 2026/)).toBeInTheDocument();
    expect(within(list).getByText(/not used yet/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove passkey Laptop" }));
    expect(await screen.findByText("Passkey “Laptop” removed.")).toBeInTheDocument();
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    // The button that had focus is gone: focus goes to the list's heading, not to the page's start.
    expect(screen.getByRole("heading", { name: "Passkeys", level: 3 })).toHaveFocus();
  });

  it("says when there are no passkeys, and that this browser cannot make one", async () => {
    renderApp("/settings");
    expect(await screen.findByText("No passkeys yet.")).toBeInTheDocument();
    expect(screen.getByText("This browser cannot make passkeys.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Add a passkey" })).not.toBeInTheDocument();
  });

  describe("with WebAuthn", () => {
    let webauthn: ReturnType<typeof withWebAuthn>;
    afterEach(() => webauthn.restore());

    it("adds a passkey: the password, the browser's ceremony, then its answer", async () => {
      webauthn = withWebAuthn();
      webauthn.credentials.create.mockResolvedValue(buildAttestation("new-cred"));
      const passkeys: Passkey[] = [];
      const bodies: unknown[] = [];
      server.use(
        http.get("*/api/auth/passkeys/", () => HttpResponse.json(passkeys)),
        http.post("*/api/auth/passkeys/register/options/", async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json({
            publicKey: {
              rp: { name: "Habit Tracker", id: "localhost" },
              user: { id: "dXNlcg", name: "ada@example.com", displayName: "ada@example.com" },
              challenge: "Y2hhbGxlbmdl",
              pubKeyCredParams: [{ type: "public-key", alg: -7 }],
              excludeCredentials: [],
              authenticatorSelection: { residentKey: "required", userVerification: "required" },
              attestation: "none",
            },
          });
        }),
        http.post("*/api/auth/passkeys/register/", async ({ request }) => {
          const body = (await request.json()) as { name: string };
          bodies.push(body);
          const added = buildPasskey({ id: 5, name: body.name });
          passkeys.push(added);
          return HttpResponse.json(added, { status: 201 });
        }),
      );
      const { user } = renderApp("/settings");
      const add = within(await form("Add a passkey"));
      await user.type(add.getByLabelText("Passkey name"), "Work laptop");
      await user.type(add.getByLabelText("Current password"), "the passphrase");
      await user.click(add.getByRole("button", { name: "Add passkey" }));

      expect(await screen.findByText("Passkey “Work laptop” added. You can sign in with it now.")).toBeInTheDocument();
      expect(await screen.findByText("Work laptop")).toBeInTheDocument();
      const { publicKey } = webauthn.credentials.create.mock.calls[0]![0] as CredentialCreationOptions;
      expect(new TextDecoder().decode(publicKey!.user.id as ArrayBuffer)).toBe("user");
      expect(bodies[0]).toEqual({ password: "the passphrase" });
      expect(bodies[1]).toMatchObject({
        name: "Work laptop",
        credential: { id: "new-cred", type: "public-key", response: { transports: ["internal"] } },
      });
    });

    it("keeps a wrong password by its field, and asks the browser nothing", async () => {
      webauthn = withWebAuthn();
      server.use(
        http.post("*/api/auth/passkeys/register/options/", () =>
          invalid({ password: ["The password is not correct."] }),
        ),
      );
      const { user } = renderApp("/settings");
      const add = within(await form("Add a passkey"));
      await user.type(add.getByLabelText("Passkey name"), "Phone");
      await user.type(add.getByLabelText("Current password"), "wrong");
      await user.click(add.getByRole("button", { name: "Add passkey" }));
      expect(await add.findByText("The password is not correct.")).toBeInTheDocument();
      expect(webauthn.credentials.create).not.toHaveBeenCalled();
    });

    it("says when this device already holds a passkey for the account", async () => {
      webauthn = withWebAuthn();
      webauthn.credentials.create.mockRejectedValue(new DOMException("excluded", "InvalidStateError"));
      server.use(
        http.post("*/api/auth/passkeys/register/options/", () =>
          HttpResponse.json({
            publicKey: {
              rp: { name: "Habit Tracker", id: "localhost" },
              user: { id: "dXNlcg", name: "a", displayName: "a" },
              challenge: "Y2hhbGxlbmdl",
              pubKeyCredParams: [{ type: "public-key", alg: -7 }],
            },
          }),
        ),
      );
      const { user } = renderApp("/settings");
      const add = within(await form("Add a passkey"));
      await user.type(add.getByLabelText("Passkey name"), "Phone");
      await user.type(add.getByLabelText("Current password"), "the passphrase");
      await user.click(add.getByRole("button", { name: "Add passkey" }));
      expect(await add.findByText("This device already holds a passkey for your account.")).toBeInTheDocument();
    });
  });
});
