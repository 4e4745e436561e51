import { act, fireEvent, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { activateLocale } from "@/lib/i18n";
import { buildHabit, buildUser } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server, signedInAs } from "@/testing/server";
import { dayState } from "./day-state";
import { formatScore, scheduleSummary, streakRule, targetSummary } from "./format";

describe("the habit screens in German", () => {
  it("shows Today with German headings, buttons, day names and a German long date, and switches back", async () => {
    await activateLocale("de");
    signedInAs(buildUser({ language: "de" }));
    server.use(
      http.get("*/api/habits/", () =>
        HttpResponse.json([buildHabit({ id: 1, name: "Meditate", current_streak: 4, score: 0.56 })]),
      ),
      http.get("*/api/habits/:id/entries/", () => HttpResponse.json([])),
    );
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Heute", level: 1 })).toBeInTheDocument();
    // TODAY (2026-03-18) is a Wednesday.
    expect(screen.getByText("Mittwoch, 18. März")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Neue Gewohnheit/ })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Meditate, heute: nicht markiert" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Meditate, gestern: nicht markiert" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Notiz zu Meditate hinzufügen" })).toBeInTheDocument();
    expect(screen.getByText("Serie 4")).toBeInTheDocument();
    expect(screen.getByText(/^Punktzahl 56\s%$/)).toBeInTheDocument();
    expect(screen.getByText("0 von 1 heute fälligen erledigt")).toBeInTheDocument();

    await act(() => activateLocale("en"));
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/^Wednesday,? (18 March|March 18)$/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Meditate, today: not marked" })).toBeInTheDocument();
  });

  it("labels the habit form in German and says what is wrong in German", async () => {
    await activateLocale("de");
    signedInAs(buildUser({ language: "de" }));
    fakeHabitsApi([]);
    const { user, container } = renderApp("/habits/new");
    const name = await screen.findByLabelText("Name");
    expect(screen.getByLabelText("Frage (optional)")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Wie oft" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Blau" })).toBeInTheDocument();
    expect(screen.getByText("Plan: Jeden Tag")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: /Messbar/ }));
    expect(screen.getByLabelText("Zielmenge")).toBeInTheDocument();
    fireEvent.submit(container.querySelector("form.habit-form")!);
    expect(await screen.findByText("Gib der Gewohnheit einen Namen.")).toBeInTheDocument();
    expect(screen.getByText("Gib ein Ziel von 0 oder mehr ein.")).toBeInTheDocument();
    expect(name).toHaveFocus();
  });

  it("writes numbers, percentages, weekdays and plurals the German way", async () => {
    await activateLocale("de");
    const habit = buildHabit({ kind: "numeric", target_value: 1.5, unit: "km" });
    expect(targetSummary(habit)).toBe("Mindestens 1,5 km");
    expect(dayState(habit, { date: "2026-03-18", status: "done", value: 2.25, note: "" }).label).toBe(
      "2,25 km, Ziel erreicht",
    );
    expect(formatScore(0.42)).toMatch(/^42\s%$/);
    expect(scheduleSummary(buildHabit({ frequency: { times: 3, days: 7 }, period: "calendar" }))).toBe(
      "3 Mal pro Kalenderwoche",
    );
    expect(scheduleSummary(buildHabit({ weekdays: [1, 3, 5] }))).toBe("Am Mo, Mi, Fr");
    expect(streakRule(buildHabit({ frequency: { times: 1, days: 30 }, period: "calendar" }))).toContain(
      "jeweils 1 Mal erreicht haben",
    );
    await activateLocale("es");
    expect(targetSummary(habit)).toBe("Al menos 1,5 km");
    expect(scheduleSummary(buildHabit({ frequency: { times: 1, days: 7 }, period: "calendar" }))).toBe(
      "1 vez por semana natural",
    );
  });
});
