import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionStatus } from "./connection-status";

describe("connection status", () => {
  afterEach(() => vi.restoreAllMocks());

  it("says nothing online with nothing waiting, and says the app works offline when it is", () => {
    render(<ConnectionStatus />);
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event("offline"));
    });
    expect(screen.getByRole("status")).toHaveTextContent(
      "You're offline. Check-ins you make are kept on this device and sync when you're back online.",
    );
  });
});
