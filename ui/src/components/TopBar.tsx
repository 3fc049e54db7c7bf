//! The top bar: map switcher and name, undo/redo, search, zoom, shortcuts, and the save and
//! sync status.
import { useEffect, useState } from "react";
import type { HistoryState } from "../bindings/HistoryState";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import { countLabel, storyCountLabel } from "../model/labels";
import { zoomLabel, ZOOM_MAX, ZOOM_MIN } from "../model/zoom";
import { EditableText } from "./EditableText";
import {
  AlertIcon,
  AppMark,
  CloseIcon,
  DeviceCheckIcon,
  FitIcon,
  KeyboardIcon,
  MinusIcon,
  PlusIcon,
  RedoIcon,
  SearchIcon,
  UndoIcon,
} from "./Icons";
import type { SyncStatuses } from "../state/useSyncStatuses";
import { MapSwitcher } from "./MapSwitcher";
import { HeatIcon, LinkIcon } from "./refine/RefineIcons";

export interface TopBarProps {
  view: MapView | null;
  maps: readonly MapSummary[];
  pendingEdits: number;
  lastEditFailed: boolean;
  /** Offer the map switcher even without a shown map (when the start map failed to open). */
  canSwitchMaps: boolean;
  onEdit: (edit: MapEdit) => void;
  onOpenMap: (mapId: string) => void;
  onCreateMap: (name: string) => void;
  onRefreshMaps: () => void;
  /** Bumped by Ctrl+N: opens the switcher on its "new map" input. */
  createRequest: number;
  history: HistoryState;
  onUndo: () => void;
  onRedo: () => void;
  zoom: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onZoomFit: () => void;
  search: string;
  onSearch: (query: string) => void;
  /** Matches and total while searching. */
  searchCount: { matches: number; total: number } | null;
  searchRef: React.RefObject<HTMLInputElement | null>;
  /** Drawn after the search box: the map's flag filter. */
  filter?: React.ReactNode;
  onHelp: () => void;
  /** Whether the dependency lines are shown; `null` where there are none to show (the backlog). */
  dependencies: boolean | null;
  onToggleDependencies: () => void;
  /** Whether the WSJF heat overlay is on; `null` where it does not apply (the backlog). */
  heat: boolean | null;
  onToggleHeat: () => void;
  onJoinMap: () => void;
  onImportMap: () => void;
  onExportMap: () => void;
  onRestoreBackup: () => void;
  onAbout: () => void;
  /** "What changed" and the conflicts indicator, drawn after the view switch. */
  historyButtons?: React.ReactNode;
  /** "Session" and "Present", drawn after the history buttons. */
  roomButtons?: React.ReactNode;
  /** The sync status pill, drawn beside the save status. */
  syncStatus?: React.ReactNode;
  /** Every shared map's sync status, shown in the map switcher. */
  syncStatuses?: SyncStatuses;
  /** Drawn after the undo/redo group: the view switch. */
  children?: React.ReactNode;
}

