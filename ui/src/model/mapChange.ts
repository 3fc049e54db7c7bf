//! Patching the UI's copy of a map with a `MapChange` from the backend, without a reload.
import type { MapChange } from "../bindings/MapChange";
import type { MapView } from "../bindings/MapView";
import type { ReleaseView } from "../bindings/ReleaseView";

function sameRelease(a: ReleaseView, b: ReleaseView): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.rank === b.rank &&
    a.rollup.stories === b.rollup.stories &&
    a.rollup.points === b.rollup.points &&
    a.rollup.unestimated === b.rollup.unestimated &&
    a.rollup.ready === b.rollup.ready &&
    a.rollup.done === b.rollup.done
  );
}

/**
 * The map after `change`. Untouched stories and releases keep their object identity, so only
 * what changed renders again. A change for another map leaves `view` as it is.
 */
export function applyMapChange(view: MapView, change: MapChange): MapView {
  if (change.mapId !== view.map.id) return view;
  const previousReleases = new Map(view.releases.map((release) => [release.id, release]));
  const releases = change.releases.map((release) => {
    const before = previousReleases.get(release.id);
    return before && sameRelease(before, release) ? before : release;
  });

  const replaced = new Map(change.stories.map((story) => [story.id, story]));
  const removed = new Set(change.removedStoryIds);
  const stories = [];
  for (const story of view.stories) {
    if (removed.has(story.id)) continue;
    const next = replaced.get(story.id);
    if (next) {
      replaced.delete(story.id);
      stories.push(next);
    } else {
      stories.push(story);
    }
  }
  for (const added of replaced.values()) {
    if (!removed.has(added.id)) stories.push(added);
  }

  return {
    ...view,
    map: change.name === null ? view.map : { ...view.map, name: change.name },
    activities: change.activities ?? view.activities,
    releases: releases.every((release, index) => release === view.releases[index]) &&
      releases.length === view.releases.length
      ? view.releases
      : releases,
    stories,
    settings: change.settings ?? view.settings,
    objectives: change.objectives ?? view.objectives,
    personas: change.personas ?? view.personas,
  };
}
