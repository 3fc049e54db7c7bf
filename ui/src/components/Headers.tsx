//! The map's headers: activities and steps along the top, release slices down the left. Each is
//! dragged by its header and is a drop target for its own kind.
import { useDraggable, useDroppable } from "@dnd-kit/core";
import { Fragment, memo, useContext } from "react";
import type { ActivityView } from "../bindings/ActivityView";
import type { MapEdit } from "../bindings/MapEdit";
import type { ReleaseView } from "../bindings/ReleaseView";
import { rollupLabel, rollupParts } from "../model/labels";
import { EditableText } from "./EditableText";
import { ChevronDownIcon, PlusIcon, TrashIcon } from "./Icons";
import { InlineInput } from "./InlineInput";
import { SortByScoreIcon } from "./refine/RefineIcons";
import { SliceNeedsContext } from "./refine/sliceNeeds";

/** Where the drop indicator shows on a header while something is dragged over it. */
export type DropSide = "before" | "after" | "into" | null;

export type DeleteTarget =
  | { kind: "activity"; id: string }
  | { kind: "step"; id: string }
  | { kind: "release"; id: string };

function useHeaderDnd(type: "activity" | "step" | "release", id: string, extra: Record<string, string> = {}) {
  const drag = useDraggable({ id: `${type}:${id}`, data: { type, id, ...extra } });
  const drop = useDroppable({ id: `drop-${type}:${id}`, data: { type, id, ...extra } });
  const setRef = (element: HTMLElement | null) => {
    drag.setNodeRef(element);
    drop.setNodeRef(element);
  };
  return { setRef, listeners: drag.listeners, describedBy: drag.attributes["aria-describedby"], isDragging: drag.isDragging };
}

function dropClass(side: DropSide): string {
  return side === null ? "" : ` is-drop-${side}`;
}

function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="header-action"
      aria-label={label}
      title={`${label} (Delete)`}
      tabIndex={-1}
      onPointerDown={(event) => {
        event.stopPropagation();
      }}
      onClick={onClick}
    >
      <TrashIcon size={14} />
    </button>
  );
}

export const ActivityHeader = memo(function ActivityHeader({
  activity,
  tone,
  style,
  showStepText,
  dropSide,
  onEdit,
  onAddStep,
  onDelete,
}: {
  activity: ActivityView;
  tone: number;
  style: React.CSSProperties;
  showStepText: boolean;
  dropSide: DropSide;
  onEdit: (edit: MapEdit) => void;
  onAddStep: (activityId: string) => void;
  onDelete: (target: DeleteTarget) => void;
}) {
  const { setRef, listeners, describedBy, isDragging } = useHeaderDnd("activity", activity.id);
  return (
    <div
      ref={setRef}
      className={`activity tone-${tone.toString()}${isDragging ? " is-dragging" : ""}${dropClass(dropSide)}`}
      data-testid="activity"
      data-activity-id={activity.id}
      aria-roledescription="activity"
      aria-describedby={describedBy}
      style={style}
      {...listeners}
    >
      <div className="activity-band">
        <div className="activity-title-track">
          <EditableText
            value={activity.title}
            testId="activity-title"
            label={`Activity '${activity.title}'`}
            className="activity-title"
            inputClassName="activity-input"
            onCommit={(title) => {
              onEdit({ kind: "renameActivity", activityId: activity.id, title });
            }}
          />
        </div>
        <DeleteButton
          label={`Delete activity '${activity.title}'`}
          onClick={() => {
            onDelete({ kind: "activity", id: activity.id });
          }}
        />
        <button
          type="button"
          className="add-step"
          data-testid="add-step"
          aria-label={`Add a step to ${activity.title}`}
          title="Add a step (S)"
          onPointerDown={(event) => {
            event.stopPropagation();
          }}
          onClick={() => {
            onAddStep(activity.id);
          }}
        >
          <PlusIcon size={14} />
          {showStepText && <span>Step</span>}
        </button>
      </div>
    </div>
  );
});

export const StepHeader = memo(function StepHeader({
  stepId,
  title,
  activityId,
  tone,
  style,
  dropSide,
  onEdit,
  onDelete,
}: {
  stepId: string;
  title: string;
  activityId: string;
  tone: number;
  style: React.CSSProperties;
  dropSide: DropSide;
  onEdit: (edit: MapEdit) => void;
  onDelete: (target: DeleteTarget) => void;
}) {
  const { setRef, listeners, describedBy, isDragging } = useHeaderDnd("step", stepId, { activityId });
  return (
    <div
      ref={setRef}
      className={`step tone-${tone.toString()}${isDragging ? " is-dragging" : ""}${dropClass(dropSide)}`}
      data-testid="step"
      data-step-id={stepId}
      aria-roledescription="step"
      aria-describedby={describedBy}
      style={style}
      {...listeners}
    >
      <div className="step-box">
        <EditableText
          value={title}
          testId="step-title"
          label={`Step '${title}'`}
          className="step-title"
          inputClassName="step-input"
          onCommit={(next) => {
            onEdit({ kind: "renameStep", stepId, title: next });
          }}
        />
        <DeleteButton
          label={`Delete step '${title}'`}
          onClick={() => {
            onDelete({ kind: "step", id: stepId });
          }}
        />
      </div>
    </div>
  );
});

