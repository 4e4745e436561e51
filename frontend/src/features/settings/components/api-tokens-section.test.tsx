import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { CreatedApiToken } from "../api/create-api-token";
import type { ApiToken } from "../api/get-api-tokens";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

const SECRET = "htk_0123456789ab_" + "s".repeat(43);

function buildToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 7,
    name: "Cron on laptop",
    scope: "read",
    prefix: "htk_0123456789ab",
    created_at: "2026-03-01T09:30:00Z",
    last_used_at: null,
    expires_at: null,
    ...overrides,
  };
}

/** A fake of the tokens API that keeps its list: what the section shows comes back from it. */
function tokensApi(initial: ApiToken[] = []) {
  let tokens = [...initial];
  const received: unknown[] = [];
  server.use(
    http.get("*/api/auth/tokens/", () => HttpResponse.json(tokens)),
    http.post("*/api/auth/tokens/", async ({ request }) => {
      const body = (await request.json()) as { name: string; scope: ApiToken["scope"]; lifetime_days: number | null };
      received.push(body);
      const token = buildToken({ id: 8, name: body.name, scope: body.scope, created_at: "2026-03-18T10:00:00Z" });
      tokens = [token, ...tokens];
      return HttpResponse.json({ ...token, token: SECRET } satisfies CreatedApiToken, { status: 201 });
    }),
    http.delete("*/api/auth/tokens/:id/", ({ params }) => {
      tokens = tokens.filter((token) => token.id !== Number(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { received };
}

async function section() {
  return within(await screen.findByRole("region", { name: "API tokens" }));
}

describe("API tokens", () => {
  it("creates a token and shows its value once, with a copy button", async () => {
    const { received } = tokensApi();
    const { user } = renderApp("/settings");
    const tokens = await section();
    expect(await tokens.findByText("No API tokens yet.")).toBeInTheDocument();
    await user.type(tokens.getByLabelText("Token name"), "  Check-in script ");
    await user.click(tokens.getByRole("radio", { name: /Read and write/ }));
    expect(tokens.getByLabelText("Expires")).toHaveValue("90");
    await user.selectOptions(tokens.getByLabelText("Expires"), "Never (until revoked)");
    await user.click(tokens.getByRole("button", { name: "Create token" }));

    const shown = await tokens.findByLabelText("New token");
    expect(shown).toHaveValue(SECRET);
    expect(tokens.getByText(/you won.t see it again/)).toBeInTheDocument();
    expect(received).toEqual([{ name: "Check-in script", scope: "read_write", lifetime_days: null }]);
    await user.click(tokens.getByRole("button", { name: "Copy" }));
    expect(await screen.findByText("Token copied.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    const list = within(await tokens.findByRole("list", { name: "Your API tokens" }));
    expect(list.getByText("Check-in script")).toBeInTheDocument();
    expect(list.getByText("(Read and write)")).toBeInTheDocument();
    await user.click(tokens.getByRole("button", { name: "Done" }));
    expect(tokens.queryByLabelText("New token")).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it("lists tokens with their prefix, creation and last use in the user's zone", async () => {
    tokensApi([
      buildToken({ id: 1, name: "Never used" }),
      buildToken({ id: 2, name: "Busy", prefix: "htk_ffffffffffff", last_used_at: "2026-03-17T22:45:00Z" }),
      buildToken({ id: 4, name: "Old", expires_at: "2020-01-01T00:00:00Z" }),
      buildToken({ id: 5, name: "Later", expires_at: "2999-01-01T00:00:00Z" }),
    ]);
    renderApp("/settings");
    const list = within(await (await section()).findByRole("list", { name: "Your API tokens" }));
    const rows = list.getAllByRole("listitem");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toHaveTextContent("expired");
    expect(rows[3]).toHaveTextContent("expires");
    expect(rows[3]).not.toHaveTextContent("expired");
    expect(rows[0]).toHaveTextContent("never used");
    expect(rows[0]).toHaveTextContent("htk_0123456789ab…");
    // 22:45 UTC is 23:45 in Berlin (the user's zone in the builders).
    const expected = new Date("2026-03-17T22:45:00Z").toLocaleString(undefined, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Berlin",
    });
    expect(expected).toMatch(/23:45|11:45\sPM/);
    expect(rows[1]).toHaveTextContent(`last used ${expected}`);
  });

  it("revokes a token only after a second, explicit confirmation", async () => {
    tokensApi([buildToken({ id: 3, name: "Old script" })]);
    const { user } = renderApp("/settings");
    const tokens = await section();
    await user.click(await tokens.findByRole("button", { name: "Revoke token Old script" }));
    await user.click(tokens.getByRole("button", { name: "Keep" }));
    expect(tokens.getByText("Old script")).toBeInTheDocument();
    await user.click(tokens.getByRole("button", { name: "Revoke token Old script" }));
    await user.click(tokens.getByRole("button", { name: "Revoke token Old script for good" }));
    expect(await tokens.findByText("No API tokens yet.")).toBeInTheDocument();
    expect(await screen.findByText(/Token “Old script” revoked/)).toBeInTheDocument();
  });

  it("shows the API's refusal, by field or for the form", async () => {
    server.use(
      http.post("*/api/auth/tokens/", () =>
        HttpResponse.json(
          {
            detail: "Invalid input.",
            code: "invalid",
            errors: { non_field_errors: ["You can have at most 20 API tokens. Revoke one first."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/settings");
    const tokens = await section();
    await user.type(tokens.getByLabelText("Token name"), "one more");
    await user.click(tokens.getByRole("button", { name: "Create token" }));
    expect(await tokens.findByRole("alert")).toHaveTextContent("You can have at most 20 API tokens.");
    await waitFor(() => expect(tokens.queryByLabelText("New token")).not.toBeInTheDocument());
  });

  it("limits the name as the API does, and sends the chosen lifetime in days", async () => {
    const { received } = tokensApi();
    const { user } = renderApp("/settings");
    const tokens = await section();
    expect(tokens.getByLabelText("Token name")).toHaveAttribute("maxLength", "64");
    await user.type(tokens.getByLabelText("Token name"), "Yearly");
    await user.selectOptions(tokens.getByLabelText("Expires"), "In a year");
    await user.click(tokens.getByRole("button", { name: "Create token" }));
    await tokens.findByLabelText("New token");
    expect(received).toEqual([{ name: "Yearly", scope: "read", lifetime_days: 365 }]);
  });
});
