//! The map's backbone: row 1 the activities (and "+ Activity"), row 2 their steps, including a
//! step being added and the placeholder under an activity without steps.
import type { Dispatch, SetStateAction } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import { activityTone, type ColumnLayout } from "../model/layout";
import { AddInline } from "./AddInline";
import type { PersonaView } from "../bindings/PersonaView";
import { at, type BackboneRows, FIRST_STORY_COLUMN, headerSide } from "./gridPlacement";
import { PersonaLane } from "./personas/PersonaLane";
import { ActivityHeader, DraftStepHeader, EmptyStepHeader, StepHeader, type DeleteTarget } from "./Headers";
import type { DragState } from "./useMapDnd";

export interface MapBackboneProps {
  layout: ColumnLayout;
  rows: BackboneRows;
  /** The map's personas: with any, the persona lane goes above the activities. */
  personas: readonly PersonaView[];
  onManagePersonas: () => void;
  drag: DragState | null;
  trailingColumn: number;
  addingActivity: boolean;
  setAddingActivity: (open: boolean) => void;
  /** The activity a new step is being typed under, if any. */
  setDraftStepFor: Dispatch<SetStateAction<string | null>>;
  onEdit: (edit: MapEdit) => void;
  onDelete: (target: DeleteTarget) => void;
}

export function MapBackbone(props: MapBackboneProps) {
  return (
    <>
      {props.personas.length > 0 && (
        <PersonaLane
          layout={props.layout}
          personas={props.personas}
          trailingColumn={props.trailingColumn}
          onEdit={props.onEdit}
          onManage={props.onManagePersonas}
        />
      )}
      <ActivityRow {...props} />
      <StepRow {...props} />
    </>
  );
}

function ActivityRow({ layout, rows, drag, trailingColumn, addingActivity, setAddingActivity, setDraftStepFor, onEdit, onDelete }: MapBackboneProps) {
  return (
    <>
      <div className="corner corner-activities" style={at(rows.activities, 1)}>
        <span className="corner-label">Activities</span>
      </div>
      {layout.spans.map((span) => (
        <ActivityHeader
          key={span.activity.id}
          activity={span.activity}
          tone={span.tone}
          style={at(rows.activities, `${(FIRST_STORY_COLUMN + span.start).toString()} / span ${span.span.toString()}`)}
          showStepText={span.span > 1}
          dropSide={headerSide(drag, "activity", span.activity.id)}
          onEdit={onEdit}
          onAddStep={setDraftStepFor}
          onDelete={onDelete}
        />
      ))}
      <div className="backbone-end" style={at(rows.activities, trailingColumn)}>
        <AddInline
          open={addingActivity}
          onOpenChange={setAddingActivity}
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
    </>
  );
}

function StepRow({ layout, rows, drag, trailingColumn, setDraftStepFor, onEdit, onDelete }: MapBackboneProps) {
  return (
    <>
      <div className="corner corner-steps" style={at(rows.steps, 1)}>
        <span className="corner-label">Steps</span>
      </div>
      {layout.columns.map((column) => {
        const tone = activityTone(column.activityIndex);
        const style = at(rows.steps, FIRST_STORY_COLUMN + column.index);
        if (column.kind === "step") {
          return (
            <StepHeader
              key={column.key}
              stepId={column.step.id}
              title={column.step.title}
              activityId={column.activity.id}
              tone={tone}
              style={style}
              dropSide={headerSide(drag, "step", column.step.id)}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          );
        }
        if (column.kind === "draft") {
          return (
            <DraftStepHeader
              key={column.key}
              activity={column.activity}
              tone={tone}
              style={style}
              onEdit={onEdit}
              onDone={() => {
                setDraftStepFor((current) => (current === column.activity.id ? null : current));
              }}
            />
          );
        }
        return <EmptyStepHeader key={column.key} activityId={column.activity.id} tone={tone} style={style} />;
      })}
      <div className="steps-end" style={at(rows.steps, trailingColumn)} aria-hidden="true" />
    </>
  );
}
