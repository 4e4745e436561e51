import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedOut } from "@/testing/server";

const RESET_SENT = "Check your inbox: we sent a link to choose a new password.";

describe("forgotten password", () => {
  it("mails a reset link and says so, the same for any address", async () => {
    signedOut();
    let body: unknown;
    server.use(
      http.post("*/api/auth/password/reset/", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ email: "ada@example.com", detail: RESET_SENT }, { status: 202 });
      }),
    );
    const { user } = renderApp("/forgot-password");
    await user.type(await screen.findByLabelText("Email"), "  ada@example.com ");
    await user.click(screen.getByRole("button", { name: "Mail me a link" }));

    expect(await screen.findByRole("heading", { name: "Check your inbox", level: 1 })).toHaveFocus();
    expect(screen.getByText(RESET_SENT)).toBeInTheDocument();
    expect(body).toEqual({ email: "ada@example.com" });
    expect(screen.getByRole("link", { name: "Back to sign in" })).toHaveAttribute("href", "/sign-in");
  });

  it("in a local run, says where the mail is and links the newest one", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/password/reset/", () =>
        HttpResponse.json({ email: "ada@example.com", detail: RESET_SENT }, { status: 202 }),
      ),
      http.get("*/api/dev/mail/", ({ request }) => {
        expect(new URL(request.url).searchParams.get("to")).toBe("ada@example.com");
        return HttpResponse.json([
          {
            id: 7,
            kind: "password_reset",
            to: "ada@example.com",
            subject: "Choose a new Habit Tracker password",
            body: "…",
            links: ["http://localhost:8000/reset-password#token=abc"],
            created_at: "2026-03-18T10:00:00Z",
            sent_at: "2026-03-18T10:00:00Z",
          },
        ]);
      }),
    );
    const { user } = renderApp("/forgot-password");
    await user.type(await screen.findByLabelText("Email"), "ada@example.com");
    await user.click(screen.getByRole("button", { name: "Mail me a link" }));

    expect(await screen.findByText(/Running locally/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "local mail page" })).toHaveAttribute(
      "href",
      "/api/dev/mail/?to=ada%40example.com",
    );
    expect(screen.getByText(/“Choose a new Habit Tracker password”/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open the link in it" })).toHaveAttribute(
      "href",
      "http://localhost:8000/reset-password#token=abc",
    );
  });

  it("shows the API's refusal, such as too many mails asked for", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/password/reset/", () =>
        HttpResponse.json(
          { detail: "Too many emails asked for. Try again in 1 hour.", code: "throttled" },
          { status: 429, headers: { "Retry-After": "3600" } },
        ),
      ),
    );
    const { user } = renderApp("/forgot-password");
    await user.type(await screen.findByLabelText("Email"), "ada@example.com");
    await user.click(screen.getByRole("button", { name: "Mail me a link" }));
    expect(await screen.findByText("Too many emails asked for. Try again in 1 hour.")).toBeInTheDocument();
  });
});

describe("choosing a new password from the link", () => {
  it("sets it with the link's token, signs in and says other sessions ended", async () => {
    signedOut();
    let body: unknown;
    server.use(
      http.post("*/api/auth/password/reset/confirm/", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(buildUser());
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    const { user } = renderApp("/reset-password#token=reset-token-1");
    expect(await screen.findByRole("heading", { name: "Choose a new password", level: 1 })).toHaveFocus();
    await user.type(screen.getByLabelText("New password"), "a brand new passphrase");
    await user.click(screen.getByRole("button", { name: "Set new password" }));

    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(body).toEqual({ token: "reset-token-1", new_password: "a brand new passphrase" });
    expect(screen.getByText(/Every other session was signed out/)).toBeInTheDocument();
  });

  it("says when the link no longer works and leads to a new one", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/password/reset/confirm/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { token: ["This link is not valid any more. Ask for a new one."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/reset-password#token=used");
    await user.type(await screen.findByLabelText("New password"), "a brand new passphrase");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("This link is not valid any more. Ask for a new one.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  });

  it("marks a password the policy refuses next to the field", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/password/reset/confirm/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { new_password: ["This password is too common."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/reset-password#token=t");
    await user.type(await screen.findByLabelText("New password"), "passwordpassword1");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("This password is too common.")).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Please correct the marked fields.")).toBeInTheDocument();
  });

  it("explains a link without its token", async () => {
    signedOut();
    renderApp("/reset-password");
    expect(await screen.findByRole("heading", { name: "This link is incomplete", level: 1 })).toHaveFocus();
    expect(screen.getByRole("link", { name: "Ask for a new link" })).toBeInTheDocument();
  });
});
