import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { buildHabit } from "@/testing/builders";
import { fakeHabitsApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

const archived = () => [
  buildHabit({ id: 1, name: "Walk", archived: true, position: 0 }),
  buildHabit({ id: 2, name: "Piano", archived: true, position: 1 }),
  buildHabit({ id: 3, name: "Read", archived: false }),
];

function archivedNames() {
  const list = screen.queryByRole("list", { name: "Archived habits" });
  return list
    ? within(list)
        .getAllByRole("link")
        .map((link) => link.textContent)
    : [];
}

describe("archive", () => {
  it("lists only the archived habits, each linking to its page", async () => {
    fakeHabitsApi(archived());
    renderApp("/archive");
    expect(await screen.findByRole("heading", { name: "Archive", level: 1 })).toHaveFocus();
    await waitFor(() => expect(archivedNames()).toEqual(["Walk", "Piano"]));
    expect(screen.getByRole("link", { name: "Piano" })).toHaveAttribute("href", "/habits/2");
  });

  it("says when nothing is archived and where the habits are", async () => {
    fakeHabitsApi([buildHabit({ name: "Read" })]);
    renderApp("/archive");
    expect(await screen.findByRole("heading", { name: "Nothing archived" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See your habits" })).toHaveAttribute("href", "/habits");
  });

  it("restores a habit to Today", async () => {
    const api = fakeHabitsApi(archived());
    const { user } = renderApp("/archive");
    await user.click(await screen.findByRole("button", { name: "Restore Walk" }));
    expect(await screen.findByText("“Walk” is back on Today.")).toBeInTheDocument();
    await waitFor(() => expect(archivedNames()).toEqual(["Piano"]));
    // Focus moves to the row that took its place, not to the start of the page.
    await waitFor(() => expect(screen.getByRole("link", { name: "Piano" })).toHaveFocus());
    expect(api.log).toEqual([{ method: "PATCH", path: "1", body: { archived: false } }]);
  });

  it("deletes a habit only after a second, explicit confirmation", async () => {
    const api = fakeHabitsApi(archived());
    const { user } = renderApp("/archive");
    await user.click(await screen.findByRole("button", { name: "Delete Piano" }));
    await user.click(screen.getByRole("button", { name: "Keep" }));
    expect(screen.queryByRole("button", { name: "Delete Piano for good" })).not.toBeInTheDocument();
    expect(api.log).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Delete Piano" }));
    await user.click(screen.getByRole("button", { name: "Delete Piano for good" }));
    expect(await screen.findByText("“Piano” and its history were deleted.")).toBeInTheDocument();
    await waitFor(() => expect(archivedNames()).toEqual(["Walk"]));
    await waitFor(() => expect(screen.getByRole("link", { name: "Walk" })).toHaveFocus());
    expect(api.log).toEqual([{ method: "DELETE", path: "2", body: null }]);
  });

  it("keeps the habit and says why when the server refuses", async () => {
    fakeHabitsApi(archived());
    server.use(
      http.patch("*/api/habits/:id/", () =>
        HttpResponse.json({ detail: "You already have an active habit named Walk.", code: "invalid" }, { status: 400 }),
      ),
    );
    const { user } = renderApp("/archive");
    await user.click(await screen.findByRole("button", { name: "Restore Walk" }));
    const notice = await screen.findByText("You already have an active habit named Walk.");
    expect(notice.closest("[role=alert]")).not.toBeNull();
    expect(archivedNames()).toEqual(["Walk", "Piano"]);
  });

  it("offers a retry when the archive cannot load", async () => {
    // A 500: a 503 is retried for a while as a server waking up (lib/api-client.ts, waking-banner.test.tsx).
    let failures = 1;
    fakeHabitsApi(archived());
    server.use(
      http.get("*/api/habits/", ({ request }) => {
        // Only the archive's own request fails (Today's list is asked for alongside the session).
        if (new URL(request.url).searchParams.get("archived") === "true" && failures-- > 0)
          return HttpResponse.json(
            { detail: "Something went wrong on our side.", code: "server_error" },
            { status: 500 },
          );
        return undefined;
      }),
    );
    const { user } = renderApp("/archive");
    expect(await screen.findByText("Something went wrong on our side.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(archivedNames()).toEqual(["Walk", "Piano"]));
  });
});
