import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { groupStoriesIntoCells } from "./cells";
import { layoutColumns } from "./layout";
import { gridShape, titlesById, toggleCollapsed } from "./mapShape";

describe("gridShape", () => {
  it("walks the step columns and the slices not collapsed, in order", () => {
    const view = sampleMap();
    const cells = groupStoriesIntoCells(view);
    const shape = gridShape(layoutColumns(view.activities), view.releases, new Set(["r-mvp"]), cells);
    expect(shape.stepIds).toEqual(["s-browse", "s-search", "s-pay"]);
    expect(shape.releaseIds).toEqual(["r-2"]);
    expect(shape.cells).toBe(cells);
  });

  it("leaves out a draft column and an activity's empty column", () => {
    const view = sampleMap();
    view.activities.push({ id: "a-empty", title: "Empty", rank: "c", steps: [] });
    const layout = layoutColumns(view.activities, { draftStepFor: "a-checkout" });
    const shape = gridShape(layout, view.releases, new Set(), groupStoriesIntoCells(view));
    expect(layout.columns.map((column) => column.kind)).toEqual(["step", "step", "step", "draft", "empty"]);
    expect(shape.stepIds).toEqual(["s-browse", "s-search", "s-pay"]);
    expect(shape.releaseIds).toEqual(["r-mvp", "r-2"]);
  });
});

describe("titlesById", () => {
  it("knows every activity, step, slice and story by id", () => {
    const titles = titlesById(sampleMap());
    expect(titles.get("a-checkout")).toBe("Check out");
    expect(titles.get("s-search")).toBe("Search");
    expect(titles.get("r-2")).toBe("Release 2");
    expect(titles.get("st-5")).toBe("Pay by card");
    expect(titles.size).toBe(2 + 3 + 2 + 5);
  });
});

describe("toggleCollapsed", () => {
  it("collapses an open slice (last) and opens a collapsed one", () => {
    expect(toggleCollapsed(["r-1"], "r-2")).toEqual(["r-1", "r-2"]);
    expect(toggleCollapsed(["r-1", "r-2"], "r-1")).toEqual(["r-2"]);
    expect(toggleCollapsed([], "r-1")).toEqual(["r-1"]);
  });
});
