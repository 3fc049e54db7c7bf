//! Cards grouped into cells (step column × release slice), in display order.
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";

/** `cells[stepId][releaseId]`: the stories of one cell, in display order. */
export type Cells = Readonly<Record<string, Readonly<Record<string, readonly StoryView[]>>>>;

const NO_STORIES: readonly StoryView[] = Object.freeze([]);

/** Display order inside a cell: by rank string, ties (two peers minting one rank) by id. */
export function compareStories(a: StoryView, b: StoryView): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

function sameStories(a: readonly StoryView[], b: readonly StoryView[]): boolean {
  return a.length === b.length && a.every((story, index) => story === b[index]);
}

/**
 * Groups stories into cells. Every step × release pair gets an entry, empty or not; stories whose
 * step or release is not on the map are left out. When `previous` is given, a cell whose stories
 * did not change keeps its old array, so memoised cells skip rendering.
 */
export function groupStoriesIntoCells(
  view: Pick<MapView, "activities" | "releases" | "stories">,
  previous?: Cells,
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
    cells[story.stepId]?.[story.releaseId]?.push(story);
  }
  for (const [stepId, row] of Object.entries(cells)) {
    for (const [releaseId, stories] of Object.entries(row)) {
      stories.sort(compareStories);
      const before = previous?.[stepId]?.[releaseId];
      if (before && sameStories(before, stories)) row[releaseId] = before as StoryView[];
    }
  }
  return cells;
}

export function storiesInCell(cells: Cells, stepId: string, releaseId: string): readonly StoryView[] {
  return cells[stepId]?.[releaseId] ?? NO_STORIES;
}
