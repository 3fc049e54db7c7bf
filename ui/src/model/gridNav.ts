//! Arrow-key focus across the grid: cards, and cells that have no card to focus.
import { storiesInCell } from "./cells";
import type { Direction, GridShape } from "./moves";

export type GridFocus =
  | { kind: "card"; storyId: string; stepId: string; releaseId: string }
  | { kind: "cell"; stepId: string; releaseId: string };

function first(grid: GridShape, stepId: string, releaseId: string): GridFocus {
  const story = storiesInCell(grid.cells, stepId, releaseId)[0];
  return story ? { kind: "card", storyId: story.id, stepId, releaseId } : { kind: "cell", stepId, releaseId };
}

function at(grid: GridShape, stepId: string, releaseId: string, index: number): GridFocus {
  const stories = storiesInCell(grid.cells, stepId, releaseId);
  const story = stories[Math.max(0, Math.min(index, stories.length - 1))];
  return story ? { kind: "card", storyId: story.id, stepId, releaseId } : { kind: "cell", stepId, releaseId };
}

/** Where focus starts: the first card (or cell) of the first slice and step. */
export function firstFocus(grid: GridShape): GridFocus | null {
  const stepId = grid.stepIds[0];
  const releaseId = grid.releaseIds[0];
  return stepId === undefined || releaseId === undefined ? null : first(grid, stepId, releaseId);
}

/**
 * Where an arrow key takes focus: along the cards of a cell, then to the neighbouring slice (its
 * last card going up, its first going down) or step (the card at the same height). `null` at the
 * map's edge, or when `from` is no longer on the map.
 */
export function moveFocus(grid: GridShape, from: GridFocus, direction: Direction): GridFocus | null {
  const stories = storiesInCell(grid.cells, from.stepId, from.releaseId);
  const index = from.kind === "card" ? stories.findIndex((story) => story.id === from.storyId) : -1;
  const releaseAt = grid.releaseIds.indexOf(from.releaseId);
  const stepAt = grid.stepIds.indexOf(from.stepId);
  if (releaseAt < 0 || stepAt < 0 || (from.kind === "card" && index < 0)) return null;
  switch (direction) {
    case "up": {
      if (index > 0) return at(grid, from.stepId, from.releaseId, index - 1);
      const releaseId = grid.releaseIds[releaseAt - 1];
      return releaseId === undefined ? null : at(grid, from.stepId, releaseId, Number.MAX_SAFE_INTEGER);
    }
    case "down": {
      if (index < stories.length - 1) return at(grid, from.stepId, from.releaseId, index + 1);
      const releaseId = grid.releaseIds[releaseAt + 1];
      return releaseId === undefined ? null : first(grid, from.stepId, releaseId);
    }
    case "left":
    case "right": {
      const stepId = grid.stepIds[stepAt + (direction === "left" ? -1 : 1)];
      return stepId === undefined ? null : at(grid, stepId, from.releaseId, Math.max(index, 0));
    }
  }
}

/** "ArrowUp" → "up", or `null` for any other key. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    default:
      return null;
  }
}
