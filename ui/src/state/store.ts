//! The app state and its reducer: the shown map (confirmed by the backend, plus moves previewed
//! ahead of the answer), undo/redo labels, this device's view prefs, toasts, and which cards a
//! teammate's changes just touched.
import type { HistoryState } from "../bindings/HistoryState";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import type { RemoteChange } from "../bindings/RemoteChange";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import type { DisplayError } from "../model/errors";
import { applyMapChange } from "../model/mapChange";
import { isPreviewed, previewEdit } from "../model/optimistic";

export type Toast =
  | ({ kind: "error"; id: number } & DisplayError)
  | { kind: "info"; id: number; message: string }
  | { kind: "undo"; id: number; message: string }
  /** Teammates' changes arrived: brief, and only the latest is kept. */
  | { kind: "remote"; id: number; message: string };

/** A toast as it is added, before it gets its id. */
export type NewToast =
  | ({ kind: "error" } & DisplayError)
  | { kind: "info"; message: string }
  | { kind: "undo"; message: string }
  | { kind: "remote"; message: string };

/** Stories a teammate's changes just touched, outlined for a moment; `id` tells arrivals apart. */
export interface Arrived {
  id: number;
  storyIds: readonly string[];
}

interface Preview {
  seq: number;
  edit: MapEdit;
}

export interface StoreState {
  /** "loading" until the first map arrives; "failed" if it could not be opened. */
  phase: "loading" | "ready" | "failed";
  /** The map as shown: `confirmed` with the moves still waiting for an answer applied. */
  view: MapView | null;
  /** The map as the backend last described it. */
  confirmed: MapView | null;
  previews: Preview[];
  history: HistoryState;
  prefs: ViewPrefs;
  maps: MapSummary[];
  /** Why the first map could not be opened. */
  startError: DisplayError | null;
  toasts: Toast[];
  nextToastId: number;
  /** Edits (and undos) sent and not answered yet. */
  pendingEdits: number;
  /** The last edit was rejected (cleared by the next one that lands). */
  lastEditFailed: boolean;
  arrived: Arrived | null;
}

export type StoreAction =
  | { type: "startRequested" }
  | { type: "startFailed"; error: DisplayError }
  | { type: "mapOpened"; view: MapView }
  | { type: "mapsListed"; maps: MapSummary[] }
  | { type: "prefsLoaded"; mapId: string; prefs: ViewPrefs }
  | { type: "prefsChanged"; prefs: ViewPrefs }
  | { type: "editStarted"; seq: number; edit: MapEdit | null }
  | { type: "editApplied"; seq: number; change: MapChange }
  | { type: "editFailed"; seq: number; error: DisplayError }
  /** An undo or redo with nothing to do: no error to show. */
  | { type: "editDropped"; seq: number }
  /** Teammates' changes merged into a map (pushed by the backend, not asked for). */
  | { type: "remoteChanged"; remote: RemoteChange }
  | { type: "arrivedFaded"; id: number }
  | { type: "toastAdded"; toast: NewToast }
  | { type: "failed"; error: DisplayError }
  | { type: "toastDismissed"; id: number };

export const DEFAULT_PREFS: ViewPrefs = { collapsedReleaseIds: [], zoom: 1 };
const NO_HISTORY: HistoryState = Object.freeze({ undo: null, redo: null });

export const initialState: StoreState = {
  phase: "loading",
  view: null,
  confirmed: null,
  previews: [],
  history: NO_HISTORY,
  prefs: DEFAULT_PREFS,
  maps: [],
  startError: null,
  toasts: [],
  nextToastId: 1,
  pendingEdits: 0,
  lastEditFailed: false,
  arrived: null,
};

/** At most this many toasts are kept; older ones drop off. */
export const MAX_TOASTS = 3;

function withToast(state: StoreState, toast: NewToast): StoreState {
  return {
    ...state,
    toasts: [...state.toasts, { ...toast, id: state.nextToastId }].slice(-MAX_TOASTS),
    nextToastId: state.nextToastId + 1,
  };
}

