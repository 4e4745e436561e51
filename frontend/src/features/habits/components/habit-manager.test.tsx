import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildHabit } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

const three = () => [
  buildHabit({ id: 1, name: "Walk", position: 0 }),
  buildHabit({ id: 2, name: "Read", position: 1 }),
  buildHabit({ id: 3, name: "Stretch", position: 2 }),
];

function names() {
  return within(screen.getByRole("list", { name: "Habits in order" }))
    .getAllByRole("listitem")
    .map((item) => within(item).getByRole("link").textContent);
}

describe("reordering habits", () => {
  it("moves a habit with the move buttons and announces it", async () => {
    const api = fakeHabitsApi(three());
    const { user } = renderApp("/habits");
    await user.click(await screen.findByRole("button", { name: "Move Walk down" }));
    expect(names()).toEqual(["Read", "Walk", "Stretch"]);
    expect(screen.getByText("Walk moved to position 2 of 3.")).toBeInTheDocument();
    await waitFor(() => expect(api.log).toEqual([{ method: "POST", path: "reorder", body: { ids: [2, 1, 3] } }]));
    expect(screen.getByRole("button", { name: "Move Read up" })).toBeDisabled();
  });

  it("moves a habit with the arrow keys on its handle", async () => {
    const api = fakeHabitsApi(three());
    const { user } = renderApp("/habits");
    (await screen.findByRole("button", { name: "Reorder Stretch" })).focus();
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(names()).toEqual(["Walk", "Stretch", "Read"]));
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(names()).toEqual(["Stretch", "Walk", "Read"]));
    await waitFor(() => expect(api.log.at(-1)?.body).toEqual({ ids: [3, 1, 2] }));
  });

  it("puts the order back when the server refuses", async () => {
    fakeHabitsApi(three());
    server.use(
      http.post("*/api/habits/reorder/", () =>
        HttpResponse.json({ detail: "List every habit once.", code: "invalid" }, { status: 400 }),
      ),
    );
    const { user } = renderApp("/habits");
    await user.click(await screen.findByRole("button", { name: "Move Walk down" }));
    expect(await screen.findByText(/The new order was not saved: List every habit once./)).toBeInTheDocument();
    expect(names()).toEqual(["Walk", "Read", "Stretch"]);
  });
});
