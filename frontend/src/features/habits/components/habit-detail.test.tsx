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
    const day = await screen.findByRole("gridcell", { name: /(10 March|March 10),? 2026: skipped/ });
    await user.click(day);
    expect(await screen.findByRole("heading", { name: /(10 March|March 10),? 2026/, level: 3 })).toHaveFocus();
    await user.click(screen.getByRole("radio", { name: "Done" }));
    await user.type(screen.getByLabelText("Note"), "Evening session");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(await screen.findByRole("gridcell", { name: /(10 March|March 10),? 2026: done/ })).toBeInTheDocument();
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
    const calendar = await screen.findByRole("grid", { name: /Meditate, the last year/ });
    const active = () => document.getElementById(calendar.getAttribute("aria-activedescendant") ?? "");
    expect(active()).toHaveAccessibleName(/(18 March|March 18),? 2026/);
    calendar.focus();
    await user.keyboard("{ArrowLeft}");
    expect(active()).toHaveAccessibleName(/(11 March|March 11),? 2026/);
    await user.keyboard("{ArrowUp}{Enter}");
    expect(await screen.findByRole("heading", { name: /(10 March|March 10),? 2026/, level: 3 })).toHaveFocus();
  });

  it("starts the score chart at the first entry, and counts a measurable habit's days that met the target", async () => {
    fakeHabitsApi([buildHabit({ id: 7, name: "Water", kind: "numeric", unit: "glasses", target_value: 8 })]);
    server.use(
      http.get("*/api/habits/:id/stats/", () =>
        HttpResponse.json(
          buildStats({
            total_done: 31,
            first_entry: "2026-03-16",
            score_history: [
              { date: "2026-03-14", score: 1 },
              { date: "2026-03-15", score: 1 },
              { date: "2026-03-16", score: 0.07 },
              { date: "2026-03-17", score: 0.09 },
              { date: "2026-03-18", score: 0.06 },
            ],
          }),
        ),
      ),
    );
    renderApp("/habits/7");
    const chart = await screen.findByRole("img", { name: /^Score from/ });
    expect(chart).toHaveAccessibleName(
      /^Score from (16 Mar|Mar 16),? 2026 to (18 Mar|Mar 18),? 2026: started at 7%, now 6%, highest 9% on (17 Mar|Mar 17),? 2026\.$/,
    );
    expect(screen.getByText("Days target met").nextElementSibling).toHaveTextContent("31");
    expect(screen.queryByText("Times done")).not.toBeInTheDocument();
  });

  it("waits for a first entry before drawing the score", async () => {
    fakeHabitsApi([buildHabit({ id: 5, name: "Meditate" })]);
    server.use(
      http.get("*/api/habits/:id/stats/", () => HttpResponse.json(buildStats({ total_done: 0, first_entry: null }))),
    );
    renderApp("/habits/5");
    expect(await screen.findByText(/The score chart appears once/)).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /^Score from/ })).not.toBeInTheDocument();
    expect(screen.getByText("Times done").nextElementSibling).toHaveTextContent("0");
  });

  it("asks again before deleting, with focus on the way back", async () => {
    fakeHabitsApi([buildHabit({ id: 5, name: "Meditate" })]);
    serveStats();
    const { user } = renderApp("/habits/5");
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    expect(screen.getByRole("button", { name: "Keep" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Delete" })).toHaveFocus();
  });

  it("says so when the habit does not exist", async () => {
    fakeHabitsApi([]);
    // The page asks for the stats alongside the habit, and the API refuses them too.
    server.use(
      http.get("*/api/habits/:id/stats/", () =>
        HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 }),
      ),
    );
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
