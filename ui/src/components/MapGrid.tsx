//! The story map: backbone on top, one band per release slice, cards in the cells; drag and
//! drop, keyboard shortcuts and delete confirmations all meet here.
import { DndContext, DragOverlay, useSensors } from "@dnd-kit/core";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import { groupStoriesIntoCells, storiesInCell, type Cells } from "../model/cells";
import { inRange } from "../model/cellWindow";
import { firstFocus, type GridFocus } from "../model/gridNav";
import { countLabel, storyCountLabel } from "../model/labels";
import { activityTone, layoutColumns } from "../model/layout";
import type { GridShape } from "../model/moves";
import type { ShortcutId } from "../model/shortcuts";
import { fitZoom } from "../model/zoom";
import type { NewToast } from "../state/store";
import { AddInline } from "./AddInline";
import { Cell, cellKey } from "./Cell";
import { DependencyLegend, DependencyLines, type DependencySummary } from "./DependencyLines";
import { ConfirmDelete, DeleteReleaseDialog } from "./ConfirmDelete";
import {
  ActivityHeader,
  DraftStepHeader,
  EmptyStepHeader,
  ReleaseHeader,
  StepHeader,
  type DeleteTarget,
  type DropSide,
} from "./Headers";
import { ReadOnlyContext } from "./readOnly";
import { cellSelector } from "./selectors";
import { StatusBadge } from "./StoryCard";
import { useCellWindow } from "./useCellWindow";
import { useMapDnd, type DndMap, type DragState } from "./useMapDnd";
import { focusedItem, runMapShortcut, type MapKeysContext } from "./useMapKeys";

/** What the app's key handler and zoom controls may ask of the map. */
export interface MapKeysHandle {
  /** Runs a map shortcut on the focused item; `false` when it does not apply. */
  shortcut: (id: ShortcutId, event: KeyboardEvent) => boolean;
  /** The zoom at which the whole map fits the window. */
  fitZoom: () => number;
}

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

// Grid lines: column 1 holds the slice labels, story columns start at 2, and one trailing
// column holds "+ Activity". Row 1 is the activities, row 2 the steps, then one row per slice.
const FIRST_STORY_COLUMN = 2;
const FIRST_BAND_ROW = 3;
/** Maps with more cards than this draw only the cells near view; smaller ones draw every card. */
const WINDOW_FROM_CARDS = 400;

const placements = new Map<string, React.CSSProperties>();

/** A grid placement; the same object for the same place, so memoised cells and headers skip renders. */
function at(row: number | string, column: number | string): React.CSSProperties {
  const key = `${row.toString()}|${column.toString()}`;
  let style = placements.get(key);
  if (!style) {
    style = { gridRow: row, gridColumn: column };
    placements.set(key, style);
  }
  return style;
}

/** Cells regrouped when the map changes, keeping unchanged cells' arrays for memoised cells. */
function useCells(view: MapView): Cells {
  const [cache, setCache] = useState(() => ({ view, cells: groupStoriesIntoCells(view) }));
  if (cache.view === view) return cache.cells;
  const cells = groupStoriesIntoCells(view, cache.cells);
  setCache({ view, cells });
  return cells;
}

/** The zoom as the CSS variable the map's frame and the drag preview scale by. */
function zoomVariable(zoom: number): React.CSSProperties {
  return { "--map-zoom": zoom.toString() } as React.CSSProperties;
}

function headerSide(drag: DragState | null, kind: "step" | "activity" | "release", id: string): DropSide {
  const target = drag?.target;
  if (!target) return null;
  if (kind === "step" && target.kind === "step" && target.stepId === id) return target.side;
  if (kind === "activity" && target.kind === "step" && target.stepId === null && target.activityId === id) return "into";
  if (kind === "activity" && target.kind === "activity" && target.activityId === id) return target.side;
  if (kind === "release" && target.kind === "release" && target.releaseId === id) return target.side;
  return null;
}

