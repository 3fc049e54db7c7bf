import { useCallback } from "react";
import type { Backend } from "../backend/backend";
import type { MapEdit } from "../bindings/MapEdit";
import type { DisplayError } from "../model/errors";
import { useMapStore } from "../state/useMapStore";
import { EmptyMap } from "./EmptyMap";
import { MapGrid } from "./MapGrid";
import { Toasts } from "./Toasts";
import { TopBar } from "./TopBar";

export function App({ backend }: { backend: Backend }) {
  const [state, actions] = useMapStore(backend);
  const { view } = state;
  const { applyEdit, openMap, createMap, refreshMaps } = actions;

  const edit = useCallback(
    (change: MapEdit) => {
      void applyEdit(change);
    },
    [applyEdit],
  );

  return (
    <div className="app" data-testid="app" data-ready={view ? "true" : undefined}>
      <TopBar
        view={view}
        maps={state.maps}
        pendingEdits={state.pendingEdits}
        lastEditFailed={state.lastEditFailed}
        canSwitchMaps={state.phase === "failed"}
        onEdit={edit}
        onOpenMap={(mapId) => void openMap(mapId)}
        onCreateMap={(name) => void createMap(name)}
        onRefreshMaps={() => void refreshMaps()}
      />
      <main className="app-main">
        {state.phase === "loading" && !view && <Loading />}
        {state.phase === "failed" && state.startError && (
          <StartFailed error={state.startError} onRetry={actions.retryStart} />
        )}
        {view &&
          (view.activities.length === 0 ? (
            <EmptyMap key={view.map.id} mapName={view.map.name} onEdit={edit} />
          ) : (
            <MapGrid key={view.map.id} view={view} onEdit={edit} />
          ))}
      </main>
      <Toasts toasts={state.toasts} onDismiss={actions.dismissToast} />
    </div>
  );
}

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
