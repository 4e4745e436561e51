import { describe, expect, it } from "vitest";
import { contrast, markOn, standingOut } from "./colour";

const DARK = ["#1f2226", "#16181b"];
const LIGHT = ["#ffffff", "#f7f7f4"];

describe("colours that stand out", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrast("#777777", "#777777")).toBe(1);
  });

  it("lightens a colour too dark for the dark theme until it stands out 3:1", () => {
    const purple = "#7a4fc4";
    expect(contrast(purple, DARK[0]!)).toBeLessThan(3);
    const lifted = standingOut(purple, DARK);
    for (const background of DARK) expect(contrast(lifted, background)).toBeGreaterThanOrEqual(3);
  });

  it("darkens a colour too light for the light theme, and keeps one that already stands out", () => {
    const teal = "#14b8a6";
    const deeper = standingOut(teal, LIGHT);
    for (const background of LIGHT) expect(contrast(deeper, background)).toBeGreaterThanOrEqual(3);
    expect(standingOut("#2f7d5b", LIGHT)).toBe("#2f7d5b");
  });

  it("marks a fill in white or near-black, whichever reads better", () => {
    expect(markOn("#2f7d5b")).toBe("#ffffff");
    expect(markOn("#9be7c4")).toBe("#14171a");
  });
});
