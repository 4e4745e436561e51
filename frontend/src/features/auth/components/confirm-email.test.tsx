import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildSession, buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedOut } from "@/testing/server";

describe("confirming a new sign-in address", () => {
  it("signed out: confirms with the link's token and leads to sign-in", async () => {
    signedOut();
    let body: unknown;
    server.use(
      http.post("*/api/auth/email/confirm/", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ email: "new@example.com" });
      }),
    );
    const { user } = renderApp("/confirm-email#token=email-token");
    expect(await screen.findByRole("heading", { name: "Confirm your new address", level: 1 })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Confirm new address" }));

    expect(await screen.findByRole("heading", { name: "Address changed", level: 1 })).toHaveFocus();
    expect(screen.getByText("new@example.com")).toBeInTheDocument();
    expect(body).toEqual({ token: "email-token" });
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  });

  it("signed in: asks for the user afresh and leads back to Settings", async () => {
    let address = "ada@example.com";
    let sessionCalls = 0;
    server.use(
      http.get("*/api/auth/csrf/", () => {
        sessionCalls += 1;
        return HttpResponse.json(buildSession({ user: buildUser({ email: address }) }));
      }),
      http.post("*/api/auth/email/confirm/", () => {
        address = "new@example.com";
        return HttpResponse.json({ email: address });
      }),
    );
    const { user, client } = renderApp("/confirm-email#token=t");
    await user.click(await screen.findByRole("button", { name: "Confirm new address" }));
    expect(await screen.findByRole("heading", { name: "Address changed", level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Back to Settings" })).toHaveAttribute("href", "/settings");
    expect(sessionCalls).toBe(2);
    expect(client.getQueryData<{ email: string }>(["user", "me"])?.email).toBe("new@example.com");
  });

  it("says why a link is refused", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/email/confirm/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { token: ["An account with this email address already exists."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/confirm-email#token=t");
    await user.click(await screen.findByRole("button", { name: "Confirm new address" }));
    expect(await screen.findByText("An account with this email address already exists.")).toBeInTheDocument();
  });

  it("explains a link without its token", async () => {
    signedOut();
    renderApp("/confirm-email#");
    expect(await screen.findByRole("heading", { name: "This link is incomplete", level: 1 })).toBeInTheDocument();
  });
});
