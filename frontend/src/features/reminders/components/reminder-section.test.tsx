import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildHabit, buildStats } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import type { ReminderInput, ReminderSummary } from "../api/contract";

type Habit = ReturnType<typeof buildHabit>;

const NEXT = "2026-03-19T06:30:00Z";

/** The habit page's API, with the reminder endpoint keeping the habit's `reminder` as the server would. */
function serveHabit(habit: Habit, reminder: ReminderSummary | null = null) {
  const api = fakeHabitsApi([{ ...habit, reminder }]);
  const log: { method: string; body: unknown }[] = [];
  const stored = () => api.habits.get(habit.id)!;
  server.use(
    http.get("*/api/habits/:id/stats/", () => HttpResponse.json(buildStats())),
    http.put("*/api/habits/:id/reminder/", async ({ request }) => {
      const body = (await request.json()) as ReminderInput;
      log.push({ method: "PUT", body });
      stored().reminder = body;
      return HttpResponse.json({ ...body, next: NEXT });
    }),
    http.delete("*/api/habits/:id/reminder/", () => {
      log.push({ method: "DELETE", body: null });
      stored().reminder = null;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { log, stored };
}

const section = async () => within(await screen.findByRole("region", { name: "Reminder" }));
const dayBox = (region: ReturnType<typeof within>, name: string) =>
  region.getByRole("checkbox", { name: new RegExp(`^${name}`) });

describe("a habit's reminder", () => {
  it("starts from the habit's scheduled days and saves them as the habit's (null)", async () => {
    const { log, stored } = serveHabit(buildHabit({ id: 5, name: "Meditate", weekdays: [1, 3, 5] }));
    const { user } = renderApp("/habits/5");
    const region = await section();
    expect(region.getByRole("status")).toHaveTextContent("No reminder yet.");
    expect(region.getByRole("group", { name: "Days" })).toBeInTheDocument();
    expect(dayBox(region, "Mon")).toBeChecked();
    expect(dayBox(region, "Tue")).not.toBeChecked();
    expect(dayBox(region, "Wed")).toBeChecked();
    expect(dayBox(region, "Fri")).toBeChecked();
    expect(region.getByRole("radio", { name: /Notification/ })).toBeChecked();

    await user.clear(region.getByLabelText("Time"));
    await user.type(region.getByLabelText("Time"), "07:30");
    await user.click(region.getByRole("radio", { name: /Email/ }));
    await user.click(region.getByRole("button", { name: "Add reminder" }));

    await waitFor(() =>
      expect(log).toEqual([{ method: "PUT", body: { time: "07:30", weekdays: null, channel: "email" } }]),
    );
    expect(await region.findByText(/^Reminds you at 07:30; next: /)).toBeInTheDocument();
    expect(await screen.findByText("Reminder saved.")).toBeInTheDocument();
    expect(stored().reminder).toEqual({ time: "07:30", weekdays: null, channel: "email" });
  });

  it("sends chosen days, Monday = 0, and asks for at least one before sending anything", async () => {
    const { log } = serveHabit(buildHabit({ id: 5, name: "Meditate" }));
    const { user } = renderApp("/habits/5");
    const region = await section();
    // An every-day habit: all seven are its days.
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) await user.click(dayBox(region, day));
    await user.click(region.getByRole("button", { name: "Add reminder" }));
    expect(await region.findByRole("alert")).toHaveTextContent("Choose at least one day.");
    expect(log).toEqual([]);

    await user.click(dayBox(region, "Sun"));
    await user.click(dayBox(region, "Tue"));
    await user.click(region.getByRole("button", { name: "Add reminder" }));
    await waitFor(() =>
      expect(log).toEqual([{ method: "PUT", body: { time: "09:00", weekdays: [1, 6], channel: "push" } }]),
    );
    expect(region.queryByText("Choose at least one day.")).not.toBeInTheDocument();
  });

  it("shows the saved reminder and removes it", async () => {
    const { log, stored } = serveHabit(buildHabit({ id: 5, name: "Meditate", weekdays: [1, 2, 3, 4, 5] }), {
      time: "21:15",
      weekdays: [5, 6],
      channel: "push",
    });
    const { user } = renderApp("/habits/5");
    const region = await section();
    expect(region.getByRole("status")).toHaveTextContent("Reminds you at 21:15.");
    expect(region.getByLabelText("Time")).toHaveValue("21:15");
    expect(dayBox(region, "Sat")).toBeChecked();
    expect(dayBox(region, "Sun")).toBeChecked();
    expect(dayBox(region, "Mon")).not.toBeChecked();

    await user.click(region.getByRole("button", { name: "Remove reminder" }));
    await waitFor(() => expect(log).toEqual([{ method: "DELETE", body: null }]));
    expect(await region.findByText("No reminder yet.")).toBeInTheDocument();
    expect(region.queryByRole("button", { name: "Remove reminder" })).not.toBeInTheDocument();
    expect(stored().reminder).toBeNull();
  });

  it("shows the server's reason beside the field it concerns, keeping what was typed", async () => {
    serveHabit(buildHabit({ id: 5, name: "Meditate" }));
    server.use(
      http.put("*/api/habits/:id/reminder/", () =>
        HttpResponse.json(
          { detail: "The request has invalid fields.", code: "invalid", errors: { time: ["Enter a valid time."] } },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/habits/5");
    const region = await section();
    await user.clear(region.getByLabelText("Time"));
    await user.type(region.getByLabelText("Time"), "06:45");
    await user.click(region.getByRole("button", { name: "Add reminder" }));
    expect(await region.findByText("Enter a valid time.")).toBeInTheDocument();
    expect(region.getByLabelText("Time")).toHaveAttribute("aria-invalid", "true");
    expect(region.getByLabelText("Time")).toHaveValue("06:45");
    expect(region.getByRole("status")).toHaveTextContent("No reminder yet.");
  });

  it("explains a refusal that concerns no field (another user's habit answers 404)", async () => {
    serveHabit(buildHabit({ id: 5, name: "Meditate" }));
    server.use(
      http.put("*/api/habits/:id/reminder/", () =>
        HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 }),
      ),
    );
    const { user } = renderApp("/habits/5");
    const region = await section();
    await user.click(region.getByRole("button", { name: "Add reminder" }));
    expect(await region.findByRole("alert")).toHaveTextContent("Not found.");
  });
});
