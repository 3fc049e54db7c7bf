//! The story map: backbone on top, one band per release slice, cards in the cells; drag and
//! drop, keyboard shortcuts and delete confirmations all meet here.
import { DndContext, DragOverlay, useSensors } from "@dnd-kit/core";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import { groupStoriesIntoCells, storiesInCell, type Cells } from "../model/cells";
import { inRange } from "../model/cellWindow";
import type { GridFocus } from "../model/gridNav";
import { layoutColumns } from "../model/layout";
import type { GridShape } from "../model/moves";
import type { NewToast } from "../state/store";
import { AddInline } from "./AddInline";
import { cellKey } from "./Cell";
import { DependencyLegend, DependencyLines, type DependencySummary } from "./DependencyLines";
import { at, FIRST_BAND_ROW, FIRST_STORY_COLUMN, zoomVariable } from "./gridPlacement";
import type { DeleteTarget } from "./Headers";
import { MapBackbone } from "./MapBackbone";
import { MapDeleteDialog } from "./MapDeleteDialog";
import { ReadOnlyContext } from "./readOnly";
import { ReleaseBand } from "./ReleaseBand";
import { cellSelector } from "./selectors";
import { StatusBadge } from "./StoryCard";
import { useCellWindow } from "./useCellWindow";
import { useGridFocus } from "./useGridFocus";
import { useMapDnd, type DndMap } from "./useMapDnd";
import { useMapHandle, type MapKeysHandle } from "./useMapHandle";
import type { MapKeysContext } from "./useMapKeys";

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
  /** An earlier version: nothing renames, adds, drags or deletes. */
  readOnly?: boolean;
  ref?: React.Ref<MapKeysHandle>;
}

/** Maps with more cards than this draw only the cells near view; smaller ones draw every card. */
const WINDOW_FROM_CARDS = 400;

/** Cells regrouped when the map changes, keeping unchanged cells' arrays for memoised cells. */
function useCells(view: MapView): Cells {
  const [cache, setCache] = useState(() => ({ view, cells: groupStoriesIntoCells(view) }));
  if (cache.view === view) return cache.cells;
  const cells = groupStoriesIntoCells(view, cache.cells);
  setCache({ view, cells });
  return cells;
}

