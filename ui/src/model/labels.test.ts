import { describe, expect, it } from "vitest";
import { cleanTitle, countLabel, statusLabel, storyAriaLabel, storyCountLabel } from "./labels";

describe("labels", () => {
  it("names a story card with its slice and place on the backbone", () => {
    expect(storyAriaLabel("Pay by card", "MVP", "Check out", "Pay")).toBe(
      "Story: Pay by card, MVP, Check out › Pay",
    );
  });

  it("pluralises counts", () => {
    expect(storyCountLabel(0)).toBe("0 stories");
    expect(storyCountLabel(1)).toBe("1 story");
    expect(storyCountLabel(12)).toBe("12 stories");
    expect(countLabel(1, "activity", "activities")).toBe("1 activity");
  });

  it("spells out statuses", () => {
    expect(statusLabel("todo")).toBe("To do");
    expect(statusLabel("inProgress")).toBe("In progress");
    expect(statusLabel("done")).toBe("Done");
  });

  it("trims titles and refuses empty ones", () => {
    expect(cleanTitle("  Pay by card ")).toBe("Pay by card");
    expect(cleanTitle("   ")).toBeNull();
    expect(cleanTitle("")).toBeNull();
  });
});
