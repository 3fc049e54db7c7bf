//! Windowing for large maps: tracks which cells are near the scrolled-to area, and how tall the
//! cells outside it are (as last drawn, or estimated from their cards), so rows keep their height.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { StoryView } from "../bindings/StoryView";
import {
  cellWindow,
  DEFAULT_CELL_HEIGHTS,
  estimateCellHeight,
  learnCellHeight,
  sameWindow,
  type CellHeights,
  type CellWindow,
  type Span,
} from "../model/cellWindow";
import { cellKey } from "./Cell";

/** How far beyond the visible area cells are drawn, in layout pixels (about a column, a third of a slice). */
const OVERSCAN = { x: 260, y: 220 };
const FIRST_WINDOW: CellWindow = { columns: [0, 7], rows: [0, 2] };

interface DrawnHeight {
  stories: readonly StoryView[];
  height: number;
}

/** The story columns, from the step headers (sticky at the top, so their left is where they lie). */
function columnSpans(grid: HTMLElement): Span[] {
  return Array.from(grid.querySelectorAll<HTMLElement>(":scope > .step"), (step) => ({
    start: step.offsetLeft,
    size: step.offsetWidth,
  }));
}

/** The slices' rows: each from its rule (a thin line along its top) to the next one's. */
function rowSpans(grid: HTMLElement): Span[] {
  const tops = Array.from(grid.querySelectorAll<HTMLElement>(":scope > .band-rule, :scope > .release-end"), (element) => element.offsetTop);
  return tops.slice(0, -1).map((top, index) => ({ start: top, size: (tops[index + 1] ?? top) - top }));
}

/** A drawn cell's own height: down to its last child and its bottom padding (it stretches to its row). */
function contentHeight(cell: HTMLElement, paddingBottom: number): number {
  const last = cell.lastElementChild;
  if (!(last instanceof HTMLElement)) return cell.offsetHeight;
  const bottom = last.offsetTop + last.offsetHeight - (last.offsetParent === cell ? 0 : cell.offsetTop);
  return bottom + paddingBottom;
}

/**
 * `window` is `null` when every cell is drawn (a small map, or no layout to measure yet).
 * `placeholderHeight` is the height an undrawn cell keeps. `storiesOf` gives a cell's cards.
 */
export function useCellWindow(
  enabled: boolean,
  scroller: React.RefObject<HTMLElement | null>,
  grid: React.RefObject<HTMLElement | null>,
  storiesOf: (stepId: string, releaseId: string) => readonly StoryView[],
) {
  // Until the grid is measured: the first columns and slices, about a window's worth.
  const [window, setWindow] = useState<CellWindow | null>(() => (enabled ? FIRST_WINDOW : null));
  const geometry = useRef<{ columns: Span[]; rows: Span[] }>({ columns: [], rows: [] });
  const drawn = useRef(new Map<string, DrawnHeight>());
  const learnt = useRef<CellHeights>(DEFAULT_CELL_HEIGHTS);
  const paddingBottom = useRef<number | null>(null);
  const update = useRef<() => void>(() => undefined);

  useEffect(() => {
    const area = scroller.current;
    if (!enabled || !area) return;
    const recompute = () => {
      const view = { left: area.scrollLeft, top: area.scrollTop, width: area.clientWidth, height: area.clientHeight };
      const next = cellWindow(geometry.current.columns, geometry.current.rows, view, OVERSCAN);
      setWindow((current) => (sameWindow(current, next) ? current : next));
    };
    update.current = recompute;
    recompute();
    area.addEventListener("scroll", recompute, { passive: true });
    globalThis.addEventListener("resize", recompute);
    return () => {
      update.current = () => undefined;
      area.removeEventListener("scroll", recompute);
      globalThis.removeEventListener("resize", recompute);
    };
  }, [enabled, scroller]);

  // After each render, before paint: learn the drawn cells' heights and where columns and rows
  // lie now; the window follows at once (so a grown row never shows cells missing).
  useLayoutEffect(() => {
    const content = grid.current;
    if (!enabled || !content) return;
    for (const cell of content.querySelectorAll<HTMLElement>(':scope > [data-testid="cell"]')) {
      if (cell.offsetHeight <= 0) continue; // not laid out (tests without layout)
      const { stepId = "", releaseId = "" } = cell.dataset;
      paddingBottom.current ??= Number.parseFloat(getComputedStyle(cell).paddingBottom) || 0;
      const stories = storiesOf(stepId, releaseId);
      const height = contentHeight(cell, paddingBottom.current);
      drawn.current.set(cellKey(stepId, releaseId), { stories, height });
      learnt.current = learnCellHeight(learnt.current, stories.length, height);
    }
    geometry.current = { columns: columnSpans(content), rows: rowSpans(content) };
    update.current();
  });

  const placeholderHeight = useCallback((stepId: string, releaseId: string, stories: readonly StoryView[]) => {
    const known = drawn.current.get(cellKey(stepId, releaseId));
    return known?.stories === stories ? known.height : estimateCellHeight(stories.length, learnt.current);
  }, []);

  return { window: enabled ? window : null, placeholderHeight };
}