export function MapGrid({ view, prefs, matches, onEdit, onPrefs, onToast, showDependencies, readOnly = false, ref }: MapGridProps) {
  const [draftStepFor, setDraftStepFor] = useState<string | null>(null);
  const [addingCell, setAddingCell] = useState<string | null>(null);
  const [addingActivity, setAddingActivity] = useState(false);
  const [addingRelease, setAddingRelease] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<DeleteTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [revealed, setRevealed] = useState<GridFocus | null>(null);
  const [dependencySummary, setDependencySummary] = useState<DependencySummary | null>(null);
  const viewport = useRef<HTMLDivElement | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);
  const gridEl = useRef<HTMLDivElement | null>(null);
  const measureDrop = useRef(false);

  const layout = useMemo(() => layoutColumns(view.activities, { draftStepFor }), [view.activities, draftStepFor]);
  const cells = useCells(view);
  const collapsed = useMemo(() => new Set(prefs.collapsedReleaseIds), [prefs.collapsedReleaseIds]);
  const grid = useMemo<GridShape>(
    () => ({
      stepIds: layout.columns.flatMap((column) => (column.kind === "step" ? [column.step.id] : [])),
      releaseIds: view.releases.filter((release) => !collapsed.has(release.id)).map((release) => release.id),
      cells,
    }),
    [layout, view.releases, collapsed, cells],
  );
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const activity of view.activities) {
      map.set(activity.id, activity.title);
      for (const step of activity.steps) map.set(step.id, step.title);
    }
    for (const release of view.releases) map.set(release.id, release.title);
    for (const story of view.stories) map.set(story.id, story.title);
    return map;
  }, [view]);
  const titleOf = useCallback((id: string) => titles.get(id) ?? "", [titles]);
  const storiesOf = useCallback((stepId: string, releaseId: string) => storiesInCell(cells, stepId, releaseId), [cells]);
  const { tabStop, onFocusCapture, focusLater, focusAfterRender } = useGridFocus(view.stories, grid);
  const windowed = view.stories.length > WINDOW_FROM_CARDS;
  const { window: cellWindow, placeholderHeight } = useCellWindow(windowed, scroller, gridEl, storiesOf);

  const send = useCallback((edit: MapEdit) => onEdit(edit), [onEdit]);
  const edit = useCallback(
    (change: MapEdit) => {
      void onEdit(change);
    },
    [onEdit],
  );
  const deleteStory = useCallback(
    (story: StoryView) => {
      void onEdit({ kind: "deleteStory", storyId: story.id }).then((change) => {
        if (change) onToast({ kind: "undo", message: `Deleted story '${story.title}'` });
      });
    },
    [onEdit, onToast],
  );
  const onAddingChange = useCallback((key: string, open: boolean) => {
    setAddingCell((current) => (open ? key : current === key ? null : current));
    if (!open) {
      // Closing the input (Esc) leaves focus nowhere: give it back to the cell.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) {
          const [stepId = "", releaseId = ""] = key.split("\u0000");
          document.querySelector<HTMLElement>(cellSelector(stepId, releaseId))?.focus();
        }
      });
    }
  }, []);
  const onToggle = useCallback(
    (releaseId: string) => {
      const ids = prefs.collapsedReleaseIds;
      onPrefs({
        ...prefs,
        collapsedReleaseIds: ids.includes(releaseId) ? ids.filter((id) => id !== releaseId) : [...ids, releaseId],
      });
    },
    [prefs, onPrefs],
  );

  // The end-to-end test reads this measure: from the drop to the card drawn where the backend put it.
  useEffect(() => {
    if (!measureDrop.current) return;
    measureDrop.current = false;
    try {
      performance.measure("storymap:drop-to-drawn", "storymap:drop");
    } catch {
      // No drop mark (the drop started elsewhere): nothing to measure.
    }
  }, [view]);

  const dndMap = useRef<DndMap>({ ...view, cells, titleOf });
  useLayoutEffect(() => {
    dndMap.current = { ...view, cells, titleOf };
  });
  const onDrop = useCallback(
    (change: MapEdit) => {
      void onEdit(change).then((answer) => {
        if (answer) measureDrop.current = true;
      });
    },
    [onEdit],
  );
  const { drag, dndProps } = useMapDnd(dndMap, onDrop);
  const noSensors = useSensors();

  const keys: MapKeysContext = {
    view,
    grid,
    titleOf,
    send,
    deleteStory,
    askDelete: setPendingDelete,
    openAddStory: setAddingCell,
    openAddActivity: () => {
      setAddingActivity(true);
    },
    openAddStep: setDraftStepFor,
    openAddRelease: () => {
      setAddingRelease(true);
    },
    announce: setAnnouncement,
    reveal: setRevealed,
    focusLater,
    focusAfterRender,
  };
  useMapHandle(ref, keys, viewport, gridEl);

  const trailingColumn = FIRST_STORY_COLUMN + layout.columns.length;
  const addReleaseRow = FIRST_BAND_ROW + Math.max(view.releases.length, 1);
  const gridStyle: React.CSSProperties = {
    gridTemplateColumns: `var(--label-w) repeat(${layout.columns.length.toString()}, var(--col-w)) var(--trail-w)`,
  };
  const zoom = zoomVariable(prefs.zoom);
  const dragStory = drag?.kind === "story" ? view.stories.find((story) => story.id === drag.id) : undefined;
  const dragSource = drag?.kind === "story" ? dragStory : undefined;
  /** Whether a cell is drawn with its cards: near view, or holding focus, an input or the dragged card. */
  const isLive = (stepId: string, releaseId: string, columnIndex: number, bandIndex: number): boolean =>
    cellWindow === null ||
    (inRange(cellWindow.columns, columnIndex) && inRange(cellWindow.rows, bandIndex)) ||
    (tabStop?.stepId === stepId && tabStop.releaseId === releaseId) ||
    (revealed?.stepId === stepId && revealed.releaseId === releaseId) ||
    (dragSource?.stepId === stepId && dragSource.releaseId === releaseId) ||
    addingCell === cellKey(stepId, releaseId);

  return (
    <ReadOnlyContext value={readOnly}>
    <DndContext {...dndProps} sensors={readOnly ? noSensors : dndProps.sensors}>
      {/* Zoom scales the scroll area itself, with a transform (see .map-zoom in app.css). */}
      <div className="map-viewport" ref={viewport}>
        <div className="map-zoom" style={zoom}>
          <div className="map-scroll" data-testid="map-scroll" ref={scroller}>
            <div
              ref={gridEl}
              className={`map-grid${windowed ? " is-windowed" : ""}${readOnly ? " is-read-only" : ""}${drag ? ` is-dragging-${drag.kind}` : ""}`}
              style={gridStyle}
              aria-label={`Story map ${view.map.name}`}
              role="region"
              onFocus={onFocusCapture}
            >
              <MapBackbone
                layout={layout}
                drag={drag}
                trailingColumn={trailingColumn}
                addingActivity={addingActivity}
                setAddingActivity={setAddingActivity}
                setDraftStepFor={setDraftStepFor}
                onEdit={edit}
                onDelete={setPendingDelete}
              />

              {view.releases.map((release, index) => (
                <ReleaseBand
                  key={release.id}
                  release={release}
                  index={index}
                  layout={layout}
                  cells={cells}
                  trailingColumn={trailingColumn}
                  collapsed={collapsed.has(release.id)}
                  drag={drag}
                  tabStop={tabStop}
                  isLive={isLive}
                  placeholderHeight={placeholderHeight}
                  matches={matches}
                  addingCell={addingCell}
                  onAddingChange={onAddingChange}
                  onEdit={edit}
                  onToggle={onToggle}
                  onDelete={setPendingDelete}
                  onDeleteStory={deleteStory}
                />
              ))}
              {view.releases.length === 0 && (
                <div className="no-releases" style={at(FIRST_BAND_ROW, `1 / ${(trailingColumn + 1).toString()}`)}>
                  Add a release slice to start placing stories on the map.
                </div>
              )}
              {showDependencies && (
                <DependencyLines grid={gridEl} stories={view.stories} zoom={prefs.zoom} onSummary={setDependencySummary} />
              )}

              <div className="release-end" style={at(addReleaseRow, 1)}>
                <AddInline
                  open={addingRelease}
                  onOpenChange={setAddingRelease}
                  buttonText="Release slice"
                  buttonLabel="Add a release slice"
                  buttonClassName="ghost-button add-release"
                  buttonTestId="add-release"
                  inputLabel="New release slice title"
                  placeholder="Slice name"
                  inputClassName="release-input"
                  onSubmit={(title) => {
                    edit({ kind: "addRelease", title });
                  }}
                />
              </div>
            </div>
          </div>
        </div>
        {showDependencies && dependencySummary && <DependencyLegend summary={dependencySummary} />}
      </div>
      <DragOverlay dropAnimation={null}>
        {drag && (
          <div className={`drag-preview is-${drag.kind}`} style={zoom}>
            <span className="drag-preview-title">{titleOf(drag.id)}</span>
            {dragStory && <StatusBadge status={dragStory.status} />}
          </div>
        )}
      </DragOverlay>
      <div className="visually-hidden" aria-live="polite" data-testid="move-announcement">
        {announcement}
      </div>
      {pendingDelete && !readOnly && (
        <MapDeleteDialog
          target={pendingDelete}
          view={view}
          onCancel={() => {
            setPendingDelete(null);
          }}
          onConfirm={(change, message) => {
            setPendingDelete(null);
            void onEdit(change).then((answer) => {
              if (answer) onToast({ kind: "undo", message });
            });
          }}
        />
      )}
    </DndContext>
    </ReadOnlyContext>
  );
}