function withPreviews(state: StoreState, confirmed: MapView | null, previews: Preview[]): StoreState {
  const view = confirmed && previews.reduce((shown, preview) => previewEdit(shown, preview.edit), confirmed);
  return { ...state, confirmed, previews, view };
}

export function storeReducer(state: StoreState, action: StoreAction): StoreState {
  switch (action.type) {
    case "startRequested":
      return { ...state, phase: state.view ? "ready" : "loading", startError: null };
    case "startFailed":
      return state.view
        ? withToast(state, { kind: "error", ...action.error })
        : { ...state, phase: "failed", startError: action.error };
    case "mapOpened":
      return {
        ...state,
        phase: "ready",
        view: action.view,
        confirmed: action.view,
        previews: [],
        history: NO_HISTORY,
        prefs: DEFAULT_PREFS,
        startError: null,
        lastEditFailed: false,
        arrived: null,
      };
    case "mapsListed":
      return { ...state, maps: action.maps };
    case "prefsLoaded":
      return state.view?.map.id === action.mapId ? { ...state, prefs: action.prefs } : state;
    case "prefsChanged":
      return { ...state, prefs: action.prefs };
    case "editStarted": {
      // A newer edit would be what Undo reverts: "Deleted … Undo" toasts no longer apply.
      const toasts = action.edit === null ? state.toasts : state.toasts.filter((toast) => toast.kind !== "undo");
      const next = { ...state, toasts, pendingEdits: state.pendingEdits + 1 };
      if (action.edit === null || !isPreviewed(action.edit)) return next;
      return withPreviews(next, state.confirmed, [...state.previews, { seq: action.seq, edit: action.edit }]);
    }
    case "editApplied": {
      const previews = state.previews.filter((preview) => preview.seq !== action.seq);
      // An answer for a map that is no longer shown must not touch the current one.
      const sameMap = state.confirmed?.map.id === action.change.mapId;
      const confirmed = sameMap && state.confirmed ? applyMapChange(state.confirmed, action.change) : state.confirmed;
      let next: StoreState = withPreviews(
        {
          ...state,
          history: sameMap ? action.change.history : state.history,
          pendingEdits: Math.max(0, state.pendingEdits - 1),
          lastEditFailed: false,
        },
        confirmed,
        previews,
      );
      if (sameMap && action.change.notice !== null) {
        next = withToast(next, { kind: "info", message: action.change.notice });
      }
      return next;
    }
    case "editFailed":
      return withToast(
        withPreviews(
          { ...state, pendingEdits: Math.max(0, state.pendingEdits - 1), lastEditFailed: true },
          state.confirmed,
          state.previews.filter((preview) => preview.seq !== action.seq),
        ),
        { kind: "error", ...action.error },
      );
    case "editDropped":
      return withPreviews(
        { ...state, pendingEdits: Math.max(0, state.pendingEdits - 1) },
        state.confirmed,
        state.previews.filter((preview) => preview.seq !== action.seq),
      );
    case "remoteChanged": {
      const { change, label } = action.remote;
      // Another map's changes are already saved; the list shows them when it is next read.
      if (state.confirmed?.map.id !== change.mapId) return state;
      const patched = withPreviews({ ...state, history: change.history }, applyMapChange(state.confirmed, change), state.previews);
      // A settings change re-sends every story: outlining them all would point at nothing.
      const storyIds = change.settings === null ? change.stories.map((story) => story.id) : [];
      const arrived = storyIds.length > 0 ? { id: (state.arrived?.id ?? 0) + 1, storyIds } : state.arrived;
      const toasts = patched.toasts.filter((toast) => toast.kind !== "remote");
      return withToast({ ...patched, toasts, arrived }, { kind: "remote", message: label });
    }
    case "arrivedFaded":
      return state.arrived?.id === action.id ? { ...state, arrived: null } : state;
    case "toastAdded":
      return withToast(state, action.toast);
    case "failed":
      return withToast(state, { kind: "error", ...action.error });
    case "toastDismissed":
      return { ...state, toasts: state.toasts.filter((toast) => toast.id !== action.id) };
  }
}
