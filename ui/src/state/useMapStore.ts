import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Backend } from "../backend/backend";
import type { EditOutcome } from "../bindings/EditOutcome";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import { toDisplayError } from "../model/errors";
import { initialState, storeReducer, type StoreState } from "./store";

export interface MapActions {
  /** Sends one edit for the shown map; resolves to the outcome, or `null` if it failed. */
  applyEdit: (edit: MapEdit) => Promise<EditOutcome | null>;
  openMap: (mapId: string) => Promise<boolean>;
  createMap: (name: string) => Promise<boolean>;
  refreshMaps: () => Promise<void>;
  dismissToast: (id: number) => void;
  /** Tries opening the start map again after it failed. */
  retryStart: () => void;
}

const ignore = () => undefined;

/**
 * The app state: the shown map and the map list. Edits go to the backend one at a time, in the
 * order they were made, and each answer's `view` replaces the shown map.
 */
export function useMapStore(backend: Backend): [StoreState, MapActions] {
  const [state, dispatch] = useReducer(storeReducer, initialState);
  const [startAttempt, setStartAttempt] = useState(0);
  const shownMapId = useRef<string | null>(null);
  const editQueue = useRef<Promise<unknown>>(Promise.resolve());
  // Only the latest open/create request may decide which map is shown.
  const openRequest = useRef(0);

  const show = useCallback((view: MapView) => {
    shownMapId.current = view.map.id;
    dispatch({ type: "mapOpened", view });
  }, []);

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

  const applyEdit = useCallback(
    (edit: MapEdit): Promise<EditOutcome | null> => {
      const mapId = shownMapId.current;
      if (mapId === null) return Promise.resolve(null);
      dispatch({ type: "editStarted" });
      const sent = editQueue.current.then(() => backend.applyEdit(mapId, edit));
      editQueue.current = sent.then(ignore, ignore);
      return sent.then(
        (outcome) => {
          dispatch({ type: "editApplied", outcome });
          return outcome;
        },
        (error: unknown) => {
          dispatch({ type: "editFailed", error: toDisplayError(error) });
          return null;
        },
      );
    },
    [backend],
  );

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
  const dismissToast = useCallback((id: number) => {
    dispatch({ type: "toastDismissed", id });
  }, []);
  const retryStart = useCallback(() => {
    dispatch({ type: "startRequested" });
    setStartAttempt((attempt) => attempt + 1);
  }, []);

  const actions = useMemo(
    () => ({ applyEdit, openMap, createMap, refreshMaps, dismissToast, retryStart }),
    [applyEdit, openMap, createMap, refreshMaps, dismissToast, retryStart],
  );
  return [state, actions];
}
