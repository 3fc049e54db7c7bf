import type { MapView } from "../bindings/MapView";

export interface ReleaseRollup {
  storyCount: number;
  doneCount: number;
  inProgressCount: number;
}

const EMPTY: ReleaseRollup = Object.freeze({ storyCount: 0, doneCount: 0, inProgressCount: 0 });

/** Story counts per release slice, keyed by release id; every release of the map has an entry. */
export function releaseRollups(
  view: Pick<MapView, "releases" | "stories">,
): ReadonlyMap<string, ReleaseRollup> {
  const rollups = new Map<string, ReleaseRollup>();
  for (const release of view.releases) {
    rollups.set(release.id, { storyCount: 0, doneCount: 0, inProgressCount: 0 });
  }
  for (const story of view.stories) {
    const rollup = rollups.get(story.releaseId);
    if (!rollup) continue;
    rollup.storyCount += 1;
    if (story.status === "done") rollup.doneCount += 1;
    if (story.status === "inProgress") rollup.inProgressCount += 1;
  }
  return rollups;
}

export function rollupFor(
  rollups: ReadonlyMap<string, ReleaseRollup>,
  releaseId: string,
): ReleaseRollup {
  return rollups.get(releaseId) ?? EMPTY;
}
