import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { DEFAULT_STATUS_NAMES as NAMES, statusNames } from "./labels";
import { searchMatches, storyMatches } from "./search";

describe("search", () => {
  it("matches titles case-insensitively, ignoring surrounding spaces", () => {
    expect(storyMatches({ title: "Pay by card", status: "idea" }, "  CARD ", NAMES)).toBe(true);
    expect(storyMatches({ title: "Pay by card", status: "idea" }, "cash", NAMES)).toBe(false);
  });

  it("matches the status as people read it", () => {
    expect(storyMatches({ title: "Refunds", status: "inSprint" }, "in sprint", NAMES)).toBe(true);
    expect(storyMatches({ title: "Refunds", status: "ready" }, "ready", NAMES)).toBe(true);
    expect(storyMatches({ title: "Refunds", status: "ready" }, "insprint", NAMES)).toBe(false);
  });

  it("matches the map's own name for a status, not the default once renamed", () => {
    const names = statusNames([{ status: "ready", label: "Groomed" }]);
    expect(storyMatches({ title: "Refunds", status: "ready" }, "groomed", names)).toBe(true);
    expect(storyMatches({ title: "Refunds", status: "ready" }, "ready", names)).toBe(false);
  });

  it("lists the matching ids, or nothing to dim without a query", () => {
    const { stories } = sampleMap();
    expect(searchMatches(stories, "   ", NAMES)).toBeNull();
    expect([...(searchMatches(stories, "by", NAMES) ?? [])].sort()).toEqual(["st-2", "st-4", "st-5"]);
  });

  it("keeps the cards carrying the flag asked for, with or without a query", () => {
    const { stories } = sampleMap();
    const flagged = stories.map((story) =>
      story.id === "st-2" || story.id === "st-3" ? { ...story, flags: ["risky" as const] } : story,
    );
    expect([...(searchMatches(flagged, "", NAMES, "risky") ?? [])].sort()).toEqual(["st-2", "st-3"]);
    expect([...(searchMatches(flagged, "by", NAMES, "risky") ?? [])]).toEqual(["st-2"]);
    expect(searchMatches(flagged, "", NAMES, "unclear")).toEqual(new Set());
  });
});
