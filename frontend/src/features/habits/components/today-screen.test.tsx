import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildEntry, buildHabit, TODAY } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { fakeHabitsApi } from "@/testing/fake-api";
import { server } from "@/testing/server";
import type { Habit } from "../types";

function serveHabits(habits: Habit[]) {
  server.use(http.get("*/api/habits/", () => HttpResponse.json(habits)));
}

describe("Today", () => {
  it("lists habits scheduled today with their streak, score and a named check-in", async () => {
    serveHabits([
      buildHabit({ id: 1, name: "Meditate", current_streak: 4, score: 0.56 }),
      buildHabit({ id: 2, name: "Gym", scheduled_today: false }),
    ]);
    renderApp("/");
    const checkbox = await screen.findByRole("checkbox", { name: "Meditate" });
    expect(checkbox).toHaveAttribute("aria-checked", "false");
    expect(screen.getByText("Streak 4")).toBeInTheDocument();
    expect(screen.getByText("Score 56%")).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Gym" })).not.toBeInTheDocument();
    expect(screen.getByText("Not due today (1)")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Today", level: 1 })).toHaveFocus();
  });

  it("checks in with one tap, optimistically, and keeps the server's answer", async () => {
    let habit = buildHabit({ id: 1, name: "Meditate" });
    let sent: unknown = null;
    server.use(
      http.get("*/api/habits/", () => HttpResponse.json([habit])),
      http.put("*/api/habits/1/entries/:date/", async ({ request, params }) => {
        sent = { date: params.date, body: await request.json() };
        habit = { ...habit, today_entry: buildEntry(), current_streak: 1 };
        return HttpResponse.json(buildEntry());
      }),
    );
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("checkbox", { name: "Meditate" }));
    expect(screen.getByRole("checkbox", { name: "Meditate" })).toHaveAttribute("aria-checked", "true");
    expect(await screen.findByText("Streak 1")).toBeInTheDocument();
    expect(sent).toEqual({ date: TODAY, body: { status: "done", note: "" } });
    expect(screen.getByText("1 of 1 done")).toBeInTheDocument();
  });

  it("rolls a refused check-in back and says why", async () => {
    serveHabits([buildHabit({ id: 1, name: "Meditate" })]);
    server.use(
      http.put("*/api/habits/1/entries/:date/", () =>
        HttpResponse.json({ detail: "You cannot check in on a future day.", code: "invalid" }, { status: 400 }),
      ),
    );
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("checkbox", { name: "Meditate" }));
    const alert = await screen.findByText(/was not saved/);
    expect(alert).toHaveTextContent("“Meditate” was not saved: You cannot check in on a future day.");
    expect(screen.getByRole("checkbox", { name: "Meditate" })).toHaveAttribute("aria-checked", "false");
  });

  it("unchecks a done habit by clearing the day", async () => {
    let cleared = false;
    serveHabits([buildHabit({ id: 1, name: "Meditate", today_entry: buildEntry() })]);
    server.use(
      http.delete("*/api/habits/1/entries/:date/", () => {
        cleared = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp("/");
    const checkbox = await screen.findByRole("checkbox", { name: "Meditate" });
    expect(checkbox).toHaveAttribute("aria-checked", "true");
    await user.click(checkbox);
    await waitFor(() => expect(cleared).toBe(true));
  });

  it("steps a measurable habit's amount up and down and shows progress against the target", async () => {
    const api = fakeHabitsApi([
      buildHabit({
        id: 3,
        name: "Water",
        kind: "numeric",
        unit: "glasses",
        target_value: 8,
        today_entry: buildEntry({ value: 2 }),
      }),
    ]);
    const { user } = renderApp("/");
    const amount = () => screen.getByRole("textbox", { name: "Water (glasses)" });
    expect(await screen.findByRole("textbox", { name: "Water (glasses)" })).toHaveValue("2");
    expect(screen.getByText("2 / 8 glasses so far")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Increase Water by 1" }));
    await waitFor(() => expect(amount()).toHaveValue("3"));
    await user.click(screen.getByRole("button", { name: "Decrease Water by 1" }));
    await waitFor(() => expect(amount()).toHaveValue("2"));
    await user.clear(amount());
    await user.type(amount(), "8{Enter}");
    expect(await screen.findByText("✓ 8 / 8 glasses, target met")).toBeInTheDocument();
    expect(amount()).toHaveAccessibleDescription("✓ 8 / 8 glasses, target met");
    expect(api.log.map((call) => call.body)).toEqual([
      { status: "done", value: 3, note: "" },
      { status: "done", value: 2, note: "" },
      { status: "done", value: 8, note: "" },
    ]);
  });

  it("flags an at-most habit that went over its limit in words, not only colour", async () => {
    serveHabits([
      buildHabit({
        id: 4,
        name: "Coffee",
        kind: "numeric",
        unit: "cups",
        target_type: "at_most",
        target_value: 2,
        today_entry: buildEntry({ value: 3 }),
      }),
    ]);
    renderApp("/");
    expect(await screen.findByText("3 / 2 cups, over the limit")).toBeInTheDocument();
  });

  it("skips a day and saves a note", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Run" })]);
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Skip Run today" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Skip Run today" })).toHaveAttribute("aria-pressed", "true"),
    );
    await user.click(screen.getByRole("button", { name: "Add note for Run" }));
    const row = screen.getByRole("checkbox", { name: "Run" }).closest("li")!;
    await user.type(within(row).getByLabelText("Note for Run"), "Sore knee");
    await user.click(within(row).getByRole("button", { name: "Save note" }));
    expect(await screen.findByText("“Sore knee”")).toBeInTheDocument();
    expect(api.log.map((call) => call.body)).toEqual([
      { status: "skipped", note: "" },
      { status: "skipped", value: null, note: "Sore knee" },
    ]);
  });

  it("tells a new user how to start", async () => {
    serveHabits([]);
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "No habits yet" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create your first habit" })).toHaveAttribute("href", "/habits/new");
  });

  it("offers a retry when the list cannot load", async () => {
    // A 500: a 503 is retried for a while as a server waking up (lib/api-client.ts, waking-banner.test.tsx).
    server.use(
      http.get("*/api/habits/", () =>
        HttpResponse.json({ detail: "The server had a problem.", code: "server_error" }, { status: 500 }),
      ),
    );
    renderApp("/");
    expect(await screen.findByText("The server had a problem.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