export function MapGrid({ view, prefs, matches, onEdit, onPrefs, onToast, showDependencies, readOnly = false, ref }: MapGridProps) {
  const [draftStepFor, setDraftStepFor] = useState<string | null>(null);
  const [addingCell, setAddingCell] = useState<string | null>(null);
  const [addingActivity, setAddingActivity] = useState(false);
  const [addingRelease, setAddingRelease] = useState(false);
  const [focus, setFocus] = useState<GridFocus | null>(null);
  const [pendingDelete, setPendingDelete] = useState<DeleteTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [revealed, setRevealed] = useState<GridFocus | null>(null);
  const [dependencySummary, setDependencySummary] = useState<DependencySummary | null>(null);
  const viewport = useRef<HTMLDivElement | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);
  const gridEl = useRef<HTMLDivElement | null>(null);
  const pendingFocus = useRef<string | null>(null);
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

  // Focus asked for by a key press lands once the element is drawn (a moved card is remounted).
  useLayoutEffect(() => {
    const selector = pendingFocus.current;
    if (selector === null) return;
    const element = document.querySelector<HTMLElement>(selector);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  });
  const focusLater = useCallback((selector: string) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) element.focus();
    else pendingFocus.current = selector;
  }, []);
  const focusAfterRender = useCallback((selector: string) => {
    pendingFocus.current = selector;
  }, []);

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
  const keysRef = useRef(keys);
  useLayoutEffect(() => {
    keysRef.current = keys;
  });
  useImperativeHandle(
    ref,
    () => ({
      shortcut: (id, event) => runMapShortcut(keysRef.current, id, event),
      fitZoom: () => {
        const area = viewport.current;
        const content = gridEl.current;
        if (!area || !content) return 1;
        // The grid lays out at 100 % (the scale is applied outside the scroll area).
        return fitZoom(
          { width: content.offsetWidth, height: content.offsetHeight },
          { width: area.clientWidth, height: area.clientHeight },
        );
      },
    }),
    [],
  );

  // The grid's one tab stop: the focused card or cell while it is still on the map, else the first.
  const tabStop = useMemo((): GridFocus | null => {
    if (focus?.kind === "card") {
      const story = view.stories.find((candidate) => candidate.id === focus.storyId);
      if (story && grid.releaseIds.includes(story.releaseId)) {
        return { kind: "card", storyId: story.id, stepId: story.stepId, releaseId: story.releaseId };
      }
    } else if (focus && grid.releaseIds.includes(focus.releaseId) && grid.stepIds.includes(focus.stepId)) {
      return storiesInCell(cells, focus.stepId, focus.releaseId).length === 0 ? focus : firstFocus({ ...grid, stepIds: [focus.stepId], releaseIds: [focus.releaseId] });
    }
    return firstFocus(grid);
  }, [focus, view.stories, grid, cells]);

  const onFocusCapture = (event: React.FocusEvent) => {
    const item = focusedItem(event.target);
    if (item?.kind === "card") {
      const story = view.stories.find((candidate) => candidate.id === item.storyId);
      if (story && (focus?.kind !== "card" || focus.storyId !== story.id)) {
        setFocus({ kind: "card", storyId: story.id, stepId: story.stepId, releaseId: story.releaseId });
      }
    } else if (item?.kind === "cell" && event.target instanceof HTMLElement && event.target.dataset.testid === "cell") {
      if (focus?.kind !== "cell" || focus.stepId !== item.stepId || focus.releaseId !== item.releaseId) setFocus(item);
    }
  };

  const trailingColumn = FIRST_STORY_COLUMN + layout.columns.length;
  const addReleaseRow = FIRST_BAND_ROW + Math.max(view.releases.length, 1);
  const gridStyle: React.CSSProperties = {
    gridTemplateColumns: `var(--label-w) repeat(${layout.columns.length.toString()}, var(--col-w)) var(--trail-w)`,
  };
  const zoom = zoomVariable(prefs.zoom);
  const dragStory = drag?.kind === "story" ? view.stories.find((story) => story.id === drag.id) : undefined;
  const storyTarget = drag?.target?.kind === "story" ? drag.target : null;
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
              <div className="corner corner-activities" style={at(1, 1)}>
                <span className="corner-label">Activities</span>
              </div>
              {layout.spans.map((span) => (
                <ActivityHeader
                  key={span.activity.id}
                  activity={span.activity}
                  tone={span.tone}
                  style={at(1, `${(FIRST_STORY_COLUMN + span.start).toString()} / span ${span.span.toString()}`)}
                  showStepText={span.span > 1}
                  dropSide={headerSide(drag, "activity", span.activity.id)}
                  onEdit={edit}
                  onAddStep={setDraftStepFor}
                  onDelete={setPendingDelete}
                />
              ))}
              <div className="backbone-end" style={at(1, trailingColumn)}>
                <AddInline
                  open={addingActivity}
                  onOpenChange={setAddingActivity}
                  buttonText="Activity"
                  buttonLabel="Add an activity"
                  buttonClassName="ghost-button add-activity"
                  buttonTestId="add-activity"
                  inputLabel="New activity title"
                  placeholder="Activity title"
                  inputClassName="backbone-input"
                  onSubmit={(title) => {
                    edit({ kind: "addActivity", title });
                  }}
                />
              </div>

              <div className="corner corner-steps" style={at(2, 1)}>
                <span className="corner-label">Steps</span>
              </div>
              {layout.columns.map((column) => {
                const tone = activityTone(column.activityIndex);
                const style = at(2, FIRST_STORY_COLUMN + column.index);
                if (column.kind === "step") {
                  return (
                    <StepHeader
                      key={column.key}
                      stepId={column.step.id}
                      title={column.step.title}
                      activityId={column.activity.id}
                      tone={tone}
                      style={style}
                      dropSide={headerSide(drag, "step", column.step.id)}
                      onEdit={edit}
                      onDelete={setPendingDelete}
                    />
                  );
                }
                if (column.kind === "draft") {
                  return (
                    <DraftStepHeader
                      key={column.key}
                      activity={column.activity}
                      tone={tone}
                      style={style}
                      onEdit={edit}
                      onDone={() => {
                        setDraftStepFor((current) => (current === column.activity.id ? null : current));
                      }}
                    />
                  );
                }
                return <EmptyStepHeader key={column.key} activityId={column.activity.id} tone={tone} style={style} />;
              })}
              <div className="steps-end" style={at(2, trailingColumn)} aria-hidden="true" />

              {view.releases.map((release, index) => {
                const row = FIRST_BAND_ROW + index;
                const isCollapsed = collapsed.has(release.id);
                return [
                  <div key={`rule:${release.id}`} className="band-rule" style={at(row, `1 / ${(trailingColumn + 1).toString()}`)} aria-hidden="true" />,
                  <ReleaseHeader
                    key={`release:${release.id}`}
                    release={release}
                    style={at(row, 1)}
                    collapsed={isCollapsed}
                    dropSide={headerSide(drag, "release", release.id)}
                    onEdit={edit}
                    onToggle={onToggle}
                    onDelete={setPendingDelete}
                  />,
                  isCollapsed ? (
                    <div
                      key={`collapsed:${release.id}`}
                      className="collapsed-band"
                      style={at(row, `${FIRST_STORY_COLUMN.toString()} / span ${layout.columns.length.toString()}`)}
                    >
                      {storyCountLabel(release.rollup.stories)} hidden · expand the slice to see them
                    </div>
                  ) : (
                    layout.columns.map((column) => {
                      const style = at(row, FIRST_STORY_COLUMN + column.index);
                      if (column.kind !== "step") {
                        return <div key={`${column.key}:${release.id}`} className="cell cell-placeholder" style={style} aria-hidden="true" />;
                      }
                      const key = cellKey(column.step.id, release.id);
                      const isTarget = storyTarget?.stepId === column.step.id && storyTarget.releaseId === release.id;
                      const stop = tabStop?.stepId === column.step.id && tabStop.releaseId === release.id ? tabStop : null;
                      const stories = storiesInCell(cells, column.step.id, release.id);
                      const live = isLive(column.step.id, release.id, column.index, index);
                      return (
                        <Cell
                          key={key}
                          stepId={column.step.id}
                          releaseId={release.id}
                          stepTitle={column.step.title}
                          releaseTitle={release.title}
                          stories={stories}
                          style={style}
                          live={live}
                          height={live ? 0 : placeholderHeight(column.step.id, release.id, stories)}
                          tabStop={stop ? (stop.kind === "card" ? stop.storyId : "cell") : null}
                          dropIndex={isTarget ? storyTarget.index : null}
                          dragId={isTarget ? (drag?.id ?? null) : null}
                          matches={matches}
                          adding={addingCell === key}
                          onAddingChange={onAddingChange}
                          onEdit={edit}
                          onDelete={deleteStory}
                        />
                      );
                    })
                  ),
                ];
              })}
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
        <DeleteDialog
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

