import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { backlogDrop, reorder } from "./backlogMove";

// In the sample, the backlog's rank order is: MVP (Browse: st-2, st-1; Search: st-4; Pay: st-5), then st-3.
const order = ["st-2", "st-1", "st-4", "st-5", "st-3"];

describe("backlogDrop", () => {
  const stories = sampleMap().stories;

  it("drops after the neighbour when dragged down, into the neighbour's cell", () => {
    expect(backlogDrop(order, stories, "st-2", "st-4")?.edit).toEqual({
      kind: "moveStory",
      storyId: "st-2",
      stepId: "s-search",
      releaseId: "r-mvp",
      toIndex: 1,
    });
  });

  it("drops before the neighbour when dragged up, counting among the cell's other cards", () => {
    expect(backlogDrop(order, stories, "st-3", "st-1")?.edit).toEqual({
      kind: "moveStory",
      storyId: "st-3",
      stepId: "s-browse",
      releaseId: "r-mvp",
      toIndex: 1,
    });
    // Within its own cell: st-1 above st-2 means index 0 among the others.
    expect(backlogDrop(order, stories, "st-1", "st-2")?.edit.toIndex).toBe(0);
  });

  it("does nothing when dropped on itself or on an unknown row", () => {
    expect(backlogDrop(order, stories, "st-2", "st-2")).toBeNull();
    expect(backlogDrop(order, stories, "st-2", "nope")).toBeNull();
  });

  it("shows the new order until the backlog is asked again", () => {
    expect(reorder(order, "st-3", "st-1")).toEqual(["st-2", "st-3", "st-1", "st-4", "st-5"]);
    expect(reorder(order, "st-2", "st-4")).toEqual(["st-1", "st-4", "st-2", "st-5", "st-3"]);
  });
});
