//! The map as the grid draws it: its columns (with a step being typed), its cells, the grid
//! shape keyboard moves walk, titles by id; and the collapsed slices, a view pref.
import { useCallback, useMemo, useState } from "react";
import type { MapView } from "../bindings/MapView";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import { groupStoriesIntoCells, storiesInCell, type Cells } from "../model/cells";
import { layoutColumns } from "../model/layout";
import { gridShape, titlesById, toggleCollapsed } from "../model/mapShape";

/** Cells regrouped when the map changes, keeping unchanged cells' arrays for memoised cells. */
function useCells(view: MapView): Cells {
  const [cache, setCache] = useState(() => ({ view, cells: groupStoriesIntoCells(view) }));
  if (cache.view === view) return cache.cells;
  const cells = groupStoriesIntoCells(view, cache.cells);
  setCache({ view, cells });
  return cells;
}

export function useMapShape(view: MapView, collapsed: ReadonlySet<string>, draftStepFor: string | null) {
  const layout = useMemo(() => layoutColumns(view.activities, { draftStepFor }), [view.activities, draftStepFor]);
  const cells = useCells(view);
  const grid = useMemo(() => gridShape(layout, view.releases, collapsed, cells), [layout, view.releases, collapsed, cells]);
  const titles = useMemo(() => titlesById(view), [view]);
  const titleOf = useCallback((id: string) => titles.get(id) ?? "", [titles]);
  const storiesOf = useCallback((stepId: string, releaseId: string) => storiesInCell(cells, stepId, releaseId), [cells]);
  return { layout, cells, grid, titleOf, storiesOf };
}

/** The collapsed slices, and a toggle that saves them in the view prefs. */
export function useCollapsedSlices(prefs: ViewPrefs, onPrefs: (prefs: ViewPrefs) => void) {
  const collapsed = useMemo(() => new Set(prefs.collapsedReleaseIds), [prefs.collapsedReleaseIds]);
  const onToggle = useCallback(
    (releaseId: string) => {
      onPrefs({ ...prefs, collapsedReleaseIds: toggleCollapsed(prefs.collapsedReleaseIds, releaseId) });
    },
    [prefs, onPrefs],
  );
  return { collapsed, onToggle };
}
