//! The open map's conflicts, read again (debounced) whenever the map the backend confirmed
//! changes: on opening, after each edit's answer and after each teammate's change.
import { useCallback, useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { ConflictView } from "../../bindings/ConflictView";
import type { MapView } from "../../bindings/MapView";

/** Edits come in bursts (typing, dragging): ask once they settle. */
export const CONFLICTS_DEBOUNCE_MS = 150;

const NONE: readonly ConflictView[] = [];

export function useConflicts(backend: Backend, confirmed: MapView | null): [readonly ConflictView[], () => void] {
  const mapId = confirmed?.map.id ?? null;
  const [state, setState] = useState<{ mapId: string; conflicts: readonly ConflictView[] } | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (mapId === null) return;
    let current = true;
    const timer = setTimeout(() => {
      backend.conflicts(mapId).then(
        (conflicts) => {
          if (current) setState({ mapId, conflicts });
        },
        () => undefined, // Conflicts are a hint: the map stays usable without them; the next change asks again.
      );
    }, CONFLICTS_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [backend, mapId, confirmed, asked]);

  const refresh = useCallback(() => {
    setAsked((count) => count + 1);
  }, []);
  return [state?.mapId === mapId ? state.conflicts : NONE, refresh];
}
