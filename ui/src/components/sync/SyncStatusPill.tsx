//! The sync status pill in the top bar: where the open map's sync stands, at all times.
//! Clicking it opens the "Share & sync" dialog.
import { useEffect, useState } from "react";
import type { SyncStatus } from "../../bindings/SyncStatus";
import { syncPill, type SyncPill } from "../../model/syncStatus";
import { AlertIcon } from "../Icons";
import { CloudCheckIcon, CloudOffIcon, LocalIcon, ShareIcon, SyncIcon } from "./SyncIcons";

/** How often "synced 2 min ago" is worked out again while the pill says "Up to date". */
const TICK_MS = 30_000;

/** The time, read again whenever `since` changes and every half minute after. */
function useNow(since: string | null): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (since === null) return;
    const tick = () => {
      setNow(new Date());
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [since]);
  return now;
}

function PillIcon({ kind }: { kind: SyncPill["kind"] }) {
  switch (kind) {
    case "localOnly":
      return <LocalIcon />;
    case "connecting":
    case "syncing":
      return <SyncIcon className="sync-spin" />;
    case "upToDate":
      return <CloudCheckIcon />;
    case "offline":
      return <CloudOffIcon />;
    case "error":
      return <AlertIcon />;
    case "unknown":
      return <ShareIcon />;
  }
}

export function SyncStatusPill({ status, onOpen }: { status: SyncStatus | null; onOpen: () => void }) {
  const now = useNow(status?.state.kind === "upToDate" ? status.lastSyncedAt : null);
  const pill = syncPill(status, now);
  return (
    <button
      type="button"
      className={`sync-pill is-${pill.tone}`}
      data-testid="sync-status"
      data-state={pill.kind}
      title={pill.tooltip}
      aria-label={`Sync: ${pill.label}. ${pill.tooltip}`}
      aria-haspopup="dialog"
      onClick={onOpen}
    >
      <PillIcon kind={pill.kind} />
      <span className="sync-pill-label" aria-live="polite">
        {pill.label}
      </span>
    </button>
  );
}
