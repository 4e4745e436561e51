import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RouteErrorBoundary } from "./route-error";

function Boom({ error }: { error: Error }): never {
  throw error;
}

describe("route error boundary", () => {
  afterEach(() => vi.restoreAllMocks());

  it("offers a reload when a new deployment removed the screen's code", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <MemoryRouter>
        <RouteErrorBoundary>
          <Boom error={new TypeError("Failed to fetch dynamically imported module: /assets/habit-x.js")} />
        </RouteErrorBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByRole("heading", { name: "Something went wrong", level: 1 })).toBeInTheDocument();
    expect(screen.getByText("A new version of the app is available. Reload to get it.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reload" })).toBeInTheDocument();
  });

  it("reassures about saved data on other errors", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <MemoryRouter>
        <RouteErrorBoundary>
          <Boom error={new Error("bad render")} />
        </RouteErrorBoundary>
      </MemoryRouter>,
    );
    expect(screen.getByText(/your check-ins are saved on the server/)).toBeInTheDocument();
  });
});
