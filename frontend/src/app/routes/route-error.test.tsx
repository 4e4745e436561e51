import { render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { MemoryRouter } from "@/lib/router";
import { Translated } from "@/testing/render";
import { server } from "@/testing/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RouteErrorBoundary } from "./route-error";

function Boom({ error }: { error: Error }): never {
  throw error;
}

describe("route error boundary", () => {
  afterEach(() => vi.restoreAllMocks());

  const chunkFailure = () =>
    new TypeError("Failed to fetch dynamically imported module: http://localhost:3000/assets/habit-x.js");

  function renderFailure(error: Error) {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <MemoryRouter>
        <RouteErrorBoundary>
          <Boom error={error} />
        </RouteErrorBoundary>
      </MemoryRouter>,
      { wrapper: Translated },
    );
  }

  it("offers a reload when a new deployment removed the screen's code", async () => {
    server.use(http.head("*/assets/habit-x.js", () => new HttpResponse(null, { status: 404 })));
    renderFailure(chunkFailure());
    expect(screen.getByRole("heading", { name: "Something went wrong", level: 1 })).toBeInTheDocument();
    expect(await screen.findByText("A new version of the app is available. Reload to get it.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reload" })).toBeInTheDocument();
  });

  it("says the network failed, not that a new version came, when the code cannot be reached", async () => {
    server.use(http.head("*/assets/habit-x.js", () => HttpResponse.error()));
    renderFailure(chunkFailure());
    expect(await screen.findByText(/the app can't reach the server/)).toBeInTheDocument();
    expect(screen.queryByText(/new version/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeEnabled();
  });

  it("waits for a connection before offering to try again while offline", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    renderFailure(chunkFailure());
    expect(await screen.findByRole("button", { name: "Waiting for a connection…" })).toBeDisabled();
  });

  it("reassures about saved data on other errors", async () => {
    renderFailure(new Error("bad render"));
    expect(await screen.findByText(/your check-ins are kept/)).toBeInTheDocument();
  });
});
