import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activateLocale } from "@/lib/i18n";
import { Translated } from "@/testing/render";
import { ConnectionStatus } from "./connection-status";

describe("connection status", () => {
  afterEach(() => vi.restoreAllMocks());

  it("says nothing online with nothing waiting, and says the app works offline when it is", () => {
    render(<ConnectionStatus />, { wrapper: Translated });
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event("offline"));
    });
    expect(screen.getByRole("status")).toHaveTextContent(
      "You're offline. Check-ins you make are kept on this device and sync when you're back online.",
    );
  });

  it("speaks the SPA's language, and follows a switch without a remount", async () => {
    render(<ConnectionStatus />, { wrapper: Translated });
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event("offline"));
    });
    await act(() => activateLocale("de"));
    expect(screen.getByRole("status")).toHaveTextContent(/^Du bist offline\. Deine Einträge werden auf diesem Gerät/);
    await act(() => activateLocale("es"));
    expect(screen.getByRole("status")).toHaveTextContent(/^Estás sin conexión\./);
  });
});
