//! Where things sit on the map's CSS grid, and what the drag shows over a header.
import type { DropSide } from "./Headers";
import type { DragState } from "./useMapDnd";

// Grid lines: column 1 holds the slice labels, story columns start at 2, and one trailing
// column holds "+ Activity". Rows: the persona lane (once the map has personas), the
// activities, the steps, then one row per slice.
export const FIRST_STORY_COLUMN = 2;

export interface BackboneRows {
  activities: number;
  steps: number;
  /** The first slice's row. */
  firstBand: number;
}

const WITHOUT_LANE: BackboneRows = { activities: 1, steps: 2, firstBand: 3 };
const WITH_LANE: BackboneRows = { activities: 2, steps: 3, firstBand: 4 };

/** The backbone's rows, under the persona lane when there is one (row 1). */
export function backboneRows(personaLane: boolean): BackboneRows {
  return personaLane ? WITH_LANE : WITHOUT_LANE;
}

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
