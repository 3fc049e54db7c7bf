//! What a drop means: the edit for dropping a card, step, activity or slice where the drop
//! indicator shows, or `null` when it would leave everything where it is.
import type { ActivityView } from "../bindings/ActivityView";
import type { MapEdit } from "../bindings/MapEdit";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StoryView } from "../bindings/StoryView";
import { storiesInCell, type Cells } from "./cells";
import { dropIndex } from "./moves";

export type DragKind = "story" | "step" | "activity" | "release";

/** Where the indicator is: `index` among the cell's other cards, or a side of a header. */
export type DropTarget =
  | { kind: "story"; stepId: string; releaseId: string; index: number }
  | { kind: "step"; activityId: string; stepId: string | null; side: "before" | "after" | "into" }
  | { kind: "activity"; activityId: string; side: "before" | "after" }
  | { kind: "release"; releaseId: string; side: "before" | "after" };

export interface DropContext {
  activities: readonly ActivityView[];
  releases: readonly ReleaseView[];
  stories: readonly StoryView[];
  cells: Cells;
}

function unchanged(ids: readonly string[], id: string, toIndex: number): boolean {
  return ids.indexOf(id) === toIndex;
}

export function dropEdit(map: DropContext, movedId: string, target: DropTarget): MapEdit | null {
  switch (target.kind) {
    case "story": {
      const story = map.stories.find((candidate) => candidate.id === movedId);
      if (!story) return null;
      const sameCell = story.stepId === target.stepId && story.releaseId === target.releaseId;
      const ids = storiesInCell(map.cells, target.stepId, target.releaseId).map((candidate) => candidate.id);
      if (sameCell && unchanged(ids, movedId, target.index)) return null;
      return { kind: "moveStory", storyId: movedId, stepId: target.stepId, releaseId: target.releaseId, toIndex: target.index };
    }
    case "step": {
      const activity = map.activities.find((candidate) => candidate.id === target.activityId);
      if (!activity) return null;
      const ids = activity.steps.map((step) => step.id);
      const toIndex =
        target.stepId === null || target.side === "into"
          ? ids.filter((id) => id !== movedId).length
          : dropIndex(ids, movedId, target.stepId, target.side === "after");
      if (ids.includes(movedId) && unchanged(ids, movedId, toIndex)) return null;
      return { kind: "moveStep", stepId: movedId, activityId: activity.id, toIndex };
    }
    case "activity": {
      const ids = map.activities.map((activity) => activity.id);
      const toIndex = dropIndex(ids, movedId, target.activityId, target.side === "after");
      return unchanged(ids, movedId, toIndex) ? null : { kind: "moveActivity", activityId: movedId, toIndex };
    }
    case "release": {
      const ids = map.releases.map((release) => release.id);
      const toIndex = dropIndex(ids, movedId, target.releaseId, target.side === "after");
      return unchanged(ids, movedId, toIndex) ? null : { kind: "moveRelease", releaseId: movedId, toIndex };
    }
  }
}

/** Which drop targets a dragged item may land on (by the targets' `type`). */
export function accepts(dragged: DragKind, targetType: string): boolean {
  switch (dragged) {
    case "story":
      return targetType === "cell";
    case "step":
      return targetType === "step" || targetType === "activity";
    case "activity":
      return targetType === "activity";
    case "release":
      return targetType === "release";
  }
}
