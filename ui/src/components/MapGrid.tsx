//! The story map: backbone on top, one band per release slice, cards in the cells; drag and
//! drop, keyboard shortcuts and delete confirmations all meet here (see `useMapGrid`).
import { DndContext } from "@dnd-kit/core";
import { useState } from "react";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import type { NewToast } from "../state/store";
import { DependencyLegend, DependencyLines, type DependencySummary } from "./DependencyLines";
import { backboneRows, FIRST_STORY_COLUMN, zoomVariable } from "./gridPlacement";
import { MapBackbone } from "./MapBackbone";
import { MapDeleteDialog } from "./MapDeleteDialog";
import { MapDragPreview } from "./MapDragPreview";
import { MapFrame } from "./MapFrame";
import { ReadOnlyContext } from "./readOnly";
import { AddReleaseRow, ReleaseBands } from "./ReleaseBand";
import { LabelLegend } from "./labelColors";
import { WsjfHeatLegend } from "./refine/WsjfHeat";
import { useMapGrid } from "./useMapGrid";
import type { MapKeysHandle } from "./useMapHandle";

export type { MapKeysHandle };

export interface MapGridProps {
  view: MapView;
  prefs: ViewPrefs;
  matches: ReadonlySet<string> | null;
  onEdit: (edit: MapEdit) => Promise<MapChange | null>;
  onPrefs: (prefs: ViewPrefs) => void;
  onToast: (toast: NewToast) => void;
  /** Draw lines from each story to the stories it depends on. */
  showDependencies: boolean;
  /** Tint the cards by WSJF score, with the key in the corner. */
  showHeat?: boolean;
  /** An earlier version: nothing renames, adds, drags or deletes. */
  readOnly?: boolean;
  /** Opens the map's personas (from the persona lane's corner). */
  onManagePersonas?: () => void;
  ref?: React.Ref<MapKeysHandle>;
}

export function MapGrid(props: MapGridProps) {
  const { view, prefs, matches, showDependencies, showHeat = false, readOnly = false } = props;
  const map = useMapGrid(props);
  const { inputs, edits, layout, drag } = map;
  const [dependencySummary, setDependencySummary] = useState<DependencySummary | null>(null);
  const trailingColumn = FIRST_STORY_COLUMN + layout.columns.length;
  const lane = view.personas.length > 0;
  const rows = backboneRows(lane);
  const zoom = zoomVariable(prefs.zoom);
  return (
    <ReadOnlyContext value={readOnly}>
    <DndContext {...map.dndProps}>
      <MapFrame
        viewportRef={map.refs.viewport}
        scrollRef={map.refs.scroller}
        gridRef={map.refs.gridEl}
        zoom={zoom}
        className={`map-grid${map.windowed ? " is-windowed" : ""}${readOnly ? " is-read-only" : ""}${showHeat ? " is-wsjf-heat" : ""}${lane ? " has-persona-lane" : ""}${drag ? ` is-dragging-${drag.kind}` : ""}`}
        columnCount={layout.columns.length}
        label={`Story map ${view.map.name}`}
        onFocus={map.onFocusCapture}
        legend={
          <>
            {showDependencies && dependencySummary && <DependencyLegend summary={dependencySummary} />}
            {showHeat && <WsjfHeatLegend scored={scoredCount(view)} total={view.stories.length} />}
            <LabelLegend settings={view.settings} />
          </>
        }
      >
        <MapBackbone
          layout={layout}
          rows={rows}
          personas={view.personas}
          onManagePersonas={props.onManagePersonas ?? noop}
          drag={drag}
          trailingColumn={trailingColumn}
          addingActivity={inputs.addingActivity}
          setAddingActivity={inputs.setAddingActivity}
          setDraftStepFor={inputs.setDraftStepFor}
          onEdit={edits.edit}
          onDelete={edits.askDelete}
        />
        <ReleaseBands
          releases={view.releases}
          firstRow={rows.firstBand}
          collapsed={map.collapsed}
          layout={layout}
          cells={map.cells}
          trailingColumn={trailingColumn}
          drag={drag}
          tabStop={map.tabStop}
          isLive={map.isLive}
          placeholderHeight={map.placeholderHeight}
          matches={matches}
          addingCell={inputs.addingCell}
          onAddingChange={inputs.onAddingChange}
          onEdit={edits.edit}
          onToggle={map.onToggle}
          onDelete={edits.askDelete}
          onDeleteStory={edits.deleteStory}
        />
        {showDependencies && (
          <DependencyLines grid={map.refs.gridEl} stories={view.stories} zoom={prefs.zoom} onSummary={setDependencySummary} />
        )}
        <AddReleaseRow
          releaseCount={view.releases.length}
          firstRow={rows.firstBand}
          open={inputs.addingRelease}
          onOpenChange={inputs.setAddingRelease}
          onEdit={edits.edit}
        />
      </MapFrame>
      <MapDragPreview drag={drag} story={map.dragStory} titleOf={map.titleOf} zoom={zoom} />
      <div className="visually-hidden" aria-live="polite" data-testid="move-announcement">
        {map.announcement}
      </div>
      {edits.pendingDelete && !readOnly && (
        <MapDeleteDialog target={edits.pendingDelete} view={view} onCancel={edits.cancelDelete} onConfirm={edits.confirmDelete} />
      )}
    </DndContext>
    </ReadOnlyContext>
  );
}

function noop() {}

function scoredCount(view: MapView): number {
  return view.stories.filter((story) => story.refinement.wsjf !== null).length;
}
