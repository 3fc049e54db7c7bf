//! The app state hook: opens maps, queues edits to the backend one at a time, patches the
//! shown map with each answer, and loads and saves this device's view prefs. Teammates'
//! changes pushed by the backend patch the shown map the same way.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Backend } from "../backend/backend";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import { isApiError, toDisplayError } from "../model/errors";
import { initialState, storeReducer, type NewToast, type StoreState } from "./store";

export interface MapActions {
  /** Sends one edit for the shown map; resolves to what changed, or `null` if it failed. */
  applyEdit: (edit: MapEdit) => Promise<MapChange | null>;
  undo: () => Promise<MapChange | null>;
  redo: () => Promise<MapChange | null>;
  openMap: (mapId: string) => Promise<boolean>;
  createMap: (name: string) => Promise<boolean>;
  refreshMaps: () => Promise<void>;
  /** Shows and remembers (on this device) how the map is drawn. */
  setPrefs: (prefs: ViewPrefs) => void;
  showToast: (toast: NewToast) => void;
  dismissToast: (id: number) => void;
  /** Tries opening the start map again after it failed. */
  retryStart: () => void;
}

const ignore = () => undefined;

/** How long the cards a teammate's changes touched stay outlined. */
export const ARRIVED_MS = 2000;

export function useMapStore(backend: Backend): [StoreState, MapActions] {
  const [state, dispatch] = useReducer(storeReducer, initialState);
  const [startAttempt, setStartAttempt] = useState(0);
  const shownMapId = useRef<string | null>(null);
  const editQueue = useRef<Promise<unknown>>(Promise.resolve());
  const nextSeq = useRef(1);
  // Only the latest open/create request may decide which map is shown.
  const openRequest = useRef(0);

  const show = useCallback(
    (view: MapView) => {
      shownMapId.current = view.map.id;
      dispatch({ type: "mapOpened", view });
      backend.viewPrefs(view.map.id).then(
        (prefs) => {
          dispatch({ type: "prefsLoaded", mapId: view.map.id, prefs });
        },
        ignore, // Defaults are fine: prefs are a convenience.
      );
    },
    [backend],
  );

  const refreshMaps = useCallback(async () => {
    try {
      dispatch({ type: "mapsListed", maps: await backend.listMaps() });
    } catch (error) {
      dispatch({ type: "failed", error: toDisplayError(error) });
    }
  }, [backend]);

  useEffect(() => {
    let cancelled = false;
    const request = ++openRequest.current;
    backend.openStartMap().then(
      (view) => {
        if (!cancelled && request === openRequest.current) show(view);
      },
      (error: unknown) => {
        if (!cancelled) dispatch({ type: "startFailed", error: toDisplayError(error) });
      },
    );
    backend.listMaps().then(
      (maps) => {
        if (!cancelled) dispatch({ type: "mapsListed", maps });
      },
      ignore, // The switcher lists the maps again when it opens.
    );
    return () => {
      cancelled = true;
    };
  }, [backend, show, startAttempt]);

  // Pushed by the backend: teammates' changes, and maps joined, imported or renamed elsewhere.
  useEffect(() => {
    const stops = [
      backend.onRemoteChange((remote) => {
        dispatch({ type: "remoteChanged", remote });
        void refreshMaps();
      }),
      backend.onMapsChanged(() => {
        void refreshMaps();
      }),
      backend.onBackupFailed((error) => {
        dispatch({ type: "failed", error: toDisplayError(error) });
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [backend, refreshMaps]);

  const arrivedId = state.arrived?.id ?? null;
  useEffect(() => {
    if (arrivedId === null) return;
    const timer = setTimeout(() => {
      dispatch({ type: "arrivedFaded", id: arrivedId });
    }, ARRIVED_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [arrivedId]);

  /** Queues one backend call that answers a MapChange; `quietInvalid` for undo/redo. */
  const send = useCallback(
    (edit: MapEdit | null, call: (mapId: string) => Promise<MapChange>): Promise<MapChange | null> => {
      const mapId = shownMapId.current;
      if (mapId === null) return Promise.resolve(null);
      const seq = nextSeq.current++;
      dispatch({ type: "editStarted", seq, edit });
      const sent = editQueue.current.then(() => call(mapId));
      editQueue.current = sent.then(ignore, ignore);
      return sent.then(
        (change) => {
          dispatch({ type: "editApplied", seq, change });
          return change;
        },
        (error: unknown) => {
          if (edit === null && isApiError(error) && error.code === "invalidInput") {
            dispatch({ type: "editDropped", seq });
          } else {
            dispatch({ type: "editFailed", seq, error: toDisplayError(error) });
          }
          return null;
        },
      );
    },
    [],
  );

  const applyEdit = useCallback(
    (edit: MapEdit) => send(edit, (mapId) => backend.applyEdit(mapId, edit)),
    [backend, send],
  );
  const undo = useCallback(() => send(null, (mapId) => backend.undo(mapId)), [backend, send]);
  const redo = useCallback(() => send(null, (mapId) => backend.redo(mapId)), [backend, send]);

  const openWith = useCallback(
    async (load: () => Promise<MapView>): Promise<boolean> => {
      const request = ++openRequest.current;
      try {
        // Let edits already made land on the map they were made on first.
        await editQueue.current;
        const view = await load();
        if (request === openRequest.current) show(view);
        void refreshMaps();
        return true;
      } catch (error) {
        dispatch({ type: "failed", error: toDisplayError(error) });
        return false;
      }
    },
    [refreshMaps, show],
  );

  const openMap = useCallback(
    (mapId: string) => openWith(() => backend.openMap(mapId)),
    [backend, openWith],
  );
  const createMap = useCallback(
    (name: string) => openWith(() => backend.createMap(name)),
    [backend, openWith],
  );
  const setPrefs = useCallback(
    (prefs: ViewPrefs) => {
      dispatch({ type: "prefsChanged", prefs });
      const mapId = shownMapId.current;
      if (mapId !== null) {
        backend.saveViewPrefs(mapId, prefs).catch((error: unknown) => {
          dispatch({ type: "failed", error: toDisplayError(error) });
        });
      }
    },
    [backend],
  );
  const showToast = useCallback((toast: NewToast) => {
    dispatch({ type: "toastAdded", toast });
  }, []);
  const dismissToast = useCallback((id: number) => {
    dispatch({ type: "toastDismissed", id });
  }, []);
  const retryStart = useCallback(() => {
    dispatch({ type: "startRequested" });
    setStartAttempt((attempt) => attempt + 1);
  }, []);

  const actions = useMemo(
    () => ({ applyEdit, undo, redo, openMap, createMap, refreshMaps, setPrefs, showToast, dismissToast, retryStart }),
    [applyEdit, undo, redo, openMap, createMap, refreshMaps, setPrefs, showToast, dismissToast, retryStart],
  );
  return [state, actions];
}
