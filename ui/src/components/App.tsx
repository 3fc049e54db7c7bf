//! The app shell: top bar, the map (or its empty state), toasts, the shortcuts dialog, and the
//! one key handler that routes every shortcut from the table.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Backend } from "../backend/backend";
import type { MapEdit } from "../bindings/MapEdit";
import type { StoryFlag } from "../bindings/StoryFlag";
import type { DisplayError } from "../model/errors";
import { DEFAULT_STATUS_NAMES, statusNames } from "../model/labels";
import { searchMatches } from "../model/search";
import { FlagFilter, flagCounts } from "./FlagFilter";
import { type PersonaFilter, personaCounts } from "../model/personaFilter";
import { PersonaFilterSelect } from "./personas/PersonaFilterSelect";
import { isTypingTarget, matchShortcut, type ShortcutId } from "../model/shortcuts";
import { clampZoom, zoomIn, zoomOut } from "../model/zoom";
import { useMapStore } from "../state/useMapStore";
import { EmptyMap } from "./EmptyMap";
import { ExchangeMenuContext } from "./exchange/exchangeMenu";
import { useExchangeScreens } from "./exchange/useExchangeScreens";
import { ConflictsContext } from "./history/conflicts";
import { PastMapContext } from "./history/pastMap";
import { useHistoryScreens } from "./history/useHistoryScreens";
import { MapGrid, type MapKeysHandle } from "./MapGrid";
import { StoryOpenContext } from "./refine/storyOpen";
import { useRoom } from "./room/useRoom";
import { SliceNeedsContext, useSliceNeeds } from "./refine/sliceNeeds";
import { useRefineScreens } from "./refine/useRefineScreens";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { LabelColorsContext, type LabelColors } from "./labelColors";
import { StatusNamesContext } from "./statusNames";
import { ArrivedContext } from "./sync/arrived";
import { DuplicatesBanner } from "./sync/DuplicatesBanner";
import { useSyncScreens } from "./sync/useSyncScreens";
import { useSyncStatuses } from "../state/useSyncStatuses";
import { ProgressPanel, useProgress } from "./ProgressPanel";
import { Toasts } from "./Toasts";
import { RepairDatabase } from "./repair/RepairDatabase";
import { TopBar } from "./TopBar";

const NO_LABEL_COLORS: LabelColors = { labelColors: {}, labelTextColors: {} };