export function TopBar({
  view,
  maps,
  pendingEdits,
  lastEditFailed,
  canSwitchMaps,
  onEdit,
  onOpenMap,
  onCreateMap,
  onRefreshMaps,
  createRequest,
  history,
  onUndo,
  onRedo,
  zoom,
  onZoomIn,
  onZoomOut,
  onZoomFit,
  search,
  onSearch,
  searchCount,
  searchRef,
  filter,
  onHelp,
  dependencies,
  onToggleDependencies,
  heat,
  onToggleHeat,
  onJoinMap,
  onImportMap,
  onExportMap,
  onRestoreBackup,
  onAbout,
  historyButtons,
  roomButtons,
  syncStatus,
  syncStatuses = {},
  children,
}: TopBarProps) {
  const stepCount = view?.activities.reduce((sum, activity) => sum + activity.steps.length, 0) ?? 0;
  return (
    <header className="topbar">
      <div className="brand">
        <AppMark />
        <span className="brand-name">Storymap</span>
      </div>
      {(view || canSwitchMaps) && (
        <>
          <span className="topbar-divider" aria-hidden="true" />
          <MapSwitcher
            maps={maps}
            syncStatuses={syncStatuses}
            currentMapId={view?.map.id ?? null}
            onOpenMap={onOpenMap}
            onCreateMap={onCreateMap}
            onRefresh={onRefreshMaps}
            createRequest={createRequest}
            onJoinMap={onJoinMap}
            onImportMap={onImportMap}
            onExportMap={onExportMap}
            onRestoreBackup={onRestoreBackup}
            onAbout={onAbout}
          />
        </>
      )}
      {view && (
        <>
          <div className="map-title">
            <EditableText
              as="h1"
              className="map-name"
              inputClassName="map-name-input"
              testId="map-name"
              label="Map name"
              value={view.map.name}
              onCommit={(name) => {
                onEdit({ kind: "renameMap", name });
              }}
            />
          </div>
          <div className="toolbar-group" role="group" aria-label="History">
            <button
              type="button"
              className="icon-button"
              data-testid="undo-button"
              disabled={history.undo === null}
              aria-label={history.undo === null ? "Undo" : `Undo ${history.undo}`}
              title={history.undo === null ? "Nothing to undo" : `Undo ${history.undo} (Ctrl+Z)`}
              onClick={onUndo}
            >
              <UndoIcon size={18} />
            </button>
            <button
              type="button"
              className="icon-button"
              data-testid="redo-button"
              disabled={history.redo === null}
              aria-label={history.redo === null ? "Redo" : `Redo ${history.redo}`}
              title={history.redo === null ? "Nothing to redo" : `Redo ${history.redo} (Ctrl+Shift+Z)`}
              onClick={onRedo}
            >
              <RedoIcon size={18} />
            </button>
          </div>
          {children}
          {historyButtons}
          {roomButtons}
          <div className="topbar-spacer" />
          <div className={search === "" ? "search" : "search is-active"} role="search">
            <SearchIcon className="search-icon" />
            <input
              ref={searchRef}
              type="search"
              className="search-input"
              data-testid="search-input"
              aria-label="Search cards by title or status"
              placeholder="Search cards  (Ctrl+F)"
              value={search}
              onChange={(event) => {
                onSearch(event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  event.stopPropagation();
                  onSearch("");
                }
              }}
            />
            {searchCount && (
              <>
                <span className="search-count" data-testid="search-count" aria-live="polite">
                  {searchCount.matches} of {searchCount.total}
                </span>
                <button
                  type="button"
                  className="search-clear"
                  aria-label="Clear search"
                  onClick={() => {
                    onSearch("");
                    searchRef.current?.focus();
                  }}
                >
                  <CloseIcon size={14} />
                </button>
              </>
            )}
          </div>
          {filter}
          <button
            type="button"
            className="icon-button toggle-button"
            data-testid="dependency-lines-toggle"
            aria-pressed={dependencies === true}
            aria-label="Dependency lines"
            title={
              dependencies === null
                ? "Dependency lines show on the map"
                : `${dependencies ? "Hide" : "Show"} the dependency lines (D)`
            }
            disabled={dependencies === null}
            onClick={onToggleDependencies}
          >
            <LinkIcon size={18} />
          </button>
          <button
            type="button"
            className="icon-button toggle-button"
            data-testid="wsjf-heat-toggle"
            aria-pressed={heat === true}
            aria-label="WSJF heat"
            title={heat === null ? "The WSJF heat shows on the map" : `${heat ? "Hide" : "Show"} the WSJF heat (W)`}
            disabled={heat === null}
            onClick={onToggleHeat}
          >
            <HeatIcon size={18} />
          </button>
          <div className="toolbar-group" role="group" aria-label="Zoom">
            <button
              type="button"
              className="icon-button"
              data-testid="zoom-out"
              aria-label="Zoom out"
              title="Zoom out (Ctrl+-)"
              disabled={zoom <= ZOOM_MIN}
              onClick={onZoomOut}
            >
              <MinusIcon size={18} />
            </button>
            <span className="zoom-level" data-testid="zoom-level">
              {zoomLabel(zoom)}
            </span>
            <button
              type="button"
              className="icon-button"
              data-testid="zoom-in"
              aria-label="Zoom in"
              title="Zoom in (Ctrl+=)"
              disabled={zoom >= ZOOM_MAX}
              onClick={onZoomIn}
            >
              <PlusIcon size={18} />
            </button>
            <button
              type="button"
              className="icon-button"
              data-testid="zoom-fit"
              aria-label="Fit the map to the window"
              title="Fit to window (Ctrl+0)"
              onClick={onZoomFit}
            >
              <FitIcon size={18} />
            </button>
          </div>
          <button
            type="button"
            className="icon-button"
            data-testid="shortcuts-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={onHelp}
          >
            <KeyboardIcon size={18} />
          </button>
          <p className="map-stats" aria-label="Map size">
            <span>{countLabel(view.activities.length, "activity", "activities")}</span>
            <span aria-hidden="true">·</span>
            <span>{countLabel(stepCount, "step", "steps")}</span>
            <span aria-hidden="true">·</span>
            <span>{storyCountLabel(view.stories.length)}</span>
          </p>
          <SaveStatus pending={pendingEdits > 0} failed={lastEditFailed} />
          {syncStatus}
        </>
      )}
    </header>
  );
}

/** `flag`, but only once it has stayed true for `delayMs`: keeps quick saves from flickering. */
function useSettled(flag: boolean, delayMs: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!flag) return;
    const timer = setTimeout(() => {
      setSettled(true);
    }, delayMs);
    return () => {
      clearTimeout(timer);
      setSettled(false);
    };
  }, [flag, delayMs]);
  return flag && settled;
}

function SaveStatus({ pending: pendingNow, failed }: { pending: boolean; failed: boolean }) {
  const pending = useSettled(pendingNow, 400);
  let text = "Saved on this device";
  let tone = "saved";
  if (pending) {
    text = "Saving…";
    tone = "saving";
  } else if (failed) {
    text = "Last change not saved";
    tone = "failed";
  }
  return (
    <div className={`save-status is-${tone}`} role="status" data-testid="save-status" title={text}>
      {tone === "failed" ? <AlertIcon /> : <DeviceCheckIcon />}
      <span>{text}</span>
    </div>
  );
}
