import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { groupStoriesIntoCells } from "./cells";
import { accepts, dropEdit, type DropContext } from "./drops";

function context(): DropContext {
  const view = sampleMap();
  return { ...view, cells: groupStoriesIntoCells(view) };
}

describe("dropEdit", () => {
  it("moves a card to the indicated place among the other cards of a cell", () => {
    // Browse × MVP is [st-2, st-1]: dropping st-2 after st-1 is index 1 among the others.
    expect(dropEdit(context(), "st-2", { kind: "story", stepId: "s-browse", releaseId: "r-mvp", index: 1 })).toEqual({
      kind: "moveStory",
      storyId: "st-2",
      stepId: "s-browse",
      releaseId: "r-mvp",
      toIndex: 1,
    });
    expect(dropEdit(context(), "st-5", { kind: "story", stepId: "s-browse", releaseId: "r-2", index: 0 })).toMatchObject({
      toIndex: 0,
      releaseId: "r-2",
    });
  });

  it("sends nothing when a card is dropped where it already is", () => {
    expect(dropEdit(context(), "st-2", { kind: "story", stepId: "s-browse", releaseId: "r-mvp", index: 0 })).toBeNull();
    expect(dropEdit(context(), "st-1", { kind: "story", stepId: "s-browse", releaseId: "r-mvp", index: 1 })).toBeNull();
  });

  it("moves a step before or after another, also into another activity", () => {
    expect(dropEdit(context(), "s-browse", { kind: "step", activityId: "a-discover", stepId: "s-search", side: "after" })).toEqual({
      kind: "moveStep",
      stepId: "s-browse",
      activityId: "a-discover",
      toIndex: 1,
    });
    expect(dropEdit(context(), "s-browse", { kind: "step", activityId: "a-discover", stepId: "s-search", side: "before" })).toBeNull();
    expect(dropEdit(context(), "s-search", { kind: "step", activityId: "a-checkout", stepId: "s-pay", side: "before" })).toEqual({
      kind: "moveStep",
      stepId: "s-search",
      activityId: "a-checkout",
      toIndex: 0,
    });
    expect(dropEdit(context(), "s-browse", { kind: "step", activityId: "a-checkout", stepId: null, side: "into" })).toMatchObject({
      activityId: "a-checkout",
      toIndex: 1,
    });
  });

  it("reorders activities and slices", () => {
    expect(dropEdit(context(), "a-discover", { kind: "activity", activityId: "a-checkout", side: "after" })).toEqual({
      kind: "moveActivity",
      activityId: "a-discover",
      toIndex: 1,
    });
    expect(dropEdit(context(), "r-2", { kind: "release", releaseId: "r-mvp", side: "before" })).toEqual({
      kind: "moveRelease",
      releaseId: "r-2",
      toIndex: 0,
    });
    expect(dropEdit(context(), "r-2", { kind: "release", releaseId: "r-mvp", side: "after" })).toBeNull();
  });
});

describe("accepts", () => {
  it("lets each kind land only on its own targets", () => {
    expect(accepts("story", "cell")).toBe(true);
    expect(accepts("story", "step")).toBe(false);
    expect(accepts("step", "activity")).toBe(true);
    expect(accepts("activity", "step")).toBe(false);
    expect(accepts("release", "release")).toBe(true);
  });
});
