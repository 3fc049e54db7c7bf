import { describe, expect, it } from "vitest";
import {
  cleanTitle,
  countLabel,
  DEFAULT_STATUS_NAMES,
  estimateLabel,
  rollupLabel,
  statusLabel,
  statusNames,
  storyAriaLabel,
  storyCountLabel,
} from "./labels";

describe("labels", () => {
  it("names a story card with its status, estimate, step and slice", () => {
    expect(storyAriaLabel({ title: "Pay by card", status: "ready", estimate: "3" }, "Pay", "MVP", DEFAULT_STATUS_NAMES)).toBe(
      "Story 'Pay by card', Ready, 3 points, step Pay, slice MVP",
    );
    expect(storyAriaLabel({ title: "Refunds", status: "inSprint", estimate: null }, "Pay", "Later", DEFAULT_STATUS_NAMES)).toBe(
      "Story 'Refunds', In sprint, not estimated, step Pay, slice Later",
    );
  });

  it("reads estimates as points or sizes", () => {
    expect(estimateLabel("1")).toBe("1 point");
    expect(estimateLabel("0.5")).toBe("0.5 points");
    expect(estimateLabel("M")).toBe("estimate M");
    expect(estimateLabel(" ")).toBe("not estimated");
  });

  it("sums a slice up from the backend's roll-up", () => {
    expect(rollupLabel({ stories: 12, points: 34, unestimated: 2, ready: 5, done: 0 })).toBe(
      "12 stories · 34 pts · 5 ready",
    );
    expect(rollupLabel({ stories: 1, points: 2.5, unestimated: 0, ready: 0, done: 1 })).toBe(
      "1 story · 2.5 pts · 0 ready · 1 done",
    );
  });

  it("pluralises counts", () => {
    expect(storyCountLabel(0)).toBe("0 stories");
    expect(storyCountLabel(1)).toBe("1 story");
    expect(countLabel(1, "activity", "activities")).toBe("1 activity");
  });

  it("spells out every status", () => {
    expect(["idea", "draft", "refining", "ready", "inSprint", "done"].map((s) => statusLabel(s as never, DEFAULT_STATUS_NAMES))).toEqual([
      "Idea",
      "Draft",
      "Refining",
      "Ready",
      "In sprint",
      "Done",
    ]);
  });

  it("uses the map's names for its statuses, the default for any blank or missing", () => {
    const names = statusNames([
      { status: "idea", label: "Parked idea" },
      { status: "ready", label: "  Ready for sprint  " },
      { status: "done", label: "   " },
    ]);
    expect(names).toEqual({ ...DEFAULT_STATUS_NAMES, idea: "Parked idea", ready: "Ready for sprint" });
    expect(statusNames([])).toEqual(DEFAULT_STATUS_NAMES);
    expect(storyAriaLabel({ title: "Pay by card", status: "ready", estimate: null }, "Pay", "MVP", names)).toBe(
      "Story 'Pay by card', Ready for sprint, not estimated, step Pay, slice MVP",
    );
  });

  it("trims titles and refuses empty ones", () => {
    expect(cleanTitle("  Pay by card ")).toBe("Pay by card");
    expect(cleanTitle("   ")).toBeNull();
  });
});
