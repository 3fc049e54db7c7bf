import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";

/** `cells[stepId][releaseId]`: the stories of one cell, in the order the backend gave them. */
export type Cells = Readonly<Record<string, Readonly<Record<string, readonly StoryView[]>>>>;

const NO_STORIES: readonly StoryView[] = Object.freeze([]);

/**
 * Groups stories into cells (step column × release slice). Every step × release pair gets an
 * entry, empty or not. Order inside a cell is the order of `view.stories`: the backend owns
 * ordering, so nothing here sorts. Stories whose step or release is not on the map are left out.
 */
export function groupStoriesIntoCells(
  view: Pick<MapView, "activities" | "releases" | "stories">,
): Cells {
  const cells: Record<string, Record<string, StoryView[]>> = Object.create(null) as Record<
    string,
    Record<string, StoryView[]>
  >;
  for (const activity of view.activities) {
    for (const step of activity.steps) {
      const row: Record<string, StoryView[]> = Object.create(null) as Record<string, StoryView[]>;
      for (const release of view.releases) {
        row[release.id] = [];
      }
      cells[step.id] = row;
    }
  }
  for (const story of view.stories) {
    const cell = cells[story.stepId]?.[story.releaseId];
    if (cell) {
      cell.push(story);
    }
  }
  return cells;
}

export function storiesInCell(cells: Cells, stepId: string, releaseId: string): readonly StoryView[] {
  return cells[stepId]?.[releaseId] ?? NO_STORIES;
}