function DeleteDialog({
  target,
  view,
  onCancel,
  onConfirm,
}: {
  target: DeleteTarget;
  view: MapView;
  onCancel: () => void;
  onConfirm: (edit: MapEdit, undoMessage: string) => void;
}) {
  if (target.kind === "release") {
    const release = view.releases.find((candidate) => candidate.id === target.id);
    if (!release) return null;
    return (
      <DeleteReleaseDialog
        release={release}
        others={view.releases.filter((other) => other.id !== release.id)}
        onCancel={onCancel}
        onConfirm={(moveStoriesTo) => {
          onConfirm({ kind: "deleteRelease", releaseId: release.id, moveStoriesTo }, `Deleted slice '${release.title}'`);
        }}
      />
    );
  }
  if (target.kind === "step") {
    const step = view.activities.flatMap((activity) => activity.steps).find((candidate) => candidate.id === target.id);
    if (!step) return null;
    const count = view.stories.filter((story) => story.stepId === step.id).length;
    const what = count === 0 ? `step '${step.title}'` : `step '${step.title}' and its ${storyCountLabel(count)}`;
    return (
      <ConfirmDelete
        title="Delete step"
        message={`Delete ${what}?`}
        confirmText="Delete step"
        onCancel={onCancel}
        onConfirm={() => {
          onConfirm({ kind: "deleteStep", stepId: step.id }, `Deleted ${what}`);
        }}
      />
    );
  }
  const activity = view.activities.find((candidate) => candidate.id === target.id);
  if (!activity) return null;
  const stepIds = new Set(activity.steps.map((step) => step.id));
  const count = view.stories.filter((story) => stepIds.has(story.stepId)).length;
  const parts = [`activity '${activity.title}'`];
  if (activity.steps.length > 0) parts.push(`its ${countLabel(activity.steps.length, "step", "steps")}`);
  if (count > 0) parts.push(`${activity.steps.length > 0 ? "their" : "its"} ${storyCountLabel(count)}`);
  const what = parts.length === 3 ? `${parts[0] ?? ""}, ${parts[1] ?? ""} and ${parts[2] ?? ""}` : parts.join(" and ");
  return (
    <ConfirmDelete
      title="Delete activity"
      message={`Delete ${what}?`}
      confirmText="Delete activity"
      onCancel={onCancel}
      onConfirm={() => {
        onConfirm({ kind: "deleteActivity", activityId: activity.id }, `Deleted ${what}`);
      }}
    />
  );
}
