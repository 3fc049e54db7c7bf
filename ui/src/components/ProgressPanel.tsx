//! Long work in progress (an import of thousands of rows, a large image): a panel at the
//! bottom of the window with what runs, the step, and a bar. Rust reports only work that has
//! run for a second and always ends with a finished report, which closes the panel.
import { useEffect, useState } from "react";
import type { Backend } from "../backend/backend";
import type { ProgressView } from "../bindings/ProgressView";
import { progressDetail, progressPercent } from "../model/progress";

export function useProgress(backend: Backend): ProgressView | null {
  const [progress, setProgress] = useState<ProgressView | null>(null);
  useEffect(
    () =>
      backend.onProgress((report) => {
        setProgress(report.finished ? null : report);
      }),
    [backend],
  );
  return progress;
}

export function ProgressPanel({ progress }: { progress: ProgressView | null }) {
  if (!progress) return null;
  const percent = progressPercent(progress);
  return (
    <div className="progress-panel" role="status" data-testid="progress">
      <div className="progress-text">
        <span className="progress-operation">{progress.operation}</span>
        <span className="progress-detail" data-testid="progress-detail">
          {progressDetail(progress)}
        </span>
      </div>
      <div
        className={percent === null ? "progress-panel-track is-sweeping" : "progress-panel-track"}
        role="progressbar"
        aria-label={progress.operation}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-panel-fill" style={percent === null ? undefined : { width: `${percent.toString()}%` }} />
      </div>
    </div>
  );
}
