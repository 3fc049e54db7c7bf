import { describe, expect, it } from "vitest";
import type { MapChange } from "../bindings/MapChange";
import { sampleMap, story } from "../test/sampleMap";
import { applyMapChange } from "./mapChange";

function change(overrides: Partial<MapChange>): MapChange {
  return {
    mapId: "map-1",
    name: null,
    activities: null,
    releases: sampleMap().releases,
    stories: [],
    settings: null,
    objectives: null,
    personas: null,
    removedStoryIds: [],
    createdId: null,
    history: { undo: null, redo: null },
    notice: null,
    session: null,
    ...overrides,
  };
}

describe("applyMapChange", () => {
  it("replaces changed stories, adds new ones and drops removed ones", () => {
    const view = sampleMap();
    const first = view.stories[0];
    if (!first) throw new Error("sample changed");
    const moved = { ...first, releaseId: "r-2" };
    const added = story("st-new", "Pay by voucher", "a-checkout", "s-pay", "r-2");
    const next = applyMapChange(view, change({ stories: [moved, added], removedStoryIds: ["st-4"] }));
    expect(next.stories.map((item) => item.id)).toEqual(["st-1", "st-2", "st-3", "st-5", "st-new"]);
    expect(next.stories[0]?.releaseId).toBe("r-2");
  });

  it("keeps untouched stories and unchanged releases as the same objects", () => {
    const view = sampleMap();
    const next = applyMapChange(view, change({ name: "Grocery app" }));
    expect(next.map.name).toBe("Grocery app");
    expect(next.stories[1]).toBe(view.stories[1]);
    expect(next.releases).toBe(view.releases);
    expect(next.activities).toBe(view.activities);
  });

  it("takes a new backbone and fresh roll-ups when they come", () => {
    const view = sampleMap();
    const releases = sampleMap().releases.map((release) =>
      release.id === "r-2" ? { ...release, rollup: { stories: 2, points: 3, unestimated: 1, ready: 1, done: 0 } } : release,
    );
    const activities = [...sampleMap().activities].reverse();
    const next = applyMapChange(view, change({ activities, releases }));
    expect(next.activities.map((activity) => activity.id)).toEqual(["a-checkout", "a-discover"]);
    expect(next.releases[0]).toBe(view.releases[0]);
    expect(next.releases[1]?.rollup.stories).toBe(2);
  });

  it("leaves the map alone for a change to another map", () => {
    const view = sampleMap();
    expect(applyMapChange(view, change({ mapId: "other", name: "X" }))).toBe(view);
  });

  it("takes new refinement settings when they come and keeps the old ones otherwise", () => {
    const view = sampleMap();
    expect(applyMapChange(view, change({})).settings).toBe(view.settings);
    const settings = { ...view.settings, smallLimit: 13 };
    expect(applyMapChange(view, change({ settings })).settings.smallLimit).toBe(13);
  });
});
