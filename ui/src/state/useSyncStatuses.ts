//! Every shared map's sync status, for the map switcher: asked for once, then kept current by
//! the backend's `sync-status` events (each names its map; all maps sync, open or not).
import { useEffect, useState } from "react";
import type { Backend } from "../backend/backend";
import type { SyncStatus } from "../bindings/SyncStatus";

export type SyncStatuses = Readonly<Record<string, SyncStatus>>;

export function useSyncStatuses(backend: Backend): SyncStatuses {
  const [statuses, setStatuses] = useState<SyncStatuses>({});

  useEffect(() => {
    let current = true;
    const stop = backend.onSyncStatus((next) => {
      setStatuses((known) => ({ ...known, [next.mapId]: next }));
    });
    backend.syncStatuses().then(
      (all) => {
        if (!current) return;
        // An event already received is newer than this answer.
        setStatuses((known) => ({ ...Object.fromEntries(all.map((s) => [s.mapId, s])), ...known }));
      },
      () => undefined, // The switcher shows no sync state until the next event.
    );
    return () => {
      current = false;
      stop();
    };
  }, [backend]);

  return statuses;
}
