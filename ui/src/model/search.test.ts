import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { searchMatches, storyMatches } from "./search";

describe("search", () => {
  it("matches titles case-insensitively, ignoring surrounding spaces", () => {
    expect(storyMatches({ title: "Pay by card", status: "idea" }, "  CARD ")).toBe(true);
    expect(storyMatches({ title: "Pay by card", status: "idea" }, "cash")).toBe(false);
  });

  it("matches the status as people read it", () => {
    expect(storyMatches({ title: "Refunds", status: "inSprint" }, "in sprint")).toBe(true);
    expect(storyMatches({ title: "Refunds", status: "ready" }, "ready")).toBe(true);
    expect(storyMatches({ title: "Refunds", status: "ready" }, "insprint")).toBe(false);
  });

  it("lists the matching ids, or nothing to dim without a query", () => {
    const { stories } = sampleMap();
    expect(searchMatches(stories, "   ")).toBeNull();
    expect([...(searchMatches(stories, "by") ?? [])].sort()).toEqual(["st-2", "st-4", "st-5"]);
  });
});
