import { onlineManager } from "@tanstack/react-query";
import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays } from "@/lib/dates";
import { readOutbox, removeFromOutbox } from "@/lib/outbox";
import { startSync } from "@/lib/sync";
import { dropBroadcastChannel, withFileBroadcastChannel } from "@/testing/broadcast";
import { buildEntry, buildHabit, TODAY } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import type { Habit } from "../types";
import { daysThatFit } from "./today-screen";

const YESTERDAY = addDays(TODAY, -1);

function serveHabits(habits: Habit[]) {
  server.use(
    http.get("*/api/habits/", () => HttpResponse.json(habits)),
    http.get("*/api/habits/:id/entries/", () => HttpResponse.json([])),
  );
}

/** The browser loses or finds the network (TanStack Query's own listener may be detached between apps). */
function goOffline(offline: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(!offline);
  act(() => {
    onlineManager.setOnline(!offline);
    window.dispatchEvent(new Event(offline ? "offline" : "online"));
  });
}

const day = (name: string | RegExp) => screen.findByRole("button", { name });

describe("Today", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lists every habit with its streak, score and last days, the title focused", async () => {
    serveHabits([
      buildHabit({ id: 1, name: "Meditate", current_streak: 4, score: 0.56 }),
      buildHabit({ id: 2, name: "Gym", scheduled_today: false, weekdays: [1, 3] }),
    ]);
    renderApp("/");
    expect(await day("Meditate, today: not marked")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Meditate, yesterday: not marked" })).toBeInTheDocument();
    expect(screen.getByText("Streak 4")).toBeInTheDocument();
    expect(screen.getByText("Score 56%")).toBeInTheDocument();
    // 2026-03-18 is a Wednesday: Gym (Mondays and Wednesdays) is not due, yet its days are there.
    const gym = screen.getByRole("link", { name: /^Gym/ }).closest("li")!;
    expect(within(gym).getByText("Not due today")).toBeInTheDocument();
    expect(screen.getByText("0 of 1 due today done")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Today", level: 1 })).toHaveFocus();
  });

  it("ticks today with one press, shows it at once, and keeps the server's answer", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Meditate" })]);
    const { user } = renderApp("/");
    await user.click(await day("Meditate, today: not marked"));
    expect(screen.getByRole("button", { name: /^Meditate, today: done/ })).toBeInTheDocument();
    await waitFor(() =>
      expect(api.log).toEqual([{ method: "PUT", path: `1/${TODAY}`, body: { status: "done", note: "" } }]),
    );
    expect(await day("Meditate, today: done")).toBeInTheDocument();
    expect(screen.getByText("1 of 1 due today done")).toBeInTheDocument();
  });

  it("ticks yesterday from Today", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Meditate" })]);
    const { user } = renderApp("/");
    await user.click(await day("Meditate, yesterday: not marked"));
    await waitFor(() =>
      expect(api.log).toEqual([{ method: "PUT", path: `1/${YESTERDAY}`, body: { status: "done", note: "" } }]),
    );
    expect(await day("Meditate, yesterday: done")).toBeInTheDocument();
  });

  it("moves a day on with each press: done, skipped, not marked", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Run" })]);
    const { user } = renderApp("/");
    await user.click(await day("Run, today: not marked"));
    await user.click(await day("Run, today: done"));
    await user.click(await day("Run, today: skipped"));
    expect(await day("Run, today: not marked")).toBeInTheDocument();
    await waitFor(() => expect(api.log.map((call) => call.method)).toEqual(["PUT", "PUT", "DELETE"]));
    expect(api.log[1]!.body).toEqual({ status: "skipped", note: "" });
  });

  it("moves between a habit's days with the arrow keys, one tab stop per habit", async () => {
    serveHabits([buildHabit({ id: 1, name: "Read" })]);
    const { user } = renderApp("/");
    const today = await day("Read, today: not marked");
    expect(today).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("button", { name: "Read, yesterday: not marked" })).toHaveAttribute("tabindex", "-1");
    today.focus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("button", { name: "Read, yesterday: not marked" })).toHaveFocus();
    await user.keyboard("{End}");
    expect(today).toHaveFocus();
  });

  it("puts a refused check-in back and says why, in the server's words", async () => {
    serveHabits([buildHabit({ id: 1, name: "Meditate" })]);
    server.use(
      http.put("*/api/habits/1/entries/:date/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { non_field_errors: ["This day is after today (2026-03-18) in your time zone."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/");
    await user.click(await day("Meditate, today: not marked"));
    expect(await screen.findByText(/was not saved/)).toHaveTextContent(
      "“Meditate” was not saved: This day is after today (2026-03-18) in your time zone.",
    );
    expect(await day("Meditate, today: not marked")).toBeInTheDocument();
  });

  it("keeps a check-in made offline as “will sync”, and sends it when the network returns", async () => {
    const stop = startSync();
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Meditate" })]);
    const { user } = renderApp("/");
    await day("Meditate, today: not marked");
    goOffline(true);
    await user.click(screen.getByRole("button", { name: "Meditate, today: not marked" }));
    expect(await day("Meditate, today: done, will sync")).toBeInTheDocument();
    expect(screen.getByText("will sync")).toBeInTheDocument();
    expect(screen.getByText("You're offline. 1 change will sync when you're back online.")).toBeInTheDocument();
    expect(api.log).toEqual([]);
    goOffline(false);
    await waitFor(() => expect(api.log).toHaveLength(1));
    expect(await day("Meditate, today: done")).toBeInTheDocument();
    expect(screen.queryByText("will sync")).not.toBeInTheDocument();
    stop();
  });

  it("sends a check-in kept from a closed tab when the app opens again", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Meditate" })]);
    const first = renderApp("/");
    await day("Meditate, today: not marked");
    goOffline(true);
    await first.user.click(screen.getByRole("button", { name: "Meditate, today: not marked" }));
    await day("Meditate, today: done, will sync");
    first.unmount();
    goOffline(false);

    renderApp("/");
    await waitFor(() =>
      expect(api.log).toEqual([{ method: "PUT", path: `1/${TODAY}`, body: { status: "done", note: "" } }]),
    );
    expect(await day("Meditate, today: done")).toBeInTheDocument();
  });

  it("shows a check-in the service worker sent, though the app's cache has the day from before", async () => {
    withFileBroadcastChannel("today-screen.test");
    const stop = startSync();
    try {
      const api = fakeHabitsApi([buildHabit({ id: 1, name: "Meditate" })]);
      const { user } = renderApp("/");
      await day("Meditate, today: not marked");
      goOffline(true);
      await user.click(screen.getByRole("button", { name: "Meditate, today: not marked" }));
      await day("Meditate, today: done, will sync");
      // The service worker (Background Sync) sends it and takes it out of the outbox.
      const [waiting] = await waitFor(async () => {
        const items = await readOutbox();
        expect(items).toHaveLength(1);
        return items;
      });
      const { method, path, body } = waiting!.request;
      await fetch(path, { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
      await removeFromOutbox(waiting!.id);
      expect(await day("Meditate, today: done")).toBeInTheDocument();
      expect(screen.queryByText("will sync")).not.toBeInTheDocument();
      goOffline(false);
      // Still done after the refetch, and the page did not send it again.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await day("Meditate, today: done")).toBeInTheDocument();
      expect(api.log).toHaveLength(1);
    } finally {
      stop();
      dropBroadcastChannel();
    }
  });

  it("enters a measurable day's amount, refusing a bad one, and returns focus to the day", async () => {
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
    const cell = await day("Water, today: 2 glasses, target not met");
    expect(cell).toHaveTextContent("2");
    expect(screen.getByText("2 / 8 glasses so far")).toBeInTheDocument();
    await user.click(cell);
    const amount = screen.getByRole("textbox", { name: "Water, today (glasses)" });
    expect(amount).toHaveFocus();
    expect(amount).toHaveValue("2");
    await user.clear(amount);
    await user.type(amount, "abc{Enter}");
    expect(screen.getByText("Enter the amount as a number, like 2 or 1.5.")).toBeInTheDocument();
    expect(amount).toHaveValue("abc");
    expect(amount).toHaveAttribute("aria-invalid", "true");
    await user.clear(amount);
    await user.type(amount, "-5{Enter}");
    expect(screen.getByText("Enter an amount of 0 or more.")).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, "7");
    await user.click(screen.getByRole("button", { name: "Increase by 1" }));
    expect(amount).toHaveValue("8");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("✓ 8 / 8 glasses, target met")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: /^Water, today: 8 glasses/ })).toHaveFocus());
    expect(api.log.map((call) => call.body)).toEqual([{ status: "done", value: 8, note: "" }]);
  });

  it("closes the amount editor on Escape, returning focus to the day, and skips a day from it", async () => {
    const api = fakeHabitsApi([
      buildHabit({ id: 3, name: "Water", kind: "numeric", unit: "glasses", target_value: 8 }),
    ]);
    const { user } = renderApp("/");
    await user.click(await day("Water, yesterday: not marked"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: /Water, yesterday/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Water, yesterday: not marked" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("button", { name: "Skip day" }));
    await waitFor(() =>
      expect(api.log).toEqual([{ method: "PUT", path: `3/${YESTERDAY}`, body: { status: "skipped", note: "" } }]),
    );
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
    expect(screen.getByRole("button", { name: "Coffee, today: 3 cups, over the limit" })).toBeInTheDocument();
  });

  it("writes a note on an unmarked day, saying what the day is recorded as, and returns focus", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Run" })]);
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Add note for Run" }));
    const note = screen.getByRole("textbox", { name: "Note for Run, today" });
    expect(note).toHaveFocus();
    expect(note).toHaveAttribute("maxlength", "1000");
    expect(screen.getByRole("radio", { name: "Just the note" })).toBeChecked();
    await user.type(note, "Sore knee");
    expect(screen.getByText("9 of 1000 characters")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Skipped" }));
    await user.click(screen.getByRole("button", { name: "Save note" }));
    expect(await screen.findByText("“Sore knee”")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit note for Run" })).toHaveFocus());
    expect(api.log.map((call) => call.body)).toEqual([{ status: "skipped", value: null, note: "Sore knee" }]);
  });

  it("keeps a note alone without a status: the day stays unmarked", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Run" })]);
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Add note for Run" }));
    await user.type(screen.getByRole("textbox", { name: "Note for Run, today" }), "Rain all day");
    await user.click(screen.getByRole("button", { name: "Save note" }));
    expect(await screen.findByText("“Rain all day”")).toBeInTheDocument();
    expect(api.log.map((call) => call.body)).toEqual([{ status: null, value: null, note: "Rain all day" }]);
    expect(screen.getByRole("button", { name: /^Run, today: not marked, with a note/ })).toBeInTheDocument();
    // Marking the day afterwards keeps the note.
    await user.click(screen.getByRole("button", { name: "Edit note for Run" }));
    expect(screen.getByRole("radio", { name: "Just the note" })).toBeChecked();
  });

  it("keeps a note the server refuses, with its reason, and closes on Escape", async () => {
    serveHabits([buildHabit({ id: 1, name: "Run", today_entry: buildEntry({ status: "done" }) })]);
    server.use(
      http.put("*/api/habits/1/entries/:date/", () =>
        HttpResponse.json(
          {
            detail: "The request has invalid fields.",
            code: "invalid",
            errors: { note: ["Ensure this field has no more than 1000 characters."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Add note for Run" }));
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
    const note = screen.getByRole("textbox", { name: "Note for Run, today" });
    await user.type(note, "A long story");
    await user.click(screen.getByRole("button", { name: "Save note" }));
    expect(await screen.findByText("Ensure this field has no more than 1000 characters.")).toBeInTheDocument();
    expect(note).toHaveValue("A long story");
    expect(note).toHaveAttribute("aria-invalid", "true");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Note for Run, today" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add note for Run" })).toHaveFocus();
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
        HttpResponse.json({ detail: "Something went wrong on our side.", code: "server_error" }, { status: 500 }),
      ),
    );
    renderApp("/");
    expect(await screen.findByText("Something went wrong on our side.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});

describe("the days that fit", () => {
  it.each([
    [0, 7],
    [358, 5],
    [712, 11],
    [2000, 14],
    [150, 3],
  ])("a list %i px wide shows %i days", (width, days) => {
    expect(daysThatFit(width)).toBe(days);
  });
});
