//! Where a move puts things: the `toIndex` of a drop or of a keyboard move (Alt+arrows).
//! `toIndex` counts the destination's items without the moved one, as the backend expects.
import type { ActivityView } from "../bindings/ActivityView";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StoryView } from "../bindings/StoryView";
import { storiesInCell, type Cells } from "./cells";

export type Direction = "up" | "down" | "left" | "right";

export interface StoryPlace {
  stepId: string;
  releaseId: string;
  toIndex: number;
}

/** The grid as keyboard moves see it: step columns left to right, slices top to bottom. */
export interface GridShape {
  stepIds: readonly string[];
  releaseIds: readonly string[];
  cells: Cells;
}

/**
 * Where Alt+arrow moves a card. Up/down move it one place inside its cell, and past the cell's
 * edge into the previous slice (at its end) or the next one (at its start). Left/right move it to
 * the neighbouring step in the same slice, keeping its position as far as it goes.
 * `null` when it cannot move that way.
 */
export function storyMoveTarget(grid: GridShape, story: StoryView, direction: Direction): StoryPlace | null {
  const cell = storiesInCell(grid.cells, story.stepId, story.releaseId);
  const index = cell.findIndex((other) => other.id === story.id);
  if (index < 0) return null;
  const releaseAt = grid.releaseIds.indexOf(story.releaseId);
  const stepAt = grid.stepIds.indexOf(story.stepId);
  switch (direction) {
    case "up": {
      if (index > 0) return { stepId: story.stepId, releaseId: story.releaseId, toIndex: index - 1 };
      const releaseId = grid.releaseIds[releaseAt - 1];
      if (releaseAt < 0 || releaseId === undefined) return null;
      return { stepId: story.stepId, releaseId, toIndex: storiesInCell(grid.cells, story.stepId, releaseId).length };
    }
    case "down": {
      if (index < cell.length - 1) return { stepId: story.stepId, releaseId: story.releaseId, toIndex: index + 1 };
      const releaseId = grid.releaseIds[releaseAt + 1];
      if (releaseAt < 0 || releaseId === undefined) return null;
      return { stepId: story.stepId, releaseId, toIndex: 0 };
    }
    case "left":
    case "right": {
      const stepId = grid.stepIds[stepAt + (direction === "left" ? -1 : 1)];
      if (stepAt < 0 || stepId === undefined) return null;
      const length = storiesInCell(grid.cells, stepId, story.releaseId).length;
      return { stepId, releaseId: story.releaseId, toIndex: Math.min(index, length) };
    }
  }
}

/** Alt+←/→ on an activity: its new index, or `null` at the end of the backbone. */
export function activityMoveTarget(activities: readonly ActivityView[], activityId: string, step: -1 | 1): number | null {
  return siblingMove(activities.map((activity) => activity.id), activityId, step);
}

/** Alt+↑/↓ on a release slice: its new index, or `null` at the top or bottom. */
export function releaseMoveTarget(releases: readonly ReleaseView[], releaseId: string, step: -1 | 1): number | null {
  return siblingMove(releases.map((release) => release.id), releaseId, step);
}

function siblingMove(ids: readonly string[], id: string, step: -1 | 1): number | null {
  const index = ids.indexOf(id);
  const to = index + step;
  if (index < 0 || to < 0 || to >= ids.length) return null;
  return to;
}

/**
 * Alt+←/→ on a step: one place along its activity, and past the activity's edge to the end of
 * the previous activity or the start of the next one.
 */
export function stepMoveTarget(
  activities: readonly ActivityView[],
  stepId: string,
  step: -1 | 1,
): { activityId: string; toIndex: number } | null {
  const activityAt = activities.findIndex((activity) => activity.steps.some((candidate) => candidate.id === stepId));
  const activity = activities[activityAt];
  if (!activity) return null;
  const index = activity.steps.findIndex((candidate) => candidate.id === stepId);
  const to = index + step;
  if (to >= 0 && to < activity.steps.length) return { activityId: activity.id, toIndex: to };
  const neighbour = activities[activityAt + step];
  if (!neighbour) return null;
  return { activityId: neighbour.id, toIndex: step === -1 ? neighbour.steps.length : 0 };
}

/**
 * The `toIndex` for dropping `movedId` before or after `targetId` among `ids` (the destination's
 * items in display order, which may include the moved item). Dropping on itself keeps its place.
 */
export function dropIndex(ids: readonly string[], movedId: string, targetId: string, after: boolean): number {
  const without = ids.filter((id) => id !== movedId);
  if (targetId === movedId) {
    const index = ids.indexOf(movedId);
    return index < 0 ? without.length : index;
  }
  const index = without.indexOf(targetId);
  if (index < 0) return without.length;
  return after ? index + 1 : index;
}

/**
 * Where a card dropped into a cell goes, from the pointer's height and the vertical middles of
 * the cell's other cards (top to bottom, the dragged one left out): before the first card whose
 * middle is below the pointer.
 */
export function insertionIndex(pointerY: number, middles: readonly number[]): number {
  const index = middles.findIndex((middle) => pointerY < middle);
  return index < 0 ? middles.length : index;
}
