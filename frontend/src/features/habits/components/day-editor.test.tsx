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
  return screen.findByRole("gridcell", { name: (name) => name.startsWith(`${formatLong(date)}:`) });
}

function calendar() {
  return screen.getByRole("grid", { name: /the last year/ });
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
  it("keeps a note alone without a status, and clears the day when that note is emptied", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: null, note: "Travelling" }));
    const { user } = await openDay(meditate());
    expect(screen.getByRole("radio", { name: "No status" })).toBeChecked();
    expect(await dayButton(DAY)).toHaveAccessibleName(/: not marked, with a note/);
    await user.clear(screen.getByLabelText("Note"));
    await user.click(screen.getByRole("button", { name: "Save day" }));
    await waitFor(() => expect(api.log).toEqual([{ method: "DELETE", path: `5/${DAY}`, body: null }]));
  });

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
    expect(amount).toHaveAccessibleDescription("Enter the amount as a number, like 2 or 1.5.");
    await user.type(amount, "-1");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(screen.getByText("Enter an amount of 0 or more.")).toBeInTheDocument();
    expect(amount).toHaveValue("-1");
    expect(amount).toHaveFocus();
    await user.clear(amount);
    await user.type(amount, "1000000000000");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(screen.getByText(/Enter an amount below 1/)).toBeInTheDocument();
    expect(api.log).toEqual([]);

    await user.clear(amount);
    await user.type(amount, "4,5");
    await user.type(screen.getByLabelText("Note"), "  Hills  ");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    await waitFor(() => expect(screen.queryByRole("heading", { level: 3 })).not.toBeInTheDocument());
    expect(calendar()).toHaveFocus();
    await waitFor(async () =>
      expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: 4.5 km, target not met`),
    );
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
    await waitFor(async () => expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: not marked`));
    expect(calendar()).toHaveFocus();
    expect(api.log).toEqual([{ method: "DELETE", path: `5/${DAY}`, body: null }]);
  });

  it("closes without saving anything", async () => {
    const api = serve(meditate());
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("radio", { name: "Not done" }));
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("heading", { level: 3 })).not.toBeInTheDocument();
    expect(calendar()).toHaveFocus();
    expect(api.log).toEqual([]);
  });

  it("closes on Escape, returning focus to the calendar", async () => {
    const api = serve(meditate());
    const { user } = await openDay(meditate());
    await user.type(screen.getByLabelText("Note"), "Not this");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("heading", { level: 3 })).not.toBeInTheDocument();
    expect(calendar()).toHaveFocus();
    expect(api.log).toEqual([]);
  });

  it("opens any day of the year from the date picker, and returns focus there", async () => {
    const api = serve(meditate());
    const { user } = renderApp("/habits/5");
    const picker = await screen.findByLabelText("Day");
    expect(picker).toHaveValue("2026-03-17");
    await user.clear(picker);
    await user.type(picker, "2026-02-01");
    await user.click(screen.getByRole("button", { name: "Edit this day" }));
    expect(await screen.findByRole("heading", { name: formatLong("2026-02-01"), level: 3 })).toHaveFocus();
    expect(screen.getByLabelText("Note")).toHaveAttribute("maxlength", "1000");
    expect(screen.getByText("0 of 1000 characters")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save day" }));
    await waitFor(() => expect(picker).toHaveFocus());
    expect(api.log).toEqual([{ method: "PUT", path: "5/2026-02-01", body: { status: "done", value: null, note: "" } }]);
  });

  it("keeps the editor, what was typed and the reason when the server refuses, and puts the day back", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: "skipped" }));
    server.use(
      http.put("*/api/habits/5/entries/:date/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { non_field_errors: ["That day is before the habit began."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("radio", { name: "Done" }));
    await user.type(screen.getByLabelText("Note"), "Kept");
    await user.click(screen.getByRole("button", { name: "Save day" }));
    expect(
      await screen.findByText(/“Meditate” for (10 Mar|Mar 10) was not saved: That day is before the habit began./),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: formatLong(DAY), level: 3 })).toBeInTheDocument();
    expect(screen.getByLabelText("Note")).toHaveValue("Kept");
    await waitFor(async () => expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: skipped`));
  });

  it("keeps a change the server could not take now, to send it again later", async () => {
    const api = serve(meditate());
    api.entries.set(`5/${DAY}`, buildEntry({ date: DAY, status: "done" }));
    let attempts = 0;
    server.use(
      http.delete("*/api/habits/5/entries/:date/", () => {
        attempts += 1;
        return HttpResponse.json({ detail: "The server had a problem.", code: "server_error" }, { status: 500 });
      }),
    );
    const { user } = await openDay(meditate());
    await user.click(screen.getByRole("button", { name: "Clear day" }));
    await waitFor(() => expect(attempts).toBe(1));
    await waitFor(async () =>
      expect(await dayButton(DAY)).toHaveAccessibleName(`${formatLong(DAY)}: not marked, will sync`),
    );
    expect(screen.queryByText(/was not cleared|was not saved/)).not.toBeInTheDocument();
    expect(api.entries.has(`5/${DAY}`)).toBe(true);
  });
});
