import { describe, expect, it } from "vitest";
import { formatMoment, formatUpdated, isoDay } from "./time";

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

describe("formatMoment", () => {
  const at = new Date(2025, 10, 24, 14, 5).toISOString();
  it("says a moment as the banner and tooltips do, in local time", () => {
    expect(formatMoment(at)).toBe("Mon 24 Nov, 14:05");
    expect(formatMoment(at, true)).toBe("Mon 24 Nov 2025, 14:05");
    expect(formatMoment("later")).toBe("");
  });
});

describe("isoDay", () => {
  it("writes a local day as a date input holds it", () => {
    expect(isoDay(new Date(2025, 0, 5, 23, 30))).toBe("2025-01-05");
  });
});
