//! "View an earlier version": the map's points in history, newest first, to pick one and see
//! the map as it was right after it.
import { useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { HistoryPointView } from "../../bindings/HistoryPointView";
import { errorMessage } from "../../model/errors";
import { Dialog } from "../Dialog";
import { EntryMeta, useMinute } from "./EntryMeta";

/** As many points as the list offers; older ones are reached by date in "what changed". */
export const POINT_LIMIT = 200;

type Points = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "shown"; points: HistoryPointView[] };

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
  const [points, setPoints] = useState<Points>({ kind: "loading" });
  const now = useMinute();
  useEffect(() => {
    let current = true;
    backend.historyPoints(mapId, POINT_LIMIT).then(
      (loaded) => {
        if (current) setPoints({ kind: "shown", points: loaded });
      },
      (error: unknown) => {
        if (current) setPoints({ kind: "failed", message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, mapId]);

  return (
    <Dialog title="View an earlier version" testId="history-points" onClose={onClose} wide>
      <p className="dialog-note">Choose a point to see the map as it was right after it. Nothing changes until you restore.</p>
      {points.kind === "loading" && (
        <p className="drawer-state" role="status">
          <span className="spinner is-small" aria-hidden="true" /> Reading the map’s history…
        </p>
      )}
      {points.kind === "failed" && (
        <p className="drawer-state is-error" role="alert">
          {points.message}
        </p>
      )}
      {points.kind === "shown" && points.points.length === 0 && <p className="field-help">This map has no earlier versions yet.</p>}
      {points.kind === "shown" && points.points.length > 0 && (
        <ol className="history-points">
          {points.points.map((point) => (
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
