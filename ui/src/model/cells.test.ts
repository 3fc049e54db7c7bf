import { describe, expect, it } from "vitest";
import { sampleMap, story } from "../test/sampleMap";
import { groupStoriesIntoCells, storiesInCell } from "./cells";

describe("groupStoriesIntoCells", () => {
  it("puts every story into its step × release cell", () => {
    const cells = groupStoriesIntoCells(sampleMap());
    expect(cells["s-search"]?.["r-mvp"]?.map((s) => s.id)).toEqual(["st-4"]);
    expect(cells["s-browse"]?.["r-2"]?.map((s) => s.id)).toEqual(["st-3"]);
    expect(cells["s-pay"]?.["r-mvp"]?.map((s) => s.id)).toEqual(["st-5"]);
  });

  it("orders a cell's cards by rank, then by id when two ranks are equal", () => {
    const view = sampleMap();
    expect(groupStoriesIntoCells(view)["s-browse"]?.["r-mvp"]?.map((s) => s.id)).toEqual(["st-2", "st-1"]);
    view.stories.push(story("st-0", "Tie", "a-discover", "s-browse", "r-mvp", "idea", null, "a"));
    view.stories.push(story("st-9", "Last", "a-discover", "s-browse", "r-mvp", "idea", null, "a0"));
    expect(groupStoriesIntoCells(view)["s-browse"]?.["r-mvp"]?.map((s) => s.id)).toEqual(["st-0", "st-2", "st-9", "st-1"]);
  });

  it("keeps the arrays of cells whose cards did not change, for memoised cells", () => {
    const view = sampleMap();
    const before = groupStoriesIntoCells(view);
    const moved = view.stories.map((s) => (s.id === "st-5" ? { ...s, releaseId: "r-2" } : s));
    const after = groupStoriesIntoCells({ ...view, stories: moved }, before);
    expect(after["s-browse"]?.["r-mvp"]).toBe(before["s-browse"]?.["r-mvp"]);
    expect(after["s-pay"]?.["r-mvp"]).not.toBe(before["s-pay"]?.["r-mvp"]);
    expect(after["s-pay"]?.["r-2"]?.map((s) => s.id)).toEqual(["st-5"]);
  });

  it("has an empty entry for every cell without stories", () => {
    const cells = groupStoriesIntoCells(sampleMap());
    expect(cells["s-pay"]?.["r-2"]).toEqual([]);
    expect(cells["s-search"]?.["r-2"]).toEqual([]);
    expect(Object.keys(cells).sort()).toEqual(["s-browse", "s-pay", "s-search"]);
  });

  it("leaves out stories whose step or release is not on the map", () => {
    const view = sampleMap();
    view.stories.push(story("ghost-1", "Lost", "a-discover", "s-missing", "r-mvp"));
    view.stories.push(story("ghost-2", "Lost", "a-discover", "s-browse", "r-missing"));
    const cells = groupStoriesIntoCells(view);
    const all = Object.values(cells).flatMap((row) => Object.values(row).flat());
    expect(all.map((s) => s.id).sort()).toEqual(["st-1", "st-2", "st-3", "st-4", "st-5"]);
  });

  it("copes with ids that look like object properties", () => {
    const view = sampleMap();
    view.activities[0]?.steps.push({ id: "__proto__", title: "Odd", rank: "z" });
    view.stories.push(story("odd", "Odd", "a-discover", "__proto__", "r-mvp"));
    const cells = groupStoriesIntoCells(view);
    expect(storiesInCell(cells, "__proto__", "r-mvp").map((s) => s.id)).toEqual(["odd"]);
    expect(storiesInCell(cells, "toString", "r-mvp")).toEqual([]);
  });
});

describe("storiesInCell", () => {
  it("answers an empty list for an unknown cell", () => {
    const cells = groupStoriesIntoCells(sampleMap());
    expect(storiesInCell(cells, "nope", "r-mvp")).toEqual([]);
    expect(storiesInCell(cells, "s-browse", "nope")).toEqual([]);
  });
});
