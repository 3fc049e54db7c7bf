import { useMemo, useState } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { ReleaseView } from "../bindings/ReleaseView";
import { groupStoriesIntoCells, storiesInCell } from "../model/cells";
import { storyCountLabel } from "../model/labels";
import { activityTone, layoutColumns, type ActivitySpan, type Column } from "../model/layout";
import { releaseRollups, rollupFor, type ReleaseRollup } from "../model/rollups";
import { Cell } from "./Cell";
import { EditableText } from "./EditableText";
import { PlusIcon } from "./Icons";
import { AddInline } from "./AddInline";
import { InlineInput } from "./InlineInput";

export interface MapGridProps {
  view: MapView;
  onEdit: (edit: MapEdit) => void;
}

// Grid lines: column 1 holds the slice labels, story columns start at 2, and one trailing
// column holds "+ Activity". Row 1 is the activities, row 2 the steps, then one row per slice.
const FIRST_STORY_COLUMN = 2;
const FIRST_BAND_ROW = 3;

function at(row: number | string, column: number | string): React.CSSProperties {
  return { gridRow: row, gridColumn: column };
}

/** The story map: backbone on top, one band per release slice, cards in the cells. */
export function MapGrid({ view, onEdit }: MapGridProps) {
  const [draftStepFor, setDraftStepFor] = useState<string | null>(null);

  const layout = useMemo(
    () => layoutColumns(view.activities, { draftStepFor }),
    [view.activities, draftStepFor],
  );
  const cells = useMemo(() => groupStoriesIntoCells(view), [view]);
  const rollups = useMemo(() => releaseRollups(view), [view]);

  const trailingColumn = FIRST_STORY_COLUMN + layout.columns.length;
  const addReleaseRow = FIRST_BAND_ROW + Math.max(view.releases.length, 1);
  const gridStyle: React.CSSProperties = {
    gridTemplateColumns: `var(--label-w) repeat(${layout.columns.length}, var(--col-w)) var(--trail-w)`,
  };

  return (
    <div className="map-scroll" data-testid="map-scroll">
      <div className="map-grid" style={gridStyle} aria-label={`Story map ${view.map.name}`} role="region">
        {/* Row 1: activities */}
        <div className="corner corner-activities" style={at(1, 1)}>
          <span className="corner-label">Activities</span>
        </div>
        {layout.spans.map((span) => (
          <ActivityHeader
            key={span.activity.id}
            span={span}
            onEdit={onEdit}
            onAddStep={() => {
              setDraftStepFor(span.activity.id);
            }}
          />
        ))}
        <div className="backbone-end" style={at(1, trailingColumn)}>
          <AddInline
            buttonText="Activity"
            buttonLabel="Add an activity"
            buttonClassName="ghost-button add-activity"
            buttonTestId="add-activity"
            inputLabel="New activity title"
            placeholder="Activity title"
            inputClassName="backbone-input"
            onSubmit={(title) => {
              onEdit({ kind: "addActivity", title });
            }}
          />
        </div>

        {/* Row 2: steps */}
        <div className="corner corner-steps" style={at(2, 1)}>
          <span className="corner-label">Steps</span>
        </div>
        {layout.columns.map((column) => (
          <StepHeader
            key={column.key}
            column={column}
            onEdit={onEdit}
            onDraftDone={() => {
              // Only this activity's draft: another "+ Step" may have opened one meanwhile.
              setDraftStepFor((current) => (current === column.activity.id ? null : current));
            }}
          />
        ))}
        <div className="steps-end" style={at(2, trailingColumn)} aria-hidden="true" />

        {/* One band per release slice */}
        {view.releases.map((release, index) => (
          <ReleaseBand
            key={release.id}
            row={FIRST_BAND_ROW + index}
            release={release}
            rollup={rollupFor(rollups, release.id)}
            columns={layout.columns}
            trailingColumn={trailingColumn}
            renderCell={(column, style) =>
              column.kind === "step" ? (
                <Cell
                  key={column.key}
                  activity={column.activity}
                  step={column.step}
                  release={release}
                  stories={storiesInCell(cells, column.step.id, release.id)}
                  style={style}
                  onEdit={onEdit}
                />
              ) : (
                <div key={column.key} className="cell cell-placeholder" style={style} aria-hidden="true" />
              )
            }
            onEdit={onEdit}
          />
        ))}
        {view.releases.length === 0 && (
          <div className="no-releases" style={at(FIRST_BAND_ROW, `1 / ${trailingColumn + 1}`)}>
            Add a release slice to start placing stories on the map.
          </div>
        )}

        {/* Below the last band */}
        <div className="release-end" style={at(addReleaseRow, 1)}>
          <AddInline
            buttonText="Release slice"
            buttonLabel="Add a release slice"
            buttonClassName="ghost-button add-release"
            buttonTestId="add-release"
            inputLabel="New release slice title"
            placeholder="Slice name"
            inputClassName="release-input"
            onSubmit={(title) => {
              onEdit({ kind: "addRelease", title });
            }}
          />
        </div>
      </div>
    </div>
  );
}

