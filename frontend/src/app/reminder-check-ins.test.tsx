import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { queueReminderAction, readQueuedActions } from "@/lib/reminders";
import { buildHabit } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

/** GET /api/habits/ answering Meditate, with or without today's check-in; counts the requests. */
function serveHabits() {
  const state = { done: false, lists: 0 };
  server.use(
    http.get("*/api/habits/", () => {
      state.lists += 1;
      return HttpResponse.json([
        buildHabit({
          id: 7,
          name: "Meditate",
          today_entry: state.done ? { date: "2026-03-18", status: "done", value: null, note: "" } : null,
        }),
      ]);
    }),
    http.get("*/api/habits/:id/entries/", () => HttpResponse.json([])),
  );
  return state;
}

afterEach(async () => {
  Reflect.deleteProperty(navigator, "serviceWorker");
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase("habits-reminders");
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe("check-ins made from a reminder's notification", () => {
  it("are sent when the app opens if the worker had to keep them offline", async () => {
    await queueReminderAction({ tag: "reminder-7-2026-03-18", token: "signed", action: "done" });
    const state = serveHabits();
    const sent: unknown[] = [];
    server.use(
      http.post("*/api/reminders/act/", async ({ request }) => {
        sent.push(await request.json());
        state.done = true;
        return HttpResponse.json({ habit: 7, date: "2026-03-18", status: "done" });
      }),
    );
    renderApp("/");
    await waitFor(() => expect(sent).toEqual([{ token: "signed", action: "done" }]));
    await waitFor(async () => expect(await readQueuedActions()).toEqual([]));
    expect(await screen.findByRole("button", { name: /^Meditate, today: done/ })).toBeInTheDocument();
  });

  it("made by the worker while the app is open refresh what it shows", async () => {
    const worker = new EventTarget();
    Object.defineProperty(navigator, "serviceWorker", { configurable: true, value: worker });
    const state = serveHabits();
    renderApp("/");
    expect(await screen.findByRole("button", { name: /^Meditate, today: not marked/ })).toBeInTheDocument();
    state.done = true;
    worker.dispatchEvent(
      new MessageEvent("message", { data: { type: "reminder-acted", habit: 7, date: "2026-03-18" } }),
    );
    expect(await screen.findByRole("button", { name: /^Meditate, today: done/ })).toBeInTheDocument();
  });
});
