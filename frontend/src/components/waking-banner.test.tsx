import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildHabit } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("waking up", () => {
  it("says the server is waking up while it retries, then shows the screen", async () => {
    let calls = 0;
    server.use(
      http.get("*/api/habits/", () => {
        calls += 1;
        if (calls === 1)
          return HttpResponse.json(
            { detail: "The service is temporarily unavailable.", code: "service_unavailable" },
            { status: 503, headers: { "Retry-After": "1" } },
          );
        return HttpResponse.json([buildHabit({ id: 1, name: "Meditate" })]);
      }),
      http.get("*/api/habits/1/entries/", () => HttpResponse.json([])),
    );
    renderApp("/");
    expect(await screen.findByText(/Waking up after a quiet spell/)).toHaveAttribute("role", "status");
    expect(
      await screen.findByRole("button", { name: "Meditate, today: not marked" }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/Waking up/)).not.toBeInTheDocument());
    expect(screen.queryByText(/temporarily unavailable|had a problem/)).not.toBeInTheDocument();
  });
});
