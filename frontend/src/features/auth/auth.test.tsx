import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildSession, buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedInAs, signedOut } from "@/testing/server";

describe("signing up and in", () => {
  it("sends a signed-out visitor to sign-in, remembering where they were going", async () => {
    signedOut();
    renderApp("/settings");
    expect(await screen.findByRole("heading", { name: "Sign in", level: 1 })).toHaveFocus();
  });

  it("learns a visitor is signed out from the session endpoint, without asking /me", async () => {
    const session = signedOut();
    let csrfCalls = 0;
    server.use(
      http.get("*/api/auth/csrf/", () => {
        csrfCalls += 1;
        return HttpResponse.json(buildSession({ authenticated: false }));
      }),
    );
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Sign in", level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
    expect(csrfCalls).toBe(1);
    expect(session.meCalls()).toBe(0);
  });

  it("learns the user from the session endpoint alone, and asks for Today's list as soon as it answers", async () => {
    const seen: string[] = [];
    server.use(
      http.get("*/api/auth/csrf/", () => {
        seen.push("csrf");
        return HttpResponse.json(buildSession({ user: buildUser({ email: "grace@example.com" }) }));
      }),
      http.get("*/api/auth/me/", () => {
        seen.push("me");
        return HttpResponse.json(buildUser());
      }),
      http.get("*/api/habits/", () => {
        seen.push("habits");
        return HttpResponse.json([]);
      }),
    );
    const { client } = renderApp("/");
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(seen).toEqual(["csrf", "habits"]));
    expect(client.getQueryData<{ email: string }>(["user", "me"])?.email).toBe("grace@example.com");
  });

  it("signs up with the browser's time zone, and then says to check the inbox", async () => {
    signedOut();
    let body: Record<string, unknown> = {};
    server.use(
      http.post("*/api/auth/register/", async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(
          { email: "new@example.com", detail: "Check your inbox: we sent a link to finish signing up." },
          { status: 202 },
        );
      }),
    );
    const { user } = renderApp("/sign-up");
    await user.type(await screen.findByLabelText("Email"), "new@example.com");
    await user.type(screen.getByLabelText("Password", { exact: false }), "correct horse battery staple");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByRole("heading", { name: "Check your inbox", level: 1 })).toHaveFocus();
    expect(screen.getByText("Check your inbox: we sent a link to finish signing up.")).toBeInTheDocument();
    expect(screen.getByText("new@example.com")).toBeInTheDocument();
    expect(body).toEqual({
      email: "new@example.com",
      password: "correct horse battery staple",
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    // A deployed site has no local mail page, and the page does not mention one.
    expect(screen.queryByText(/Running locally/)).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Start again" }));
    expect(await screen.findByRole("heading", { name: "Create your account", level: 1 })).toBeInTheDocument();
  });

  it("asks for a password of the schema's minimum length when signing up", async () => {
    signedOut();
    renderApp("/sign-up");
    const password = await screen.findByLabelText("Password", { exact: false });
    expect(password).toHaveAttribute("minlength", "15");
    expect(password).toHaveAccessibleDescription(/At least 15 characters/);
  });

  it("shows field errors from the server next to the field", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/register/", () =>
        HttpResponse.json(
          { detail: "Invalid input.", code: "invalid", errors: { password: ["This password is too common."] } },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/sign-up");
    await user.type(await screen.findByLabelText("Email"), "a@example.com");
    await user.type(screen.getByLabelText("Password", { exact: false }), "passwordpassword");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText("This password is too common.")).toBeInTheDocument();
    expect(screen.getByText("Please correct the marked fields.")).toBeInTheDocument();
    expect(screen.getByLabelText("Password", { exact: false })).toHaveAttribute("aria-invalid", "true");
  });

  it("says why sign-in failed and returns to the page asked for", async () => {
    signedOut();
    let attempts = 0;
    const bodies: unknown[] = [];
    server.use(
      http.post("*/api/auth/login/", async ({ request }) => {
        bodies.push(await request.json());
        attempts += 1;
        if (attempts === 1) {
          // The API's real answer: the generic detail, and the reason as a non-field error.
          return HttpResponse.json(
            {
              detail: "The request has invalid fields.",
              code: "invalid",
              errors: { non_field_errors: ["The email address or the password is not correct."] },
            },
            { status: 400 },
          );
        }
        signedInAs(buildUser());
        return HttpResponse.json(buildUser());
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    const { user } = renderApp("/sign-in?next=%2Farchive");
    await user.type(await screen.findByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("The email address or the password is not correct.")).toBeInTheDocument();
    expect(screen.queryByText(/invalid fields/)).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "right");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Archive", level: 1 })).toBeInTheDocument());
    // The browser's zone goes along (the local demo account takes it).
    expect(bodies.at(-1)).toEqual({
      email: "ada@example.com",
      password: "right",
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it("sends the user to sign-in when the session ends mid-use", async () => {
    server.use(
      http.get("*/api/habits/", () =>
        HttpResponse.json({ detail: "Your session has expired.", code: "not_authenticated" }, { status: 401 }),
      ),
    );
    renderApp("/archive");
    expect(await screen.findByRole("heading", { name: "Sign in", level: 1 })).toBeInTheDocument();
  });

  it("keeps a signed-in user away from the sign-in page", async () => {
    server.use(http.get("*/api/habits/", () => HttpResponse.json([])));
    renderApp("/sign-in");
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
  });

  it("says how long to wait after too many sign-in attempts, in the API's words", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/login/", () =>
        HttpResponse.json(
          { detail: "Too many failed attempts. Try again in 15 minutes.", code: "throttled" },
          { status: 429, headers: { "Retry-After": "900" } },
        ),
      ),
    );
    const { user } = renderApp("/sign-in");
    await user.type(await screen.findByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "guess");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Too many failed attempts. Try again in 15 minutes.")).toBeInTheDocument();
  });

  it("leads from sign-in to the forgotten-password page", async () => {
    signedOut();
    const { user } = renderApp("/sign-in");
    await user.click(await screen.findByRole("link", { name: "Forgot your password?" }));
    expect(await screen.findByRole("heading", { name: "Forgot your password?", level: 1 })).toHaveFocus();
  });

  it("offers no passkey button where the browser has no WebAuthn", async () => {
    signedOut();
    renderApp("/sign-in");
    await screen.findByRole("heading", { name: "Sign in", level: 1 });
    expect(screen.queryByRole("button", { name: "Sign in with a passkey" })).not.toBeInTheDocument();
  });

  it("shows a helpful page for unknown addresses", async () => {
    server.use(http.get("*/api/habits/", () => HttpResponse.json([])));
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "Page not found", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to Today" })).toHaveAttribute("href", "/");
  });
});
