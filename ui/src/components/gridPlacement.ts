//! Where things sit on the map's CSS grid, and what the drag shows over a header.
import type { DropSide } from "./Headers";
import type { DragState } from "./useMapDnd";

// Grid lines: column 1 holds the slice labels, story columns start at 2, and one trailing
// column holds "+ Activity". Row 1 is the activities, row 2 the steps, then one row per slice.
export const FIRST_STORY_COLUMN = 2;
export const FIRST_BAND_ROW = 3;

const placements = new Map<string, React.CSSProperties>();

/** A grid placement; the same object for the same place, so memoised cells and headers skip renders. */
export function at(row: number | string, column: number | string): React.CSSProperties {
  const key = `${row.toString()}|${column.toString()}`;
  let style = placements.get(key);
  if (!style) {
    style = { gridRow: row, gridColumn: column };
    placements.set(key, style);
  }
  return style;
}

/** The zoom as the CSS variable the map's frame and the drag preview scale by. */
export function zoomVariable(zoom: number): React.CSSProperties {
  return { "--map-zoom": zoom.toString() } as React.CSSProperties;
}

/** Where a dragged item would land on this header, if over it. */
export function headerSide(drag: DragState | null, kind: "step" | "activity" | "release", id: string): DropSide {
  const target = drag?.target;
  if (!target) return null;
  if (kind === "step" && target.kind === "step" && target.stepId === id) return target.side;
  if (kind === "activity" && target.kind === "step" && target.stepId === null && target.activityId === id) return "into";
  if (kind === "activity" && target.kind === "activity" && target.activityId === id) return target.side;
  if (kind === "release" && target.kind === "release" && target.releaseId === id) return target.side;
  return null;
}
