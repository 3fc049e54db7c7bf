//! Re-ranking in the backlog: a story dropped next to another moves into that story's cell
//! (its step and slice), just before or after it. The core's rank order does the rest.
import type { MapEdit } from "../bindings/MapEdit";
import type { StoryView } from "../bindings/StoryView";
import { compareStories } from "./cells";

export interface BacklogDrop {
  edit: Extract<MapEdit, { kind: "moveStory" }>;
  /** The story it lands next to. */
  neighbour: StoryView;
}

/**
 * The move for dragging `activeId` onto the row of `overId` in the list `order`: after it when
 * dragged down, before it when dragged up. `null` when nothing would move.
 */
export function backlogDrop(
  order: readonly string[],
  stories: readonly StoryView[],
  activeId: string,
  overId: string,
): BacklogDrop | null {
  const from = order.indexOf(activeId);
  const to = order.indexOf(overId);
  if (from === -1 || to === -1 || from === to) return null;
  const neighbour = stories.find((story) => story.id === overId);
  if (!neighbour || !stories.some((story) => story.id === activeId)) return null;
  const cell = stories
    .filter((story) => story.stepId === neighbour.stepId && story.releaseId === neighbour.releaseId && story.id !== activeId)
    .sort(compareStories);
  const toIndex = cell.indexOf(neighbour) + (from < to ? 1 : 0);
  return {
    edit: { kind: "moveStory", storyId: activeId, stepId: neighbour.stepId, releaseId: neighbour.releaseId, toIndex },
    neighbour,
  };
}

/** `order` with `activeId` moved to where `overId` is: shown until the backlog is asked again. */
export function reorder(order: readonly string[], activeId: string, overId: string): string[] {
  const from = order.indexOf(activeId);
  const to = order.indexOf(overId);
  if (from === -1 || to === -1) return [...order];
  const next = order.filter((id) => id !== activeId);
  next.splice(to, 0, activeId);
  return next;
}
