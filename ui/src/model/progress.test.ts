import { describe, expect, it } from "vitest";
import type { ProgressView } from "../bindings/ProgressView";
import { progressDetail, progressPercent } from "./progress";

const report = (done: number, total: number, step = "Adding to the map"): ProgressView => ({
  operation: "Importing big.csv",
  step,
  done,
  total,
  finished: false,
});

describe("progress", () => {
  it("counts a step's share, capped at 100, and leaves an uncounted step without one", () => {
    expect(progressPercent(report(4000, 10000))).toBe(40);
    expect(progressPercent(report(1, 3))).toBe(33);
    expect(progressPercent(report(12, 10))).toBe(100);
    expect(progressPercent(report(0, 0, "Saving"))).toBeNull();
  });

  it("says what is done out of what, with thousands grouped", () => {
    expect(progressDetail(report(4000, 10000), "en-US")).toBe("Adding to the map · 4,000 of 10,000");
    expect(progressDetail(report(0, 0, "Saving"), "en-US")).toBe("Saving");
  });
});