function ActivityHeader({
  span,
  onEdit,
  onAddStep,
}: {
  span: ActivitySpan;
  onEdit: (edit: MapEdit) => void;
  onAddStep: () => void;
}) {
  const { activity } = span;
  return (
    <div
      className={`activity tone-${span.tone}`}
      data-testid="activity"
      data-activity-id={activity.id}
      style={at(1, `${FIRST_STORY_COLUMN + span.start} / span ${span.span}`)}
    >
      <div className="activity-band">
        <div className="activity-title-track">
          <EditableText
            value={activity.title}
            testId="activity-title"
            label="Activity title"
            className="activity-title"
            inputClassName="activity-input"
            onCommit={(title) => {
              onEdit({ kind: "renameActivity", activityId: activity.id, title });
            }}
          />
        </div>
        <button
          type="button"
          className="add-step"
          data-testid="add-step"
          aria-label={`Add a step to ${activity.title}`}
          title="Add a step"
          onClick={onAddStep}
        >
          <PlusIcon size={14} />
          {span.span > 1 && <span>Step</span>}
        </button>
      </div>
    </div>
  );
}

function StepHeader({
  column,
  onEdit,
  onDraftDone,
}: {
  column: Column;
  onEdit: (edit: MapEdit) => void;
  onDraftDone: () => void;
}) {
  const tone = `tone-${activityTone(column.activityIndex)}`;
  const style = at(2, FIRST_STORY_COLUMN + column.index);
  if (column.kind === "step") {
    const { step } = column;
    return (
      <div className={`step ${tone}`} data-testid="step" data-step-id={step.id} style={style}>
        <div className="step-box">
          <EditableText
            value={step.title}
            testId="step-title"
            label="Step title"
            className="step-title"
            inputClassName="step-input"
            onCommit={(title) => {
              onEdit({ kind: "renameStep", stepId: step.id, title });
            }}
          />
        </div>
      </div>
    );
  }
  if (column.kind === "draft") {
    return (
      <div className={`step is-draft ${tone}`} style={style}>
        <InlineInput
          mode="once"
          label={`New step in ${column.activity.title}`}
          placeholder="Step title"
          className="step-input"
          onSubmit={(title) => {
            onEdit({ kind: "addStep", activityId: column.activity.id, title });
          }}
          onClose={onDraftDone}
        />
      </div>
    );
  }
  return (
    <div className={`step is-empty ${tone}`} style={style}>
      <span className="step-empty">No steps yet</span>
    </div>
  );
}

function ReleaseBand({
  row,
  release,
  rollup,
  columns,
  trailingColumn,
  renderCell,
  onEdit,
}: {
  row: number;
  release: ReleaseView;
  rollup: ReleaseRollup;
  columns: readonly Column[];
  trailingColumn: number;
  renderCell: (column: Column, style: React.CSSProperties) => React.ReactNode;
  onEdit: (edit: MapEdit) => void;
}) {
  const donePercent = rollup.storyCount === 0 ? 0 : Math.round((rollup.doneCount / rollup.storyCount) * 100);
  return (
    <>
      <div className="band-rule" style={at(row, `1 / ${trailingColumn + 1}`)} aria-hidden="true" />
      <div className="release" data-testid="release" data-release-id={release.id} style={at(row, 1)}>
        <EditableText
          value={release.title}
          testId="release-title"
          label="Release slice title"
          className="release-title"
          inputClassName="release-input"
          onCommit={(title) => {
            onEdit({ kind: "renameRelease", releaseId: release.id, title });
          }}
        />
        <span className="release-count" data-testid="release-story-count">
          {storyCountLabel(rollup.storyCount)}
        </span>
        {rollup.storyCount > 0 && (
          <div className="release-progress" title={`${rollup.doneCount} of ${storyCountLabel(rollup.storyCount)} done`}>
            <div className="progress-track">
              <div className="progress-done" style={{ width: `${donePercent}%` }} />
            </div>
            <span className="progress-label">{rollup.doneCount} done</span>
          </div>
        )}
      </div>
      {columns.map((column) => renderCell(column, at(row, FIRST_STORY_COLUMN + column.index)))}
    </>
  );
}
