import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildGroup, buildHabit, buildStats } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { requestRules } from "@/types/api-rules";

function captureCreate(status = 201, error?: unknown) {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.post("*/api/habits/", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      if (error) return HttpResponse.json(error, { status });
      return HttpResponse.json(buildHabit({ ...(body as object), id: 50 }), { status });
    }),
  );
  return bodies;
}

describe("habit form", () => {
  it("creates a daily yes/no habit and returns to Today", async () => {
    fakeHabitsApi([]);
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    expect(await screen.findByRole("heading", { name: "New habit", level: 1 })).toHaveFocus();
    await user.type(screen.getByLabelText("Name"), "Meditate");
    await user.type(screen.getByLabelText("Question (optional)"), "Did you meditate?");
    await user.click(screen.getByRole("radio", { name: "Blue" }));
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    expect(bodies[0]).toEqual({
      name: "Meditate",
      question: "Did you meditate?",
      description: "",
      color: "#3866c9",
      kind: "boolean",
      unit: "",
      target_value: null,
      target_type: "at_least",
      frequency: { times: 1, days: 1 },
      weekdays: [],
      period: "rolling",
      group: null,
    });
  });

  it("creates a measurable at-most habit three times per calendar week", async () => {
    fakeHabitsApi([]);
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    await user.type(await screen.findByLabelText("Name"), "Sweets");
    await user.click(screen.getByRole("radio", { name: /Measurable/ }));
    await user.selectOptions(screen.getByLabelText("Target type"), "At most");
    await user.type(screen.getByLabelText("Target amount"), "2");
    await user.type(screen.getByLabelText("Unit"), "pieces");
    await user.selectOptions(screen.getByLabelText("Frequency"), "A number of times per week");
    await user.clear(screen.getByLabelText("Times"));
    await user.type(screen.getByLabelText("Times"), "3");
    await user.click(screen.getByRole("radio", { name: "Per calendar week (Monday to Sunday)" }));
    expect(screen.getByText("Schedule: 3 times per calendar week")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    await screen.findByRole("heading", { name: "Today", level: 1 });
    expect(bodies[0]).toMatchObject({
      kind: "numeric",
      unit: "pieces",
      target_value: 2,
      target_type: "at_most",
      frequency: { times: 3, days: 7 },
      period: "calendar",
    });
  });

  it("offers N per month, counted in any 30 days or per calendar month", async () => {
    fakeHabitsApi([]);
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    await user.type(await screen.findByLabelText("Name"), "Call Mum");
    await user.selectOptions(screen.getByLabelText("Frequency"), "A number of times per month");
    await user.clear(screen.getByLabelText("Times"));
    await user.type(screen.getByLabelText("Times"), "4");
    expect(screen.getByText("Schedule: 4 times in 30 days")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Per calendar month" }));
    expect(screen.getByText("Schedule: 4 times per calendar month")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    await screen.findByRole("heading", { name: "Today", level: 1 });
    expect(bodies[0]).toMatchObject({ frequency: { times: 4, days: 30 }, period: "calendar" });
  });

  it("counts “N in D days” in any window of days, offering calendar counting only for weeks and months", async () => {
    fakeHabitsApi([]);
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    await user.type(await screen.findByLabelText("Name"), "Swim");
    await user.selectOptions(screen.getByLabelText("Frequency"), "A number of times per week");
    await user.click(screen.getByRole("radio", { name: "Per calendar week (Monday to Sunday)" }));
    await user.selectOptions(screen.getByLabelText("Frequency"), "A number of times in a number of days");
    expect(screen.queryByRole("group", { name: "Count the times" })).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText("Days"));
    await user.type(screen.getByLabelText("Days"), "10");
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    await screen.findByRole("heading", { name: "Today", level: 1 });
    expect(bodies[0]).toMatchObject({ frequency: { times: 1, days: 10 }, period: "rolling" });
  });

  it("shows a habit's fixed-block counting (from a Loop import) so it can be seen and changed", async () => {
    fakeHabitsApi([buildHabit({ id: 9, name: "Dentist", frequency: { times: 2, days: 10 }, period: "calendar" })]);
    const { user } = renderApp("/habits/9/edit");
    expect(await screen.findByRole("radio", { name: "In fixed blocks of 10 days" })).toBeChecked();
    expect(screen.getByText("Schedule: 2 times in each fixed block of 10 days")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "In any 10 days in a row" }));
    expect(screen.getByText("Schedule: 2 times in 10 days")).toBeInTheDocument();
  });

  it("goes to Today on Cancel when opened from outside the app, and back when opened from it", async () => {
    fakeHabitsApi([]);
    const { user } = renderApp("/habits/new");
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByRole("heading", { name: "Today", level: 1 })).toBeInTheDocument();
    await user.click(screen.getByRole("navigation", { name: "Main" }).querySelector("a[href='/habits']")!);
    await user.click(await screen.findByRole("link", { name: "New habit" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByRole("heading", { name: "Habits", level: 1 })).toBeInTheDocument();
  });

  it("takes a target of 0: at most 0 is abstinence", async () => {
    fakeHabitsApi([]);
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    await user.type(await screen.findByLabelText("Name"), "No sugar");
    await user.click(screen.getByRole("radio", { name: /Measurable/ }));
    await user.selectOptions(screen.getByLabelText("Target type"), "At most");
    await user.type(screen.getByLabelText("Target amount"), "0");
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    await screen.findByRole("heading", { name: "Today", level: 1 });
    expect(bodies[0]).toMatchObject({ kind: "numeric", target_value: 0, target_type: "at_most" });
  });

  it("schedules chosen weekdays", async () => {
    fakeHabitsApi([]);
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    await user.type(await screen.findByLabelText("Name"), "Gym");
    await user.selectOptions(screen.getByLabelText("Frequency"), "On chosen weekdays");
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    expect(await screen.findByText(/Choose at least one day/)).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Fri" }));
    await user.click(screen.getByRole("checkbox", { name: "Mon" }));
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    await screen.findByRole("heading", { name: "Today", level: 1 });
    expect(bodies[0]).toMatchObject({ frequency: { times: 1, days: 1 }, weekdays: [1, 5] });
  });

  it("catches a missing name and target before sending, and focuses the first problem", async () => {
    const bodies = captureCreate();
    const { user } = renderApp("/habits/new");
    await user.click(await screen.findByRole("radio", { name: /Measurable/ }));
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    expect(screen.getByText("Give the habit a name.")).toBeInTheDocument();
    expect(screen.getByText("Enter a target of 0 or more.")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveFocus();
    expect(bodies).toHaveLength(0);
  });

  it("shows the server's field errors", async () => {
    captureCreate(400, {
      detail: "Invalid input.",
      code: "invalid",
      errors: { name: ["You already have a habit with this name."] },
    });
    const { user } = renderApp("/habits/new");
    await user.type(await screen.findByLabelText("Name"), "Read");
    await user.click(screen.getByRole("button", { name: "Create habit" }));
    expect(await screen.findByText("You already have a habit with this name.")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
  });

  it("puts a habit in one of the user's groups, and takes it out again", async () => {
    const api = fakeHabitsApi(
      [buildHabit({ id: 7, name: "Stretch", group: 4 })],
      [buildGroup({ id: 3, name: "Morning", position: 0 }), buildGroup({ id: 4, name: "Evening", position: 1 })],
    );
    server.use(http.get("*/api/habits/7/stats/", () => HttpResponse.json(buildStats())));
    const { user } = renderApp("/habits/7/edit");
    const group = await screen.findByLabelText("Group");
    await screen.findByRole("option", { name: "Morning" });
    expect(group).toHaveValue("4");
    expect(
      within(group)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["No group", "Morning", "Evening"]);
    await user.selectOptions(group, "Morning");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("heading", { name: "Stretch", level: 1 });
    expect(api.log.at(-1)?.body).toMatchObject({ group: 3 });

    await user.click(screen.getByRole("link", { name: /Edit/ }));
    expect(await screen.findByLabelText("Group")).toHaveValue("3");
    await user.selectOptions(screen.getByLabelText("Group"), "No group");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("heading", { name: "Stretch", level: 1 });
    expect(api.log.at(-1)?.body).toMatchObject({ group: null });
  });

  it("edits an existing habit with its current values filled in", async () => {
    fakeHabitsApi([buildHabit({ id: 7, name: "Read", frequency: { times: 4, days: 10 } })]);
    let patch: unknown = null;
    server.use(
      http.patch("*/api/habits/7/", async ({ request }) => {
        patch = await request.json();
        return HttpResponse.json(buildHabit({ id: 7, name: "Read more" }));
      }),
    );
    const { user } = renderApp("/habits/7/edit");
    expect(await screen.findByLabelText("Name")).toHaveValue("Read");
    expect(screen.getByLabelText("Frequency")).toHaveValue("n_in_d");
    expect(screen.getByLabelText("Days")).toHaveValue(10);
    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Read more");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("heading", { name: /Read/, level: 1 });
    expect(patch).toMatchObject({ name: "Read more", frequency: { times: 4, days: 10 } });
  });

  it("saves a habit at the API's longest frequency, and says the range when it is exceeded", async () => {
    const longest = requestRules.FrequencyRequest.days.maximum;
    fakeHabitsApi([buildHabit({ id: 8, name: "Dentist", frequency: { times: 1, days: longest } })]);
    let patch: unknown = null;
    server.use(
      http.patch("*/api/habits/8/", async ({ request }) => {
        patch = await request.json();
        return HttpResponse.json(buildHabit({ id: 8, name: "Dentist" }));
      }),
      http.get("*/api/habits/8/stats/", () => HttpResponse.json(buildStats())),
    );
    const { user } = renderApp("/habits/8/edit");
    const days = await screen.findByLabelText("Days");
    expect(days).toHaveValue(longest);
    expect(days).toHaveAttribute("max", String(longest));
    await user.clear(days);
    await user.type(days, String(longest + 1));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText(`The number of days must be between 1 and ${longest}.`)).toBeInTheDocument();
    expect(patch).toBeNull();
    await user.clear(days);
    await user.type(days, String(longest));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("heading", { name: "Dentist", level: 1 });
    expect(patch).toMatchObject({ frequency: { times: 1, days: longest } });
  });
});
