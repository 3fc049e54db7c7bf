//! "View an earlier version": the map's points in history, newest first, to pick one and see
//! the map as it was right after it.
import { useCallback } from "react";
import type { Backend } from "../../backend/backend";
import type { HistoryPointView } from "../../bindings/HistoryPointView";
import { Dialog } from "../Dialog";
import { LoadState, useLoaded } from "../useLoaded";
import { EntryMeta, useMinute } from "./EntryMeta";

/** As many points as the list offers; older ones are reached by date in "what changed". */
export const POINT_LIMIT = 200;

export function HistoryPointsDialog({
  backend,
  mapId,
  onChoose,
  onClose,
}: {
  backend: Backend;
  mapId: string;
  onChoose: (point: HistoryPointView) => void;
  onClose: () => void;
}) {
  const points = useLoaded(useCallback(() => backend.historyPoints(mapId, POINT_LIMIT), [backend, mapId]));
  const now = useMinute();

  return (
    <Dialog title="View an earlier version" testId="history-points" onClose={onClose} wide>
      <p className="dialog-note">Choose a point to see the map as it was right after it. Nothing changes until you restore.</p>
      <LoadState loaded={points} loading="Reading the map’s history…" />
      {points.kind === "shown" && points.value.length === 0 && <p className="field-help">This map has no earlier versions yet.</p>}
      {points.kind === "shown" && points.value.length > 0 && (
        <ol className="history-points">
          {points.value.map((point) => (
            <li key={point.hash}>
              <button
                type="button"
                className="history-point"
                data-testid="history-point"
                data-hash={point.hash}
                onClick={() => {
                  onChoose(point);
                }}
              >
                <span className="history-point-label">{point.label}</span>
                <EntryMeta author={point.author} at={point.at} now={now} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
