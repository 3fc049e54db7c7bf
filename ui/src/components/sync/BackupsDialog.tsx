//! "Restore from a backup…": the rolling backups Storymap keeps of the open map (one a day for
//! a week, one a week for a month), newest first. Restoring adds the backup beside the map as a
//! copy and opens it; the map itself is left as it is.
import { useCallback, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { BackupView } from "../../bindings/BackupView";
import type { MapSummary } from "../../bindings/MapSummary";
import { errorMessage } from "../../model/errors";
import { formatDay } from "../../model/time";
import { Dialog } from "../Dialog";
import { LoadState, useLoaded } from "../useLoaded";
import { FormError } from "./FormError";

export interface BackupsDialogProps {
  backend: Backend;
  /** The open map, whose backups are listed; every map's when none is open. */
  mapId: string | null;
  onRestored: (map: MapSummary) => void;
  onClose: () => void;
}

function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024)).toString()} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function BackupsDialog({ backend, mapId, onRestored, onClose }: BackupsDialogProps) {
  const backups = useLoaded(useCallback(() => backend.backups(mapId), [backend, mapId]));
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const restore = async (backup: BackupView) => {
    if (restoring !== null) return;
    setRestoring(backup.path);
    setError(null);
    try {
      onRestored(await backend.restoreBackup(backup.path));
    } catch (failure) {
      setError(errorMessage(failure));
      setRestoring(null);
    }
  };

  return (
    <Dialog title="Restore from a backup" testId="backups-dialog" onClose={onClose} wide>
      <p className="dialog-note">
        Storymap keeps a backup of each map that changed: one a day for a week, then one a week for a month. Restoring
        adds the backup as a copy beside the map, so nothing done since is lost.
      </p>
      <LoadState loaded={backups} loading="Looking for backups…" />
      {backups.kind === "shown" && backups.value.length === 0 && (
        <p className="field-help" data-testid="backups-empty">
          No backups yet: the first is written today, once the map has changed.
        </p>
      )}
      {backups.kind === "shown" && backups.value.length > 0 && (
        <ol className="history-points">
          {backups.value.map((backup) => (
            <li key={backup.path}>
              <button
                type="button"
                className="history-point"
                data-testid="backup"
                data-date={backup.date}
                disabled={restoring !== null}
                onClick={() => void restore(backup)}
              >
                <span className="history-point-label">
                  {mapId === null ? `${backup.mapName} · ` : ""}
                  {formatDay(backup.date)}
                </span>
                <span className="entry-meta">
                  {restoring === backup.path ? "Restoring…" : `${sizeLabel(backup.sizeBytes)} · Restore as a copy`}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {error !== null && <FormError testId="backups-error" message={error} />}
    </Dialog>
  );
}
