import { describe, expect, it } from "vitest";
import type { StoryView } from "../bindings/StoryView";
import { sampleMap } from "../test/sampleMap";
import { groupStoriesIntoCells } from "./cells";
import {
  activityMoveTarget,
  dropIndex,
  insertionIndex,
  releaseMoveTarget,
  stepMoveTarget,
  storyMoveTarget,
  type Direction,
  type GridShape,
} from "./moves";

function setup() {
  const view = sampleMap();
  const grid: GridShape = {
    stepIds: ["s-browse", "s-search", "s-pay"],
    releaseIds: ["r-mvp", "r-2"],
    cells: groupStoriesIntoCells(view),
  };
  const byId = (id: string): StoryView => {
    const found = view.stories.find((story) => story.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const check = (id: string, direction: Direction) => storyMoveTarget(grid, byId(id), direction);
  return { view, grid, check };
}

describe("storyMoveTarget (Alt+arrows on a card)", () => {
  // Browse × MVP is [st-2, st-1]; Browse × Release 2 is [st-3]; Search × MVP is [st-4].
  it("moves a card one place within its cell, counting without the card", () => {
    const { check } = setup();
    expect(check("st-2", "down")).toEqual({ stepId: "s-browse", releaseId: "r-mvp", toIndex: 1 });
    expect(check("st-1", "up")).toEqual({ stepId: "s-browse", releaseId: "r-mvp", toIndex: 0 });
  });

  it("crosses into the next slice at the bottom edge (first place) and the previous at the top (last place)", () => {
    const { check } = setup();
    expect(check("st-1", "down")).toEqual({ stepId: "s-browse", releaseId: "r-2", toIndex: 0 });
    expect(check("st-3", "up")).toEqual({ stepId: "s-browse", releaseId: "r-mvp", toIndex: 2 });
    expect(check("st-2", "up")).toBeNull();
    expect(check("st-3", "down")).toBeNull();
  });

  it("moves to the neighbouring step, keeping its height as far as the cell goes", () => {
    const { check } = setup();
    expect(check("st-1", "right")).toEqual({ stepId: "s-search", releaseId: "r-mvp", toIndex: 1 });
    expect(check("st-2", "right")).toEqual({ stepId: "s-search", releaseId: "r-mvp", toIndex: 0 });
    expect(check("st-4", "right")).toEqual({ stepId: "s-pay", releaseId: "r-mvp", toIndex: 0 });
    expect(check("st-4", "left")).toEqual({ stepId: "s-browse", releaseId: "r-mvp", toIndex: 0 });
    expect(check("st-5", "right")).toBeNull();
  });

  it("skips slices that are not in the grid (collapsed)", () => {
    const { grid, view } = setup();
    const story = view.stories.find((item) => item.id === "st-1");
    if (!story) throw new Error("sample changed");
    expect(storyMoveTarget({ ...grid, releaseIds: ["r-mvp"] }, story, "down")).toBeNull();
  });
});

describe("header moves", () => {
  it("moves activities and slices one place, stopping at the ends", () => {
    const { view } = setup();
    expect(activityMoveTarget(view.activities, "a-discover", 1)).toBe(1);
    expect(activityMoveTarget(view.activities, "a-discover", -1)).toBeNull();
    expect(releaseMoveTarget(view.releases, "r-2", -1)).toBe(0);
    expect(releaseMoveTarget(view.releases, "r-2", 1)).toBeNull();
  });

  it("moves a step along its activity and across into the neighbouring one", () => {
    const { view } = setup();
    expect(stepMoveTarget(view.activities, "s-browse", 1)).toEqual({ activityId: "a-discover", toIndex: 1 });
    expect(stepMoveTarget(view.activities, "s-search", 1)).toEqual({ activityId: "a-checkout", toIndex: 0 });
    expect(stepMoveTarget(view.activities, "s-pay", -1)).toEqual({ activityId: "a-discover", toIndex: 2 });
    expect(stepMoveTarget(view.activities, "s-browse", -1)).toBeNull();
    expect(stepMoveTarget(view.activities, "s-missing", 1)).toBeNull();
  });
});

describe("dropIndex and insertionIndex", () => {
  it("counts the place among the siblings without the moved item", () => {
    expect(dropIndex(["a", "b", "c"], "a", "c", true)).toBe(2);
    expect(dropIndex(["a", "b", "c"], "a", "c", false)).toBe(1);
    expect(dropIndex(["a", "b", "c"], "c", "a", false)).toBe(0);
    expect(dropIndex(["x", "y"], "new", "y", false)).toBe(1);
    expect(dropIndex(["a", "b"], "b", "b", true)).toBe(1);
  });

  it("inserts before the first card whose middle is below the pointer", () => {
    expect(insertionIndex(5, [10, 30, 50])).toBe(0);
    expect(insertionIndex(31, [10, 30, 50])).toBe(2);
    expect(insertionIndex(99, [10, 30, 50])).toBe(3);
    expect(insertionIndex(99, [])).toBe(0);
  });
});
