import { describe, expect, it } from "vitest";
import { formatUpdated } from "./time";

describe("formatUpdated", () => {
  const now = new Date("2025-03-20T12:00:00Z");
  it("says how long ago a map was edited", () => {
    expect(formatUpdated("2025-03-20T11:59:30Z", now)).toBe("just now");
    expect(formatUpdated("2025-03-20T11:55:00Z", now)).toBe("5 min ago");
    expect(formatUpdated("2025-03-20T09:00:00Z", now)).toBe("3 h ago");
    expect(formatUpdated("2025-03-19T09:00:00Z", now)).toBe("yesterday");
    expect(formatUpdated("2025-03-16T12:00:00Z", now)).toBe("4 days ago");
    expect(formatUpdated("2025-01-02T12:00:00Z", now)).toBe("2 Jan 2025");
  });

  it("shows nothing for a time it cannot read", () => {
    expect(formatUpdated("not a date", now)).toBe("");
  });
});
