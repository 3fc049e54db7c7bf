//! Moves and deletions shown at once, before the backend answers, for a flicker-free drop.
//! The backend's `MapChange` then patches the confirmed map and this preview is dropped.
import type { ActivityView } from "../bindings/ActivityView";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import { compareStories } from "./cells";

function moveItem<T extends { id: string }>(items: readonly T[], id: string, toIndex: number): T[] {
  const moved = items.find((item) => item.id === id);
  if (!moved) return [...items];
  const rest = items.filter((item) => item.id !== id);
  rest.splice(Math.max(0, Math.min(toIndex, rest.length)), 0, moved);
  return rest;
}

/** Local preview ranks: they only have to order the one destination cell they are set on. */
function previewRank(index: number): string {
  return `~preview${index.toString().padStart(6, "0")}`;
}

function moveStory(view: MapView, edit: Extract<MapEdit, { kind: "moveStory" }>): MapView {
  const moved = view.stories.find((story) => story.id === edit.storyId);
  const activity = view.activities.find((candidate) => candidate.steps.some((step) => step.id === edit.stepId));
  if (!moved || !activity) return view;
  const order = view.stories
    .filter((story) => story.stepId === edit.stepId && story.releaseId === edit.releaseId && story.id !== moved.id)
    .sort(compareStories);
  order.splice(Math.max(0, Math.min(edit.toIndex, order.length)), 0, moved);
  const ranks = new Map(order.map((story, index) => [story.id, previewRank(index)]));
  const stories = view.stories.map((story): StoryView => {
    const rank = ranks.get(story.id);
    if (rank === undefined) return story;
    if (story.id !== moved.id) return { ...story, rank };
    return { ...story, rank, stepId: edit.stepId, releaseId: edit.releaseId, activityId: activity.id };
  });
  return { ...view, stories };
}

function moveStep(view: MapView, edit: Extract<MapEdit, { kind: "moveStep" }>): MapView {
  const step = view.activities.flatMap((activity) => activity.steps).find((candidate) => candidate.id === edit.stepId);
  if (!step || !view.activities.some((activity) => activity.id === edit.activityId)) return view;
  const activities = view.activities.map((activity): ActivityView => {
    const had = activity.steps.some((candidate) => candidate.id === step.id);
    if (activity.id === edit.activityId) {
      const steps = activity.steps.filter((candidate) => candidate.id !== step.id);
      steps.splice(Math.max(0, Math.min(edit.toIndex, steps.length)), 0, step);
      return { ...activity, steps };
    }
    return had ? { ...activity, steps: activity.steps.filter((candidate) => candidate.id !== step.id) } : activity;
  });
  return { ...view, activities };
}

/** `view` as it will look once `edit` is applied, for the edits worth showing before the answer. */
export function previewEdit(view: MapView, edit: MapEdit): MapView {
  switch (edit.kind) {
    case "moveStory":
      return moveStory(view, edit);
    case "moveStep":
      return moveStep(view, edit);
    case "moveActivity":
      return { ...view, activities: moveItem(view.activities, edit.activityId, edit.toIndex) };
    case "moveRelease":
      return { ...view, releases: moveItem(view.releases, edit.releaseId, edit.toIndex) };
    case "deleteStory":
      return { ...view, stories: view.stories.filter((story) => story.id !== edit.storyId) };
    default:
      return view;
  }
}

/** Whether `previewEdit` shows this edit ahead of the backend. */
export function isPreviewed(edit: MapEdit): boolean {
  return ["moveStory", "moveStep", "moveActivity", "moveRelease", "deleteStory"].includes(edit.kind);
}
