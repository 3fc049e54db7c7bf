//! The shown map's sync status: asked for when the map opens, then kept current by the
//! backend's `sync-status` events.
import { useCallback, useEffect, useState } from "react";
import type { Backend } from "../backend/backend";
import type { SyncStatus } from "../bindings/SyncStatus";

const ignore = () => undefined;

/** The status of map `mapId` (`null` until known), and a function to ask for it again. */
export function useSyncStatus(backend: Backend, mapId: string | null): [SyncStatus | null, () => void] {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (mapId === null) return;
    let current = true;
    // An event is newer than the answer to a question asked before it.
    let pushed = false;
    const stop = backend.onSyncStatus((next) => {
      if (next.mapId !== mapId) return;
      pushed = true;
      setStatus(next);
    });
    backend.syncStatus(mapId).then(
      (answer) => {
        if (current && !pushed) setStatus(answer);
      },
      ignore, // The pill stays neutral; the next event brings the state.
    );
    return () => {
      current = false;
      stop();
    };
  }, [backend, mapId, asked]);

  const refresh = useCallback(() => {
    setAsked((count) => count + 1);
  }, []);
  return [status?.mapId === mapId ? status : null, refresh];
}
