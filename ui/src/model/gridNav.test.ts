import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { groupStoriesIntoCells } from "./cells";
import { arrowDirection, firstFocus, moveFocus, type GridFocus } from "./gridNav";
import type { GridShape } from "./moves";

const grid: GridShape = {
  stepIds: ["s-browse", "s-search", "s-pay"],
  releaseIds: ["r-mvp", "r-2"],
  cells: groupStoriesIntoCells(sampleMap()),
};
const card = (storyId: string, stepId: string, releaseId: string): GridFocus => ({ kind: "card", storyId, stepId, releaseId });
const cell = (stepId: string, releaseId: string): GridFocus => ({ kind: "cell", stepId, releaseId });

describe("moveFocus", () => {
  it("walks down the cards of a cell, then into the next slice", () => {
    expect(moveFocus(grid, card("st-2", "s-browse", "r-mvp"), "down")).toEqual(card("st-1", "s-browse", "r-mvp"));
    expect(moveFocus(grid, card("st-1", "s-browse", "r-mvp"), "down")).toEqual(card("st-3", "s-browse", "r-2"));
    expect(moveFocus(grid, card("st-3", "s-browse", "r-2"), "down")).toBeNull();
  });

  it("goes up to the last card of the slice above", () => {
    expect(moveFocus(grid, card("st-3", "s-browse", "r-2"), "up")).toEqual(card("st-1", "s-browse", "r-mvp"));
    expect(moveFocus(grid, cell("s-pay", "r-2"), "up")).toEqual(card("st-5", "s-pay", "r-mvp"));
  });

  it("goes sideways to the card at the same height, or the cell when it is empty", () => {
    expect(moveFocus(grid, card("st-1", "s-browse", "r-mvp"), "right")).toEqual(card("st-4", "s-search", "r-mvp"));
    expect(moveFocus(grid, card("st-3", "s-browse", "r-2"), "right")).toEqual(cell("s-search", "r-2"));
    expect(moveFocus(grid, cell("s-search", "r-2"), "left")).toEqual(card("st-3", "s-browse", "r-2"));
    expect(moveFocus(grid, card("st-2", "s-browse", "r-mvp"), "left")).toBeNull();
  });

  it("gives up on a card that is no longer where focus thought it was", () => {
    expect(moveFocus(grid, card("st-gone", "s-browse", "r-mvp"), "down")).toBeNull();
  });

  it("starts at the first card of the first cell", () => {
    expect(firstFocus(grid)).toEqual(card("st-2", "s-browse", "r-mvp"));
    expect(firstFocus({ ...grid, releaseIds: [] })).toBeNull();
  });

  it("reads arrow keys", () => {
    expect(arrowDirection("ArrowLeft")).toBe("left");
    expect(arrowDirection("a")).toBeNull();
  });
});