export function App({ backend }: { backend: Backend }) {
  const [state, actions] = useMapStore(backend);
  const { view, prefs } = state;
  const { applyEdit, openMap, createMap, refreshMaps, undo, redo, setPrefs } = actions;
  const [search, setSearch] = useState("");
  const [flagFilter, setFlagFilter] = useState<StoryFlag | null>(null);
  const [personaFilter, setPersonaFilter] = useState<PersonaFilter>(null);
  const [showHelp, setShowHelp] = useState(false);
  // Not saved: lines are asked for in a meeting, and the map opens without them.
  const [showDependencies, setShowDependencies] = useState(false);
  const [showHeat, setShowHeat] = useState(false);
  const [createRequest, setCreateRequest] = useState(0);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const mapKeys = useRef<MapKeysHandle | null>(null);
  const refine = useRefineScreens(backend, view, applyEdit, actions.showToast);
  const { shortcut: refineShortcut, mode } = refine;
  const sync = useSyncScreens(backend, view, openMap, actions.showToast);
  const syncStatuses = useSyncStatuses(backend);
  const exchange = useExchangeScreens(backend, view, openMap, actions.showToast);
  const arrived = useMemo(() => new Set(state.arrived?.storyIds ?? []), [state.arrived]);
  const history = useHistoryScreens({
    backend,
    confirmed: state.confirmed,
    send: applyEdit,
    openStory: refine.openStory,
    onToast: actions.showToast,
  });
  const { toggleChanges, backToNow, pastView } = history;
  const viewingPast = pastView !== null;
  const sliceNeeds = useSliceNeeds(backend, mode === "map" && !viewingPast ? view : null);
  const room = useRoom({ backend, view, send: applyEdit, onToast: actions.showToast, openStory: refine.openStory });
  const { presenting, present } = room;
  const progress = useProgress(backend);

  const edit = useCallback(
    (change: MapEdit) => {
      void applyEdit(change);
    },
    [applyEdit],
  );
  const statusLabels = view?.settings.statusLabels;
  const names = useMemo(() => (statusLabels ? statusNames(statusLabels) : DEFAULT_STATUS_NAMES), [statusLabels]);
  const shownFlag = mode === "map" ? flagFilter : null;
  // A persona deleted (here or by a teammate) while the map is filtered by it stops filtering.
  const personas = view?.personas;
  const shownPersona =
    mode === "map" && personaFilter !== null && (personaFilter.personaId === null || personas?.some((p) => p.id === personaFilter.personaId))
      ? personaFilter
      : null;
  const matches = useMemo(
    () => (view ? searchMatches(view.stories, search, names, shownFlag, shownPersona) : null),
    [view, search, names, shownFlag, shownPersona],
  );
  const counts = useMemo(() => (view ? flagCounts(view.stories) : null), [view]);
  const servedCounts = useMemo(() => (view ? personaCounts(view.stories) : null), [view]);
  const zoom = clampZoom(prefs.zoom);
  const setZoom = useCallback(
    (next: number) => {
      if (next !== prefs.zoom) setPrefs({ ...prefs, zoom: next });
    },
    [prefs, setPrefs],
  );
  const fit = useCallback(() => {
    setZoom(mapKeys.current?.fitZoom() ?? 1);
  }, [setZoom]);

  // One handler for every shortcut in the table; none fires while typing in a field. A layout
  // effect, so the handler that sees the newly loaded map is in place when the map is drawn: a
  // passive effect may run a task later, and a key pressed in between found no map (F5 did nothing).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Presentation mode has its own keys.
      if (presenting || event.defaultPrevented || isTypingTarget(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      if (viewingPast && event.key === "Escape") {
        event.preventDefault();
        backToNow();
        return;
      }
      const shortcut = matchShortcut(event);
      if (!shortcut) return;
      // An earlier version is only looked at: moving around, zoom, search and help still work.
      if (viewingPast && !PAST_SHORTCUTS.has(shortcut.id)) return;
      let handled = true;
      switch (shortcut.id) {
        case "undo":
          void undo();
          break;
        case "redo":
          void redo();
          break;
        case "zoomIn":
          setZoom(zoomIn(zoom));
          break;
        case "zoomOut":
          setZoom(zoomOut(zoom));
          break;
        case "zoomFit":
          fit();
          break;
        case "search":
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case "help":
          setShowHelp(true);
          break;
        case "newMap":
          setCreateRequest((request) => request + 1);
          break;
        case "toggleDependencies":
          handled = mode === "map";
          if (handled) setShowDependencies((shown) => !shown);
          break;
        case "toggleWsjfHeat":
          handled = mode === "map";
          if (handled) setShowHeat((shown) => !shown);
          break;
        case "changes":
          toggleChanges();
          break;
        case "present":
          present();
          break;
        case "openStory":
        case "toggleBacklog":
          handled = refineShortcut(shortcut.id);
          break;
        default:
          handled = mode === "map" && (mapKeys.current?.shortcut(shortcut.id, event) ?? false);
      }
      if (handled) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [undo, redo, setZoom, zoom, fit, refineShortcut, mode, viewingPast, backToNow, toggleChanges, presenting, present]);

  const onUndo = useCallback(() => void undo(), [undo]);

  return (
    <div
      className={presenting ? "app is-presenting" : "app"}
      data-testid="app"
      data-ready={view ? "true" : undefined}
      data-pending-edits={state.pendingEdits}
    >
      <StatusNamesContext value={names}>
        <LabelColorsContext value={view?.settings ?? NO_LABEL_COLORS}>
        <ExchangeMenuContext value={exchange.menu}>
        <TopBar
          view={view}
          maps={state.maps}
          syncStatuses={syncStatuses}
          pendingEdits={state.pendingEdits}
          lastEditFailed={state.lastEditFailed}
          canSwitchMaps={state.phase === "failed"}
          onEdit={edit}
          onOpenMap={(mapId) => void openMap(mapId)}
          onCreateMap={(name) => void createMap(name)}
          onRefreshMaps={() => void refreshMaps()}
          createRequest={createRequest}
          history={state.history}
          onUndo={onUndo}
          onRedo={() => void redo()}
          zoom={zoom}
          onZoomIn={() => {
            setZoom(zoomIn(zoom));
          }}
          onZoomOut={() => {
            setZoom(zoomOut(zoom));
          }}
          onZoomFit={fit}
          search={search}
          onSearch={setSearch}
          searchCount={matches && view && search.trim() !== "" ? { matches: matches.size, total: view.stories.length } : null}
          searchRef={searchRef}
          filter={
            mode === "map" &&
            counts &&
            servedCounts && (
              <>
                <FlagFilter flag={flagFilter} counts={counts} onChange={setFlagFilter} />
                <PersonaFilterSelect
                  personas={personas ?? []}
                  filter={shownPersona}
                  counts={servedCounts}
                  onChange={setPersonaFilter}
                  onManage={refine.openPersonas}
                />
              </>
            )
          }
          onHelp={() => {
            setShowHelp(true);
          }}
          dependencies={mode === "map" ? showDependencies : null}
          onToggleDependencies={() => {
            setShowDependencies((shown) => !shown);
          }}
          heat={mode === "map" ? showHeat : null}
          onToggleHeat={() => {
            setShowHeat((shown) => !shown);
          }}
          onJoinMap={sync.openJoin}
          onImportMap={() => void sync.importMap()}
          onExportMap={() => void sync.exportMap()}
          onRestoreBackup={sync.openBackups}
          onAbout={sync.openAbout}
          historyButtons={history.buttons}
          roomButtons={!viewingPast && room.buttons}
          syncStatus={sync.pill}
        >
          {view && refine.viewSwitch}
        </TopBar>
        </ExchangeMenuContext>
        <StoryOpenContext value={viewingPast ? null : refine.openStory}>
        <ArrivedContext value={arrived}>
        <ConflictsContext value={history.storyConflicts}>
        <PastMapContext value={history.pastMap}>
        <main className={viewingPast ? "app-main is-past" : "app-main"}>
          {history.banner}
          {view && !viewingPast && mode === "map" && <DuplicatesBanner view={view} onEdit={edit} />}
          {pastView && (
            <MapGrid
              key={`past:${pastView.map.id}`}
              ref={mapKeys}
              view={pastView}
              prefs={{ ...prefs, zoom }}
              matches={null}
              onEdit={refuseEdit}
              onPrefs={setPrefs}
              onToast={actions.showToast}
              showDependencies={showDependencies}
              showHeat={showHeat}
              readOnly
            />
          )}
          {state.phase === "loading" && !view && <Loading />}
          {state.phase === "failed" && state.startError && (
            state.startError.code === "databaseDamaged" ? (
              <RepairDatabase backend={backend} onOpen={actions.retryStart} />
            ) : (
              <StartFailed error={state.startError} onRetry={actions.retryStart} />
            )
          )}
          {view && !viewingPast && mode === "backlog" && refine.backlog}
          {view &&
            !viewingPast &&
            mode === "map" &&
            (view.activities.length === 0 ? (
              <EmptyMap key={view.map.id} ref={mapKeys} mapName={view.map.name} onEdit={edit} />
            ) : (
              <SliceNeedsContext value={sliceNeeds}>
                <MapGrid
                  key={view.map.id}
                  ref={mapKeys}
                  view={view}
                  prefs={{ ...prefs, zoom }}
                  matches={matches}
                  onEdit={applyEdit}
                  onPrefs={setPrefs}
                  onToast={actions.showToast}
                  showDependencies={showDependencies}
                  showHeat={showHeat}
                  onManagePersonas={refine.openPersonas}
                />
              </SliceNeedsContext>
            ))}
        </main>
        </PastMapContext>
        </ConflictsContext>
        </ArrivedContext>
        </StoryOpenContext>
        {!viewingPast && room.presentation}
        {!viewingPast && refine.panel}
        {history.panels}
        {!viewingPast && room.panel}
        {room.dialogs}
        {refine.dialogs}
        {sync.dialogs}
        {exchange.dialogs}
        <ProgressPanel progress={progress} />
        <Toasts toasts={state.toasts} onDismiss={actions.dismissToast} onUndo={onUndo} />
        {showHelp && (
          <ShortcutsDialog
            onClose={() => {
              setShowHelp(false);
            }}
          />
        )}
        </LabelColorsContext>
      </StatusNamesContext>
    </div>
  );
}

/** Shortcuts that still act while an earlier version of the map is shown. */
const PAST_SHORTCUTS: ReadonlySet<ShortcutId> = new Set<ShortcutId>(["focus", "zoomIn", "zoomOut", "zoomFit", "help", "changes", "toggleDependencies", "toggleWsjfHeat"]);

/** The past map takes no edits (its grid offers none; this is the guard). */
const refuseEdit = () => Promise.resolve(null);

function Loading() {
  return (
    <div className="center-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <p>Opening your story map…</p>
    </div>
  );
}

function StartFailed({ error, onRetry }: { error: DisplayError; onRetry: () => void }) {
  return (
    <div className="center-state" role="alert">
      <h2>{error.title}</h2>
      {error.detail !== null && <p className="center-detail">{error.detail}</p>}
      <p className="center-hint">{error.hint}</p>
      <button type="button" className="primary-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
