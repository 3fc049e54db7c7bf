//! The map as the grid and its keyboard see it: the step columns and open slices, titles by id,
//! and the collapsed slices a toggle leaves.
import type { MapView } from "../bindings/MapView";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { Cells } from "./cells";
import type { ColumnLayout } from "./layout";
import type { GridShape } from "./moves";

/** The grid keyboard moves walk: the step columns left to right, the slices not collapsed top to bottom. */
export function gridShape(layout: ColumnLayout, releases: readonly ReleaseView[], collapsed: ReadonlySet<string>, cells: Cells): GridShape {
  return {
    stepIds: layout.columns.flatMap((column) => (column.kind === "step" ? [column.step.id] : [])),
    releaseIds: releases.filter((release) => !collapsed.has(release.id)).map((release) => release.id),
    cells,
  };
}

/** The title of every activity, step, slice and story, by id. */
export function titlesById(view: MapView): Map<string, string> {
  const map = new Map<string, string>();
  for (const activity of view.activities) {
    map.set(activity.id, activity.title);
    for (const step of activity.steps) map.set(step.id, step.title);
  }
  for (const release of view.releases) map.set(release.id, release.title);
  for (const story of view.stories) map.set(story.id, story.title);
  return map;
}

/** The collapsed slices after toggling one: collapsed it opens, open it collapses (last). */
export function toggleCollapsed(ids: readonly string[], releaseId: string): string[] {
  return ids.includes(releaseId) ? ids.filter((id) => id !== releaseId) : [...ids, releaseId];
}
