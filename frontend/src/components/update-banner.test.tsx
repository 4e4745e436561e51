import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Translated } from "@/testing/render";
import { UpdateBanner } from "./update-banner";

describe("update banner", () => {
  it("stays hidden until a new version has been downloaded", () => {
    const { container } = render(<UpdateBanner />, { wrapper: Translated });
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole("button", { name: "Reload to use it" })).not.toBeInTheDocument();
  });
});