/** The column where new steps are typed; stays open for the next one until Esc. */
export function DraftStepHeader({
  activity,
  tone,
  style,
  onEdit,
  onDone,
}: {
  activity: ActivityView;
  tone: number;
  style: React.CSSProperties;
  onEdit: (edit: MapEdit) => void;
  onDone: () => void;
}) {
  return (
    <div className={`step is-draft tone-${tone.toString()}`} style={style}>
      <div className="inline-add">
        <InlineInput
          mode="repeat"
          label={`New step in ${activity.title}`}
          placeholder="Step title, then Enter"
          className="step-input"
          onSubmit={(title) => {
            onEdit({ kind: "addStep", activityId: activity.id, title });
          }}
          onClose={onDone}
        />
        <span className="inline-add-hint" aria-hidden="true">
          Enter to add · Esc to close
        </span>
      </div>
    </div>
  );
}

/** An activity without steps: its one column, which takes steps dropped on it. */
export function EmptyStepHeader({ activityId, tone, style }: { activityId: string; tone: number; style: React.CSSProperties }) {
  const { setNodeRef, isOver } = useDroppable({
    id: `drop-empty:${activityId}`,
    data: { type: "activity", id: activityId, into: "true" },
  });
  return (
    <div ref={setNodeRef} className={`step is-empty tone-${tone.toString()}${isOver ? " is-drop-into" : ""}`} style={style}>
      <span className="step-empty">No steps yet</span>
    </div>
  );
}

export const ReleaseHeader = memo(function ReleaseHeader({
  release,
  style,
  collapsed,
  dropSide,
  onEdit,
  onToggle,
  onDelete,
}: {
  release: ReleaseView;
  style: React.CSSProperties;
  collapsed: boolean;
  dropSide: DropSide;
  onEdit: (edit: MapEdit) => void;
  onToggle: (releaseId: string) => void;
  onDelete: (target: DeleteTarget) => void;
}) {
  const { setRef, listeners, describedBy, isDragging } = useHeaderDnd("release", release.id);
  const { rollup } = release;
  const needs = useContext(SliceNeedsContext)?.get(release.id);
  const donePercent = rollup.stories === 0 ? 0 : Math.round((rollup.done / rollup.stories) * 100);
  return (
    <div
      ref={setRef}
      className={`release${collapsed ? " is-collapsed" : ""}${isDragging ? " is-dragging" : ""}${dropClass(dropSide)}`}
      data-testid="release"
      data-release-id={release.id}
      aria-roledescription="release slice"
      aria-describedby={describedBy}
      style={style}
      {...listeners}
    >
      <div className="release-head">
        <button
          type="button"
          className="release-collapse"
          data-testid="release-collapse"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? "Expand" : "Collapse"} slice '${release.title}'`}
          title={collapsed ? "Expand" : "Collapse"}
          onPointerDown={(event) => {
            event.stopPropagation();
          }}
          onClick={() => {
            onToggle(release.id);
          }}
        >
          <ChevronDownIcon size={16} />
        </button>
        <EditableText
          value={release.title}
          testId="release-title"
          label={`Release slice '${release.title}'`}
          className="release-title"
          inputClassName="release-input"
          onCommit={(title) => {
            onEdit({ kind: "renameRelease", releaseId: release.id, title });
          }}
        />
        {rollup.stories > 1 && (
          <button
            type="button"
            className="header-action is-sort"
            data-testid="sort-by-wsjf"
            aria-label={`Sort slice '${release.title}' by WSJF`}
            title="Sort each cell by WSJF, highest first (Shift+W). You can undo this."
            tabIndex={-1}
            onPointerDown={(event) => {
              event.stopPropagation();
            }}
            onClick={() => {
              onEdit({ kind: "sortByWsjf", releaseId: release.id });
            }}
          >
            <SortByScoreIcon size={14} />
          </button>
        )}
        <DeleteButton
          label={`Delete slice '${release.title}'`}
          onClick={() => {
            onDelete({ kind: "release", id: release.id });
          }}
        />
      </div>
      <span className="release-rollup" data-testid="release-rollup" aria-label={rollupLabel(rollup)}>
        {/* Wraps between the parts, never inside one ("0 / ready"). */}
        {rollupParts(rollup).map((part, index) => (
          <Fragment key={part}>
            {index > 0 && " · "}
            <span className="rollup-part">{part}</span>
          </Fragment>
        ))}
      </span>
      {needs !== undefined && (
        <span className="release-needs" data-testid="release-needs">
          {needs}
        </span>
      )}
      {rollup.stories > 0 && !collapsed && (
        <div className="release-progress" title={`${rollup.done.toString()} of ${rollup.stories.toString()} done`}>
          <div className="progress-track">
            <div className="progress-done" style={{ width: `${donePercent.toString()}%` }} />
          </div>
        </div>
      )}
    </div>
  );
});
