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

  it("asks /me only when the session endpoint says the browser is signed in", async () => {
    const seen: string[] = [];
    server.use(
      http.get("*/api/auth/csrf/", () => {
        seen.push("csrf");
        return HttpResponse.json(buildSession({ authenticated: true }));
      }),
      http.get("*/api/auth/me/", () => {
        seen.push("me");
        return HttpResponse.json(buildUser());
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(seen).toEqual(["csrf", "me"]);
  });

  it("signs up with the browser's time zone and lands on Today", async () => {
    signedOut();
    let body: Record<string, unknown> = {};
    server.use(
      http.post("*/api/auth/register/", async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(buildUser({ email: "new@example.com" }), { status: 201 });
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    const { user } = renderApp("/sign-up");
    await user.type(await screen.findByLabelText("Email"), "new@example.com");
    await user.type(screen.getByLabelText("Password", { exact: false }), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(body).toEqual({
      email: "new@example.com",
      password: "correct horse battery",
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    expect(await screen.findByRole("heading", { name: "No habits yet" })).toBeInTheDocument();
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
    await user.type(screen.getByLabelText("Password", { exact: false }), "password");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText("This password is too common.")).toBeInTheDocument();
    expect(screen.getByLabelText("Password", { exact: false })).toHaveAttribute("aria-invalid", "true");
  });

  it("says why sign-in failed and returns to the page asked for", async () => {
    signedOut();
    let attempts = 0;
    server.use(
      http.post("*/api/auth/login/", () => {
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

  it("says how long to wait after too many sign-in attempts", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/login/", () =>
        HttpResponse.json(
          { detail: "Request was throttled.", code: "throttled" },
          { status: 429, headers: { "Retry-After": "60" } },
        ),
      ),
    );
    const { user } = renderApp("/sign-in");
    await user.type(await screen.findByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "guess");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Too many attempts. Try again in 60 seconds.")).toBeInTheDocument();
  });

  it("shows a helpful page for unknown addresses", async () => {
    server.use(http.get("*/api/habits/", () => HttpResponse.json([])));
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "Page not found", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to Today" })).toHaveAttribute("href", "/");
  });
});
