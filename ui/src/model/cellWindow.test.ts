import { describe, expect, it } from "vitest";
import {
  cellWindow,
  DEFAULT_CELL_HEIGHTS,
  estimateCellHeight,
  inRange,
  learnCellHeight,
  liveCells,
  sameWindow,
  spansIn,
  type Span,
} from "./cellWindow";

/** `count` spans of `size` pixels one after the other, the first at `start`. */
function evenSpans(count: number, size: number, start = 0): Span[] {
  return Array.from({ length: count }, (_, index) => ({ start: start + index * size, size }));
}

describe("cell window", () => {
  it("finds the spans overlapping a range, edges included", () => {
    const columns = evenSpans(10, 100, 200); // 200–300, 300–400, …
    expect(spansIn(columns, 0, 150)).toBe(null);
    expect(spansIn(columns, 0, 200)).toEqual([0, 0]);
    expect(spansIn(columns, 250, 420)).toEqual([0, 2]);
    expect(spansIn(columns, 1150, 5000)).toEqual([9, 9]);
    expect(spansIn(columns, 1250, 5000)).toBe(null);
  });

  it("draws the columns and rows in view plus the overscan", () => {
    const columns = evenSpans(60, 236, 212);
    const rows = evenSpans(8, 500, 124);
    const view = { left: 2000, top: 900, width: 1400, height: 800 };
    expect(cellWindow(columns, rows, view, { x: 0, y: 0 })).toEqual({ columns: [7, 13], rows: [1, 3] });
    expect(cellWindow(columns, rows, view, { x: 260, y: 220 })).toEqual({ columns: [6, 14], rows: [1, 3] });
  });

  it("draws everything until there is a layout to measure", () => {
    expect(cellWindow(evenSpans(3, 0), evenSpans(2, 0), { left: 0, top: 0, width: 0, height: 0 }, { x: 0, y: 0 })).toBe(null);
    expect(cellWindow([], [], { left: 0, top: 0, width: 1400, height: 800 }, { x: 0, y: 0 })).toBe(null);
  });

  it("compares windows by value", () => {
    expect(sameWindow({ columns: [1, 2], rows: null }, { columns: [1, 2], rows: null })).toBe(true);
    expect(sameWindow({ columns: [1, 2], rows: [0, 1] }, { columns: [1, 3], rows: [0, 1] })).toBe(false);
    expect(sameWindow(null, { columns: null, rows: null })).toBe(false);
    expect(inRange([2, 4], 4)).toBe(true);
    expect(inRange([2, 4], 5)).toBe(false);
    expect(inRange(null, 0)).toBe(false);
  });

  it("estimates an undrawn cell's height from the cells drawn so far", () => {
    expect(estimateCellHeight(0, DEFAULT_CELL_HEIGHTS)).toBe(62);
    expect(estimateCellHeight(2, DEFAULT_CELL_HEIGHTS)).toBe(254);
    const empty = learnCellHeight(DEFAULT_CELL_HEIGHTS, 0, 60);
    expect(empty).toEqual({ empty: 60, perCard: 96 });
    let heights = empty;
    for (let i = 0; i < 50; i += 1) heights = learnCellHeight(heights, 5, 60 + 5 * 105);
    expect(estimateCellHeight(5, heights)).toBe(585);
    expect(learnCellHeight(heights, 3, 10)).toBe(heights); // a cell shorter than an empty one teaches nothing
  });

  it("draws every cell without a window; with one, those in it and the pinned ones anywhere", () => {
    expect(liveCells(null, [])("s", "r", 40, 9)).toBe(true);
    const live = liveCells({ columns: [2, 4], rows: [0, 1] }, [null, undefined, { stepId: "s-far", releaseId: "r-far" }]);
    expect(live("s", "r", 2, 0)).toBe(true);
    expect(live("s", "r", 4, 1)).toBe(true);
    expect(live("s", "r", 5, 1)).toBe(false);
    expect(live("s", "r", 3, 2)).toBe(false);
    expect(live("s-far", "r-far", 40, 9)).toBe(true);
    expect(live("s-far", "r", 40, 9)).toBe(false);
    expect(liveCells({ columns: null, rows: null }, [])("s", "r", 0, 0)).toBe(false);
  });
});
