import type { EditOutcome } from "../bindings/EditOutcome";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import type { DisplayError } from "../model/errors";

export interface Toast extends DisplayError {
  id: number;
}

export interface StoreState {
  /** "loading" until the first map arrives; "failed" if it could not be opened. */
  phase: "loading" | "ready" | "failed";
  view: MapView | null;
  maps: MapSummary[];
  /** Why the first map could not be opened. */
  startError: DisplayError | null;
  toasts: Toast[];
  nextToastId: number;
  /** Edits sent and not answered yet. */
  pendingEdits: number;
  /** The last edit was rejected (cleared by the next one that lands). */
  lastEditFailed: boolean;
}

export type StoreAction =
  | { type: "startRequested" }
  | { type: "startFailed"; error: DisplayError }
  | { type: "mapOpened"; view: MapView }
  | { type: "mapsListed"; maps: MapSummary[] }
  | { type: "editStarted" }
  | { type: "editApplied"; outcome: EditOutcome }
  | { type: "editFailed"; error: DisplayError }
  | { type: "failed"; error: DisplayError }
  | { type: "toastDismissed"; id: number };

export const initialState: StoreState = {
  phase: "loading",
  view: null,
  maps: [],
  startError: null,
  toasts: [],
  nextToastId: 1,
  pendingEdits: 0,
  lastEditFailed: false,
};

/** At most this many error toasts are kept; older ones drop off. */
export const MAX_TOASTS = 3;

function withToast(state: StoreState, error: DisplayError): StoreState {
  const toast: Toast = { ...error, id: state.nextToastId };
  return {
    ...state,
    toasts: [...state.toasts, toast].slice(-MAX_TOASTS),
    nextToastId: state.nextToastId + 1,
  };
}

export function storeReducer(state: StoreState, action: StoreAction): StoreState {
  switch (action.type) {
    case "startRequested":
      return { ...state, phase: state.view ? "ready" : "loading", startError: null };
    case "startFailed":
      return state.view ? withToast(state, action.error) : { ...state, phase: "failed", startError: action.error };
    case "mapOpened":
      return { ...state, phase: "ready", view: action.view, startError: null, lastEditFailed: false };
    case "mapsListed":
      return { ...state, maps: action.maps };
    case "editStarted":
      return { ...state, pendingEdits: state.pendingEdits + 1 };
    case "editApplied": {
      // An answer for a map that is no longer shown must not replace the current one.
      const sameMap = state.view?.map.id === action.outcome.view.map.id;
      return {
        ...state,
        view: sameMap ? action.outcome.view : state.view,
        pendingEdits: Math.max(0, state.pendingEdits - 1),
        lastEditFailed: false,
      };
    }
    case "editFailed":
      return withToast(
        { ...state, pendingEdits: Math.max(0, state.pendingEdits - 1), lastEditFailed: true },
        action.error,
      );
    case "failed":
      return withToast(state, action.error);
    case "toastDismissed":
      return { ...state, toasts: state.toasts.filter((toast) => toast.id !== action.id) };
  }
}
