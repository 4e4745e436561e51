import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/testing/builders";
import { renderApp } from "@/testing/render";
import { server, signedInAs } from "@/testing/server";

function deviceZone(zone: string) {
  const original = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...original.call(this), timeZone: zone };
  });
}

describe("the device's time zone", () => {
  beforeEach(() => {
    server.use(http.get("*/api/habits/", () => HttpResponse.json([])));
    signedInAs(buildUser({ time_zone: "UTC" }));
  });
  afterEach(() => vi.restoreAllMocks());

  it("is offered when the account's differs, and switched to", async () => {
    deviceZone("Europe/Berlin");
    let patch: unknown;
    server.use(
      http.patch("*/api/auth/me/", async ({ request }) => {
        patch = await request.json();
        return HttpResponse.json(buildUser({ time_zone: "Europe/Berlin" }));
      }),
    );
    const { user } = renderApp("/");
    expect(
      await screen.findByText(/Your days follow UTC, but this device is set to Europe\/Berlin/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Use Europe/Berlin" }));
    expect(await screen.findByText("Your days now follow Europe/Berlin.")).toBeInTheDocument();
    expect(patch).toEqual({ time_zone: "Europe/Berlin" });
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Your time zone" })).not.toBeInTheDocument());
  });

  it("is not offered again once the account's zone was kept", async () => {
    deviceZone("Europe/Berlin");
    const first = renderApp("/");
    await first.user.click(await screen.findByRole("button", { name: "Keep UTC" }));
    expect(screen.queryByRole("heading", { name: "Your time zone" })).not.toBeInTheDocument();
    first.unmount();
    renderApp("/");
    await screen.findByRole("heading", { name: "Today", level: 1 });
    expect(screen.queryByRole("heading", { name: "Your time zone" })).not.toBeInTheDocument();
  });

  it("says nothing when the zones agree", async () => {
    deviceZone("UTC");
    renderApp("/");
    await screen.findByRole("heading", { name: "No habits yet" });
    expect(screen.queryByRole("heading", { name: "Your time zone" })).not.toBeInTheDocument();
  });
});
