import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { formatLong } from "@/lib/dates";
import { buildEntry, buildHabit, buildStats } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import type { Habit } from "../types";

const DAY = "2026-03-10";

/** The fake habits API with one habit and its stats; returns the fake's state and request log. */
function serve(habit: Habit) {
  const api = fakeHabitsApi([habit]);
  server.use(http.get("*/api/habits/:id/stats/", () => HttpResponse.json(buildStats())));
  return api;
}

function dayButton(date: string) {
  return screen.findByRole("button", { name: (name) => name.startsWith(`${formatLong(date)}:`) });
}

/** Opens the habit's page and the editor of a day, as a user would: through the calendar. */
async function openDay(habit: Habit, date = DAY) {
  const view = renderApp(`/habits/${habit.id}`);
  await view.user.click(await dayButton(date));
  expect(await screen.findByRole("heading", { name: formatLong(date), level: 3 })).toHaveFocus();
  return view;
}

const meditate = () => buildHabit({ id: 5, name: "Meditate" });
const run = () => buildHabit({ id: 6, name: "Run", kind: "numeric", unit: "km", target_value: 5 });

describe("day editor", () => {
  it("opens on the chosen day with its entry filled in", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: "skipped", note: "Rain" }));
    await openDay(meditate());
    expect(screen.getByRole("radio", { name: "Skipped (does not break the streak)" })).toBeChecked();
    expect(screen.getByLabelText("Note")).toHaveValue("Rain");
    expect(screen.getByRole("button", { name: "Clear day" })).toBeInTheDocument();
  });

  it("starts an empty day as done, with nothing to clear", async () => {
    serve(meditate());
    await openDay(meditate());
    expect(screen.getByRole("radio", { name: "Done" })).toBeChecked();
    expect(screen.queryByRole("button", { name: "Clear day" })).not.toBeInTheDocument();
  });

  it("records a measurable habit's amount, refusing a missing or negative one", async () => {
    const api = serve(run());
    const { user } = await openDay(run());
    expect(screen.getByRole("radio", { name: "Record an amount" })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Save day" }));
    const amount = screen.getByLabelText("Amount (km)");
    expect(amount).toHaveAttribute("aria-invalid", "true");
    expect(amount).toHaveAccessibleDescription("⚠ Enter the amount, 0 or more.");
    await user.type(amount, "-1");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(screen.getByText(/Enter the amount, 0 or more./)).toBeInTheDocument();
    expect(api.log).toEqual([]);

    await user.clear(amount);
    await user.type(amount, "4,5");
    await user.type(screen.getByLabelText("Note"), "  Hills  ");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(screen.queryByRole("heading", { level: 3 })).not.toBeInTheDocument();
    expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: 4.5 km, target not met`);
    expect(api.log).toEqual([{ method: "PUT", path: `6/${DAY}`, body: { status: "done", value: 4.5, note: "Hills" } }]);
  });

  it("asks for no amount when a measurable day was skipped or not done", async () => {
    const api = serve(run());
    const { user } = await openDay(run());
    await user.click(screen.getByRole("radio", { name: "Not done" }));
    expect(screen.queryByLabelText("Amount (km)")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save day" }));
    await waitFor(() =>
      expect(api.log).toEqual([
        { method: "PUT", path: `6/${DAY}`, body: { status: "not_done", value: null, note: "" } },
      ]),
    );
  });

  it("clears a day", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: "done" }));
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("button", { name: "Clear day" }));
    expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: no entry`);
    expect(api.log).toEqual([{ method: "DELETE", path: `5/${DAY}`, body: null }]);
  });

  it("closes without saving anything", async () => {
    const api = serve(meditate());
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("radio", { name: "Not done" }));
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("heading", { level: 3 })).not.toBeInTheDocument();
    expect(api.log).toEqual([]);
  });

  it("puts the day back and says why when the server refuses a save, after the editor has closed", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: "skipped" }));
    server.use(
      http.put("*/api/habits/5/entries/:date/", () =>
        HttpResponse.json({ detail: "That day is before the habit began.", code: "invalid" }, { status: 400 }),
      ),
    );
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("radio", { name: "Done" }));
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(
      await screen.findByText("“Meditate” was not saved: That day is before the habit began."),
    ).toBeInTheDocument();
    expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: skipped`);
  });

  it("puts the day back and says why when the server refuses to clear it", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: "done" }));
    server.use(
      http.delete("*/api/habits/5/entries/:date/", () =>
        HttpResponse.json({ detail: "The server had a problem.", code: "error" }, { status: 500 }),
      ),
    );
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("button", { name: "Clear day" }));
    expect(await screen.findByText("“Meditate” was not cleared: The server had a problem.")).toBeInTheDocument();
    expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: done`);
  });
});
