/**
 * Colour contrast, WCAG's way, for colours the user picks (a habit's): drawn as a fill or a line,
 * they must stand out 3:1 from the page in light and in dark (WCAG 1.4.11), whatever was picked.
 */

function channels(hex: string): [number, number, number] {
  const value = hex.replace("#", "");
  return [0, 2, 4].map((start) => parseInt(value.slice(start, start + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * `colour`, moved towards white (on dark backgrounds) or black (on light ones) in small steps until
 * it stands out `ratio`:1 from every one of `backgrounds`; unchanged when it already does.
 */
export function standingOut(colour: string, backgrounds: string[], ratio = 3): string {
  const towards = luminance(backgrounds[0]!) < 0.2 ? 255 : 0;
  const start = channels(colour);
  for (let step = 0; step <= 20; step++) {
    const mixed = toHex(start.map((channel) => channel + ((towards - channel) * step) / 20));
    if (backgrounds.every((background) => contrast(mixed, background) >= ratio)) return mixed;
  }
  return towards ? "#ffffff" : "#000000";
}

/** White or near-black, whichever reads better on `fill`. */
export function markOn(fill: string): string {
  return contrast("#ffffff", fill) >= contrast("#14171a", fill) ? "#ffffff" : "#14171a";
}
