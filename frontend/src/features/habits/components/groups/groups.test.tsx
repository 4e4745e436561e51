import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildEntry, buildGroup, buildHabit } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

const morning = () => buildGroup({ id: 1, name: "Morning", position: 0 });
const evening = () => buildGroup({ id: 2, name: "Evening", position: 1 });

function names(list: string) {
  return within(screen.getByRole("list", { name: list }))
    .getAllByRole("listitem")
    .map((item) => within(item).getAllByRole("link")[0]?.textContent);
}

describe("groups on Today", () => {
  it("shows each group under its header with its completion, the habits in no group after them", async () => {
    const api = fakeHabitsApi(
      [
        buildHabit({ id: 1, name: "Read", position: 0 }),
        buildHabit({ id: 2, name: "Meditate", position: 1, group: 1, today_entry: buildEntry() }),
        buildHabit({ id: 3, name: "Stretch", position: 2, group: 1 }),
        buildHabit({ id: 4, name: "Gym", position: 3, group: 1, scheduled_today: false }),
        buildHabit({ id: 5, name: "Journal", position: 4, group: 2 }),
      ],
      [evening(), morning()],
    );
    const { user } = renderApp("/");
    const header = await screen.findByRole("button", { name: /^Morning\W+1 of 2 due today done$/ });
    expect(header).toHaveAttribute("aria-expanded", "true");
    expect(within(header).getByText("1/2")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Evening/ })).toHaveTextContent("0/1");
    const headers = screen.getAllByRole("heading", { level: 2 }).filter((h) => h.classList.contains("group-header"));
    expect(headers.map((heading) => heading.textContent)).toEqual([
      expect.stringMatching(/^▾Morning/),
      expect.stringMatching(/^▾Evening/),
      "Other habits",
    ]);
    expect(within(screen.getByRole("list", { name: "Morning" })).getAllByRole("listitem")).toHaveLength(3);
    expect(within(screen.getByRole("list", { name: "Other habits" })).getByText("Read")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Stretch, today: not marked" }));
    expect(await screen.findByRole("button", { name: /^Morning\W+2 of 2 due today done$/ })).toBeInTheDocument();
    await waitFor(() => expect(api.log.some((entry) => entry.path === "3/2026-03-18")).toBe(true));
  });

  it("folds a group with its header, saves the fold, and keeps it folded on the next visit", async () => {
    const api = fakeHabitsApi([buildHabit({ id: 1, name: "Stretch", group: 1 })], [morning()]);
    const first = renderApp("/");
    const header = await screen.findByRole("button", { name: /^Morning/ });
    expect(screen.getByRole("button", { name: "Stretch, today: not marked" })).toBeInTheDocument();
    await first.user.click(header);
    expect(header).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("button", { name: "Stretch, today: not marked" })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(api.log).toContainEqual({ method: "PATCH", path: "groups/1", body: { collapsed: true } }),
    );
    first.unmount();

    const second = renderApp("/");
    const again = await screen.findByRole("button", { name: /^Morning/ });
    await waitFor(() => expect(again).toHaveAttribute("aria-expanded", "false"));
    await second.user.click(again);
    expect(await screen.findByRole("button", { name: "Stretch, today: not marked" })).toBeInTheDocument();
  });

  it("unfolds the group again and says so when the fold is refused", async () => {
    fakeHabitsApi([buildHabit({ id: 1, name: "Stretch", group: 1 })], [morning()]);
    server.use(
      http.patch("*/api/groups/:id/", () =>
        HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 }),
      ),
    );
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: /^Morning/ }));
    expect(await screen.findByText("The group was not folded: Not found.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Morning/ })).toHaveAttribute("aria-expanded", "true");
  });
});

describe("groups under Habits", () => {
  it("creates a group, refusing a blank or taken name with the reason", async () => {
    const api = fakeHabitsApi([], [morning()]);
    const { user } = renderApp("/habits");
    const name = await screen.findByLabelText("New group");
    await user.click(screen.getByRole("button", { name: "Add group" }));
    expect(await screen.findByText("Give the group a name.")).toBeInTheDocument();
    expect(name).toHaveFocus();
    await user.type(name, "morning");
    await user.click(screen.getByRole("button", { name: "Add group" }));
    expect(await screen.findByText("You already have a group with this name.")).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, "Evening");
    await user.click(screen.getByRole("button", { name: "Add group" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("list", { name: "Groups in order" }))
          .getAllByRole("listitem")
          .map((item) => item.querySelector(".habit-name")?.textContent),
      ).toEqual(["Morning", "Evening"]),
    );
    expect(name).toHaveValue("");
    expect(api.log.filter((entry) => entry.method === "POST").map((entry) => entry.body)).toEqual([
      { name: "morning" },
      { name: "Evening" },
    ]);
  });

  it("renames, reorders and deletes a group; its habits stay, in no group", async () => {
    const api = fakeHabitsApi(
      [buildHabit({ id: 1, name: "Stretch", group: 1 }), buildHabit({ id: 2, name: "Read", position: 1 })],
      [morning(), evening()],
    );
    const { user } = renderApp("/habits");
    expect(await screen.findByRole("list", { name: "Habits in Morning" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Rename Morning" }));
    const field = screen.getByLabelText("New name for Morning");
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, "Mornings{Enter}");
    expect(await screen.findByRole("button", { name: "Rename Mornings" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Move Evening up" }));
    await waitFor(() =>
      expect(api.log).toContainEqual({ method: "POST", path: "groups/reorder", body: { ids: [2, 1] } }),
    );
    expect(screen.getByText("Evening moved to position 1 of 2.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Move Evening up" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Delete Mornings" }));
    await user.click(screen.getByRole("button", { name: "Delete group Mornings, keeping its habits" }));
    expect(await screen.findByText(/Group “Mornings” was deleted; its habits are kept/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("list", { name: "Habits in Mornings" })).not.toBeInTheDocument());
    expect(names("Habits in order")).toEqual(["Stretch", "Read"]);
  });

  it("moves a habit within its group, leaving the other habits' places alone", async () => {
    const api = fakeHabitsApi(
      [
        buildHabit({ id: 1, name: "Walk", position: 0, group: 1 }),
        buildHabit({ id: 2, name: "Read", position: 1 }),
        buildHabit({ id: 3, name: "Stretch", position: 2, group: 1 }),
      ],
      [morning()],
    );
    const { user } = renderApp("/habits");
    await screen.findByRole("list", { name: "Habits in Morning" });
    await user.click(screen.getByRole("button", { name: "Move Stretch up" }));
    await waitFor(() => expect(names("Habits in Morning")).toEqual(["Stretch", "Walk"]));
    expect(names("Habits in Other habits")).toEqual(["Read"]);
    await waitFor(() => expect(api.log).toContainEqual({ method: "POST", path: "reorder", body: { ids: [3, 2, 1] } }));
    expect(screen.getByRole("button", { name: "Move Read up" })).toBeDisabled();
  });
});
