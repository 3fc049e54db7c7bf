//! The backlog's PI objectives, as Rust adds them up: each objective's ready points against
//! its points, its stories and what blocks it; a click shows its stories in the backlog.
import type { ObjectiveRollupView } from "../../bindings/ObjectiveRollupView";

function facts(rollup: ObjectiveRollupView): string {
  const stories = rollup.stories === 1 ? "1 story" : `${rollup.stories.toString()} stories`;
  const parts = [`${rollup.readyPoints.toString()} of ${rollup.points.toString()} pts ready`, `${stories}, ${rollup.done.toString()} done`];
  if (rollup.unestimated > 0) parts.push(`${rollup.unestimated.toString()} unestimated`);
  return parts.join(" · ");
}

export function ObjectiveRollups({
  objectives,
  onShow,
  onOpenStory,
  onEdit,
}: {
  objectives: ObjectiveRollupView[];
  onShow: (objectiveId: string) => void;
  onOpenStory: (storyId: string) => void;
  onEdit: () => void;
}) {
  return (
    <div className="objective-rollups" data-testid="objective-rollups">
      <div className="objective-rollups-head">
        <span className="field-label">PI objectives</span>
        <button type="button" className="text-button" data-testid="backlog-objectives" onClick={onEdit}>
          {objectives.length === 0 ? "Add the PI objectives…" : "Edit…"}
        </button>
      </div>
      {objectives.length > 0 && (
        <ol className="objective-rollup-list" aria-label="What each PI objective adds up to">
          {objectives.map((rollup) => {
            // Ready share of the points still to do, for the bar.
            const share = rollup.points > 0 ? Math.round((rollup.readyPoints / rollup.points) * 100) : 0;
            return (
              <li key={rollup.objectiveId} className="objective-rollup" data-testid="objective-rollup" data-objective-id={rollup.objectiveId}>
                <button
                  type="button"
                  className="objective-rollup-title"
                  title="Show its stories"
                  onClick={() => {
                    onShow(rollup.objectiveId);
                  }}
                >
                  {rollup.label}
                </button>
                <span className="objective-rollup-bar" style={{ ["--ready" as string]: `${share.toString()}%` }} aria-hidden="true" />
                <span className="objective-rollup-facts" data-testid="objective-rollup-facts">
                  {facts(rollup)}
                </span>
                {rollup.blocked.length > 0 && (
                  <details className="objective-blockers">
                    <summary data-testid="objective-blockers-toggle">{rollup.blocked.length.toString()} blocked</summary>
                    <ul>
                      {rollup.blocked.map((blocker) => (
                        <li key={blocker.storyId}>
                          <button
                            type="button"
                            className="text-button"
                            onClick={() => {
                              onOpenStory(blocker.storyId);
                            }}
                          >
                            {blocker.title}
                          </button>
                          <span className="objective-blocker-reason">: {blocker.reason}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
