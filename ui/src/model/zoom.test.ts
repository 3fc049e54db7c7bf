import { describe, expect, it } from "vitest";
import { clampZoom, fitZoom, zoomIn, zoomLabel, zoomOut, ZOOM_MAX, ZOOM_MIN } from "./zoom";

describe("zoom", () => {
  it("steps by 10 % and stops at the limits", () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomOut(0.7)).toBe(0.6);
    expect(zoomIn(ZOOM_MAX)).toBe(ZOOM_MAX);
    expect(zoomOut(ZOOM_MIN)).toBe(ZOOM_MIN);
    expect(clampZoom(Number.NaN)).toBe(1);
  });

  it("fits the whole map in the window, never above 100 %", () => {
    expect(fitZoom({ width: 4000, height: 1000 }, { width: 1600, height: 900 })).toBe(0.4);
    expect(fitZoom({ width: 2000, height: 1000 }, { width: 1600, height: 900 })).toBe(0.8);
    expect(fitZoom({ width: 800, height: 600 }, { width: 1600, height: 900 })).toBe(1);
    expect(fitZoom({ width: 0, height: 0 }, { width: 1600, height: 900 })).toBe(1);
  });

  it("writes zoom as a percentage", () => {
    expect(zoomLabel(0.85)).toBe("85 %");
  });
});
