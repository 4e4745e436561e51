import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedOut } from "@/testing/server";

const OTHER_BROWSER =
  "This link was opened in another browser than the one you signed up in: type the password you chose to finish.";

function invalid(errors: Record<string, string[]>) {
  return HttpResponse.json({ detail: "The request has invalid fields.", code: "invalid", errors }, { status: 400 });
}

describe("finishing a sign-up from the emailed link", () => {
  it("makes the account when asked, signs in and lands on Today", async () => {
    signedOut();
    const bodies: unknown[] = [];
    server.use(
      http.post("*/api/auth/register/confirm/", async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(buildUser({ email: "new@example.com" }), { status: 201 });
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    const { user } = renderApp("/sign-up/confirm#token=signup-token");
    expect(await screen.findByRole("heading", { name: "Finish signing up", level: 1 })).toHaveFocus();
    // Nothing is posted on load: a mail scanner opening the link must not finish the sign-up.
    expect(bodies).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Create my account" }));

    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(bodies).toEqual([{ token: "signup-token" }]);
    expect(screen.getByText("Welcome! Your account is ready and you are signed in.")).toBeInTheDocument();
  });

  it("in another browser, asks for the chosen password and sends it with the token", async () => {
    signedOut();
    const bodies: Record<string, unknown>[] = [];
    server.use(
      http.post("*/api/auth/register/confirm/", async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        if (!("password" in body)) return invalid({ password: [OTHER_BROWSER] });
        if (body.password !== "the chosen passphrase") return invalid({ password: ["The password is not correct."] });
        return HttpResponse.json(buildUser(), { status: 201 });
      }),
      http.get("*/api/habits/", () => HttpResponse.json([])),
    );
    const { user } = renderApp("/sign-up/confirm#token=t1");
    await user.click(await screen.findByRole("button", { name: "Create my account" }));

    const password = await screen.findByLabelText("The password you chose");
    expect(password).toHaveFocus();
    expect(password).toHaveAccessibleDescription(OTHER_BROWSER);
    expect(password).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText("Please correct the marked fields.")).not.toBeInTheDocument();

    await user.type(password, "a wrong guess at it");
    await user.click(screen.getByRole("button", { name: "Create my account" }));
    expect(await screen.findByText("The password is not correct.")).toBeInTheDocument();
    expect(screen.getByLabelText("The password you chose")).toHaveAttribute("aria-invalid", "true");

    await user.clear(screen.getByLabelText("The password you chose"));
    await user.type(screen.getByLabelText("The password you chose"), "the chosen passphrase");
    await user.click(screen.getByRole("button", { name: "Create my account" }));
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(bodies.at(-1)).toEqual({ token: "t1", password: "the chosen passphrase" });
  });

  it("says when the link is spent, with the ways on", async () => {
    signedOut();
    server.use(
      http.post("*/api/auth/register/confirm/", () =>
        invalid({ token: ["This address already has an account: sign in instead."] }),
      ),
    );
    const { user } = renderApp("/sign-up/confirm#token=old");
    await user.click(await screen.findByRole("button", { name: "Create my account" }));
    expect(await screen.findByText("This address already has an account: sign in instead.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    expect(screen.getByRole("link", { name: "sign up again" })).toHaveAttribute("href", "/sign-up");
  });

  it("explains a link without its token", async () => {
    signedOut();
    renderApp("/sign-up/confirm");
    expect(await screen.findByRole("heading", { name: "This link is incomplete", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign up again" })).toHaveAttribute("href", "/sign-up");
  });
});
