//! The start-up screen for a database that cannot be read: rebuild it from the maps' own data
//! or restore the backups, keeping the damaged file; then what came back, and Open Storymap.
import { useState } from "react";
import type { Backend } from "../../backend/backend";
import type { RepairReport } from "../../bindings/RepairReport";
import type { RepairedFrom } from "../../bindings/RepairedFrom";
import { toDisplayError, type DisplayError } from "../../model/errors";

function outcome(from: RepairedFrom): string {
  switch (from.kind) {
    case "mapData":
      return "rebuilt from the map data";
    case "backup":
      return `restored from the backup of ${from.date}`;
    case "lost":
      return "could not be recovered";
  }
}

/** The start-up screen for a damaged database: repair it, see what came back, open Storymap. */
export function RepairDatabase({ backend, onOpen }: { backend: Backend; onOpen: () => void }) {
  const [state, setState] = useState<"idle" | "working" | RepairReport>("idle");
  const [failure, setFailure] = useState<DisplayError | null>(null);
  const repair = (backupsOnly: boolean) => {
    setState("working");
    setFailure(null);
    backend.repairDatabase(backupsOnly).then(setState, (error: unknown) => {
      setFailure(toDisplayError(error));
      setState("idle");
    });
  };
  if (typeof state === "object") {
    return (
      <div className="center-state repair-screen" role="status" data-testid="repair-report">
        <h2>Storymap is repaired</h2>
        {state.damagedFile !== null && <p className="center-detail">The damaged file is kept at {state.damagedFile}.</p>}
        <ul className="repair-report" aria-label="What was repaired">
          {state.maps.map((map) => (
            <li key={map.mapId}>
              <strong>{map.name || "Unnamed map"}</strong>: {outcome(map.from)}
            </li>
          ))}
          {state.maps.length === 0 && <li>No maps were found in the data or the backups.</li>}
        </ul>
        <button type="button" className="primary-button" data-testid="repair-open" onClick={onOpen} autoFocus>
          Open Storymap
        </button>
      </div>
    );
  }
  const working = state === "working";
  return (
    <div className="center-state repair-screen" role="alert" data-testid="repair-database">
      <h2>Storymap's database is damaged</h2>
      <p>The file that holds your maps can no longer be read, so Storymap could not start.</p>
      <p className="center-hint">
        Repairing keeps the damaged file in your data folder, renamed with “damaged” and the time, and never deletes it.
      </p>
      {failure !== null && <p className="center-detail">Repair failed: {failure.detail ?? failure.title}</p>}
      <div className="repair-actions">
        <button type="button" className="primary-button" data-testid="repair-rebuild" disabled={working} onClick={() => repair(false)} autoFocus>
          Repair: rebuild from the map data
        </button>
        <button type="button" className="secondary-button" data-testid="repair-from-backups" disabled={working} onClick={() => repair(true)}>
          Restore from backups
        </button>
      </div>
      {working && (
        <p className="drawer-state" role="status">
          <span className="spinner is-small" aria-hidden="true" /> Repairing…
        </p>
      )}
    </div>
  );
}
