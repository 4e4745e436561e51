import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildEntry, buildHabit, buildStats } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

function serveStats() {
  server.use(http.get("*/api/habits/:id/stats/", () => HttpResponse.json(buildStats())));
}

describe("habit detail", () => {
  it("shows streaks, score, the chart and completion", async () => {
    fakeHabitsApi([buildHabit({ id: 5, name: "Meditate", question: "Did you sit today?" })]);
    serveStats();
    const { user } = renderApp("/habits/5");
    expect(await screen.findByRole("heading", { name: "Meditate", level: 1 })).toBeInTheDocument();
    expect(await screen.findByText("Best streak")).toBeInTheDocument();
    expect(screen.getByText(/^Your streak counts the days in a row you did it/)).toBeInTheDocument();
    expect(await screen.findByText("9")).toBeInTheDocument();
    expect(screen.getByText("42%")).toBeInTheDocument();
    expect(await screen.findByRole("img", { name: /started at 30%, now 42%/ })).toBeInTheDocument();
    expect(screen.getByText("3/7 · 43%")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Per month" }));
    expect(screen.getByText("12/31 · 39%")).toBeInTheDocument();
  });

  it("edits a past day from the calendar", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 5, name: "Meditate" })]);
    api.entries.set("5/2026-03-10", buildEntry({ date: "2026-03-10", status: "skipped" }));
    serveStats();
    const { user } = renderApp("/habits/5");
    const day = await screen.findByRole("button", { name: /(10 March|March 10),? 2026: skipped/ });
    await user.click(day);
    expect(await screen.findByRole("heading", { name: /(10 March|March 10),? 2026/, level: 3 })).toHaveFocus();
    await user.click(screen.getByRole("radio", { name: "Done" }));
    await user.type(screen.getByLabelText("Note"), "Evening session");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(await screen.findByRole("button", { name: /(10 March|March 10),? 2026: done/ })).toBeInTheDocument();
    await waitFor(() =>
      expect(api.log).toEqual([
        { method: "PUT", path: "5/2026-03-10", body: { status: "done", value: null, note: "Evening session" } },
      ]),
    );
  });

  it("moves between days with the arrow keys", async () => {
    fakeHabitsApi([buildHabit({ id: 5, name: "Meditate" })]);
    serveStats();
    const { user } = renderApp("/habits/5");
    const today = await screen.findByRole("button", { name: /(18 March|March 18),? 2026/ });
    expect(today).toHaveAttribute("tabindex", "0");
    today.focus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("button", { name: /(11 March|March 11),? 2026/ })).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(screen.getByRole("button", { name: /(10 March|March 10),? 2026/ })).toHaveFocus();
  });

  it("says so when the habit does not exist", async () => {
    fakeHabitsApi([]);
    renderApp("/habits/999");
    expect(await screen.findByRole("heading", { name: "Habit not found" })).toBeInTheDocument();
  });

  it("archives a habit", async () => {
    fakeHabitsApi([buildHabit({ id: 5, name: "Meditate" })]);
    serveStats();
    let patch: unknown;
    server.use(
      http.patch("*/api/habits/5/", async ({ request }) => {
        patch = await request.json();
        return HttpResponse.json(buildHabit({ id: 5, name: "Meditate", archived: true }));
      }),
    );
    const { user } = renderApp("/habits/5");
    await user.click(await screen.findByRole("button", { name: "Archive" }));
    expect(await screen.findByText("“Meditate” was archived.")).toBeInTheDocument();
    expect(patch).toEqual({ archived: true });
  });
});
