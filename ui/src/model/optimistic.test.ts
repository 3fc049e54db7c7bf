import { describe, expect, it } from "vitest";
import type { MapView } from "../bindings/MapView";
import { sampleMap } from "../test/sampleMap";
import { groupStoriesIntoCells, storiesInCell } from "./cells";
import { isPreviewed, previewEdit } from "./optimistic";

const cell = (view: MapView, stepId: string, releaseId: string) =>
  storiesInCell(groupStoriesIntoCells(view), stepId, releaseId).map((story) => story.id);

describe("previewEdit", () => {
  it("places a moved card at its index in the destination cell", () => {
    const view = sampleMap();
    const moved = previewEdit(view, { kind: "moveStory", storyId: "st-2", stepId: "s-browse", releaseId: "r-mvp", toIndex: 1 });
    expect(cell(moved, "s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    const across = previewEdit(view, { kind: "moveStory", storyId: "st-5", stepId: "s-browse", releaseId: "r-2", toIndex: 0 });
    expect(cell(across, "s-browse", "r-2")).toEqual(["st-5", "st-3"]);
    expect(cell(across, "s-pay", "r-mvp")).toEqual([]);
    expect(across.stories.find((story) => story.id === "st-5")?.activityId).toBe("a-discover");
  });

  it("reorders steps, also into another activity, activities and slices", () => {
    const view = sampleMap();
    const step = previewEdit(view, { kind: "moveStep", stepId: "s-browse", activityId: "a-checkout", toIndex: 1 });
    expect(step.activities.map((activity) => activity.steps.map((s) => s.id))).toEqual([["s-search"], ["s-pay", "s-browse"]]);
    const activity = previewEdit(view, { kind: "moveActivity", activityId: "a-discover", toIndex: 1 });
    expect(activity.activities.map((a) => a.id)).toEqual(["a-checkout", "a-discover"]);
    const release = previewEdit(view, { kind: "moveRelease", releaseId: "r-mvp", toIndex: 1 });
    expect(release.releases.map((r) => r.id)).toEqual(["r-2", "r-mvp"]);
  });

  it("hides a deleted card and leaves other edits to the backend", () => {
    const view = sampleMap();
    expect(previewEdit(view, { kind: "deleteStory", storyId: "st-1" }).stories.map((s) => s.id)).not.toContain("st-1");
    expect(previewEdit(view, { kind: "renameMap", name: "X" })).toBe(view);
    expect(isPreviewed({ kind: "renameMap", name: "X" })).toBe(false);
    expect(isPreviewed({ kind: "moveRelease", releaseId: "r", toIndex: 0 })).toBe(true);
  });
});
