//! Which cells of a large map are drawn: those near the scrolled-to area (the window), plus the
//! ones focus, an open input or a drag needs. Cells outside it keep their height as an empty box.

/** Where one column or row lies along its axis, in layout pixels of the grid. */
export interface Span {
  start: number;
  size: number;
}

/** The first and last index drawn along one axis (inclusive); `null`: none. */
export type IndexRange = readonly [number, number] | null;

export interface CellWindow {
  columns: IndexRange;
  rows: IndexRange;
}

/** The spans that overlap `[from, to]`. Spans are in order along the axis. */
export function spansIn(spans: readonly Span[], from: number, to: number): IndexRange {
  let first = -1;
  let last = -1;
  spans.forEach((span, index) => {
    if (span.start + span.size >= from && span.start <= to) {
      if (first < 0) first = index;
      last = index;
    }
  });
  return first < 0 ? null : [first, last];
}

/** Whether `index` lies in `range`. */
export function inRange(range: IndexRange, index: number): boolean {
  return range !== null && index >= range[0] && index <= range[1];
}

/** A cell by its step and slice. */
export interface CellAt {
  stepId: string;
  releaseId: string;
}

/** Whether a cell (at `columnIndex`, in the slice at `rowIndex`) is drawn with its cards. */
export type LiveCells = (stepId: string, releaseId: string, columnIndex: number, rowIndex: number) => boolean;

/**
 * Every cell is live without a window; with one, the cells in it are, and the `pinned` ones
 * wherever they are (the one holding focus, an open input or the dragged card).
 */
export function liveCells(window: CellWindow | null, pinned: readonly (CellAt | null | undefined)[]): LiveCells {
  return (stepId, releaseId, columnIndex, rowIndex) =>
    window === null ||
    (inRange(window.columns, columnIndex) && inRange(window.rows, rowIndex)) ||
    pinned.some((cell) => cell?.stepId === stepId && cell.releaseId === releaseId);
}

export function sameWindow(a: CellWindow | null, b: CellWindow | null): boolean {
  const same = (x: IndexRange, y: IndexRange) => x === y || (x !== null && y !== null && x[0] === y[0] && x[1] === y[1]);
  return a === b || (a !== null && b !== null && same(a.columns, b.columns) && same(a.rows, b.rows));
}

/**
 * The cells to draw for a scroll position: the columns and rows that overlap the visible area
 * grown by `overscan` on each side. `null` when the grid has no layout yet (nothing measured):
 * then every cell is drawn.
 */
export function cellWindow(
  columns: readonly Span[],
  rows: readonly Span[],
  view: { left: number; top: number; width: number; height: number },
  overscan: { x: number; y: number },
): CellWindow | null {
  const laidOut = columns.some((span) => span.size > 0) && view.width > 0 && view.height > 0;
  if (!laidOut) return null;
  return {
    columns: spansIn(columns, view.left - overscan.x, view.left + view.width + overscan.x),
    rows: spansIn(rows, view.top - overscan.y, view.top + view.height + overscan.y),
  };
}

/** What a cell's height is learnt from: an empty cell's, and each card's share. */
export interface CellHeights {
  empty: number;
  perCard: number;
}

export const DEFAULT_CELL_HEIGHTS: CellHeights = { empty: 62, perCard: 96 };

/** The height of a cell with `cards` cards that has not been drawn (or changed since). */
export function estimateCellHeight(cards: number, heights: CellHeights): number {
  return Math.round(heights.empty + cards * heights.perCard);
}

/** `heights` after seeing a drawn cell of `cards` cards and `height` pixels (a running mean). */
export function learnCellHeight(heights: CellHeights, cards: number, height: number, weight = 0.2): CellHeights {
  if (cards === 0) return { ...heights, empty: height };
  const perCard = (height - heights.empty) / cards;
  if (!(perCard > 0)) return heights;
  return { ...heights, perCard: heights.perCard + (perCard - heights.perCard) * weight };
}
