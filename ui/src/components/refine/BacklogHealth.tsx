//! The backlog's health line, as Rust words it: ready sprints against the team's target band
//! (coloured by band, with the band in words too), what each slice still needs with its
//! unestimated stories listed, the ready backlog at the end of the last sessions, and what
//! each PI objective adds up to.
import { useCallback } from "react";
import type { Backend } from "../../backend/backend";
import type { HealthBand } from "../../bindings/HealthBand";
import type { HealthTrendPointView } from "../../bindings/HealthTrendPointView";
import type { MapView } from "../../bindings/MapView";
import type { SliceHealthView } from "../../bindings/SliceHealthView";
import { LoadState, useLoaded } from "../useLoaded";
import { ObjectiveRollups } from "./ObjectiveRollups";

const BAND_WORDS: Record<HealthBand, string> = {
  below: "Below target",
  inside: "On target",
  above: "Above target",
};

function SliceNeeds({ slice, onOpenStory }: { slice: SliceHealthView; onOpenStory: (storyId: string) => void }) {
  return (
    <li className="health-slice" data-testid="health-slice" data-release-id={slice.releaseId}>
      <span className="health-slice-title">{slice.title}</span>
      <span className="health-slice-line" data-testid="health-slice-line">
        {slice.line}
      </span>
      {slice.unestimated.length > 0 && (
        <details className="health-unestimated">
          <summary data-testid="health-unestimated-toggle" aria-label={`Which? The unestimated stories in ${slice.title}`}>
            Which?
          </summary>
          <ul className="health-unestimated-list">
            {slice.unestimated.map((story) => (
              <li key={story.storyId}>
                <button
                  type="button"
                  className="text-button"
                  data-testid="health-unestimated-story"
                  onClick={() => {
                    onOpenStory(story.storyId);
                  }}
                >
                  {story.title}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function trendValue(point: HealthTrendPointView): string {
  const round = (value: number) => (Math.round(value * 10) / 10).toString();
  return point.readySprints === null ? `${round(point.readyPoints)} pts` : round(point.readySprints);
}

function Trend({ trend }: { trend: HealthTrendPointView[] }) {
  if (trend.length === 0) return null;
  const values = trend.map((point) => point.readySprints ?? point.readyPoints);
  const highest = Math.max(...values, 0.1);
  const unit = trend.every((point) => point.readySprints !== null) ? " sprints" : "";
  return (
    <div className="health-trend" data-testid="health-trend">
      <span className="field-label">Last sessions</span>
      <ol className="health-trend-bars" aria-label={`Ready backlog at the end of the last sessions${unit === "" ? "" : ", in sprints"}`}>
        {trend.map((point, index) => (
          <li
            key={point.sessionId}
            className="health-trend-bar"
            title={`Session ended ${point.endedAt.slice(0, 10)}`}
            style={{ ["--bar" as string]: `${Math.round(((values[index] ?? 0) / highest) * 100).toString()}%` }}
          >
            <span className="health-trend-value">{trendValue(point)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function BacklogHealth({
  view,
  backend,
  onOpenStory,
  onSettings,
  onObjectives,
  onShowObjective,
}: {
  view: MapView;
  backend: Backend;
  onOpenStory: (storyId: string) => void;
  onSettings: () => void;
  /** Opens the map's PI objectives. */
  onObjectives: () => void;
  /** Shows one objective's stories in the backlog. */
  onShowObjective: (objectiveId: string) => void;
}) {
  const mapId = view.map.id;
  const load = useCallback(() => backend.backlogHealth(mapId), [backend, mapId]);
  // Asked again whenever the map changes: every edit patches `view`.
  const loaded = useLoaded(load, view);
  if (loaded.kind !== "shown") return <LoadState loaded={loaded} loading="Weighing the backlog…" />;
  const health = loaded.value;
  const band = health.band ?? "unset";
  return (
    <section className="backlog-health" aria-label="Backlog health" data-testid="backlog-health">
      <div className="health-head">
        <p className={`health-line is-${band}`} data-testid="health-line" data-band={band} aria-live="polite">
          <span className="health-dot" aria-hidden="true" />
          {health.line}
          {health.band !== null && <span className="health-band">{BAND_WORDS[health.band]}</span>}
        </p>
        {health.horizon !== null && (
          <span className="health-horizon" data-testid="health-horizon">
            {health.horizon}
          </span>
        )}
        <button type="button" className="text-button" data-testid="health-settings" onClick={onSettings}>
          {health.velocity === null ? "Set the team's velocity…" : `Velocity ${health.velocity.toString()} pts/sprint…`}
        </button>
        <Trend trend={health.trend} />
      </div>
      <ul className="health-slices" aria-label="What each slice needs">
        {health.slices.map((slice) => (
          <SliceNeeds key={slice.releaseId} slice={slice} onOpenStory={onOpenStory} />
        ))}
      </ul>
      <ObjectiveRollups objectives={health.objectives} onShow={onShowObjective} onOpenStory={onOpenStory} onEdit={onObjectives} />
    </section>
  );
}
