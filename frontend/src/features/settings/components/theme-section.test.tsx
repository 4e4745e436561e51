import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";

describe("appearance", () => {
  it("switches between the system's theme, light and dark at once, and keeps the choice on this device", async () => {
    const { user } = renderApp("/settings");
    const system = await screen.findByRole("radio", { name: "As the system" });
    expect(system).toBeChecked();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    await user.click(screen.getByRole("radio", { name: "Dark" }));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(localStorage.getItem("habits-theme")).toBe("dark");
    await user.click(screen.getByRole("radio", { name: "Light" }));
    expect(document.documentElement.dataset.theme).toBe("light");
    await user.click(system);
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem("habits-theme")).toBeNull();
  });
});
