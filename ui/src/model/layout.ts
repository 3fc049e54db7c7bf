import type { ActivityView } from "../bindings/ActivityView";
import type { StepView } from "../bindings/StepView";

/** Number of distinct backbone colours; activity `i` uses tone `i % TONE_COUNT`. */
export const TONE_COUNT = 6;

export function activityTone(activityIndex: number): number {
  return ((activityIndex % TONE_COUNT) + TONE_COUNT) % TONE_COUNT;
}

interface ColumnBase {
  /** Stable React key. */
  key: string;
  /** Zero-based position among the story columns (the grid's first column holds slice labels). */
  index: number;
  activity: ActivityView;
  activityIndex: number;
}

/** A step column: one cell per release slice. */
export interface StepColumn extends ColumnBase {
  kind: "step";
  step: StepView;
}

/** The only column of an activity that has no steps yet. */
export interface EmptyColumn extends ColumnBase {
  kind: "empty";
}

/** A column being created: the inline "new step" input sits at its top. */
export interface DraftColumn extends ColumnBase {
  kind: "draft";
}

export type Column = StepColumn | EmptyColumn | DraftColumn;

/** Where an activity's header band goes: it spans all of its columns. */
export interface ActivitySpan {
  activity: ActivityView;
  activityIndex: number;
  tone: number;
  /** Index of its first column. */
  start: number;
  span: number;
}

export interface ColumnLayout {
  columns: Column[];
  spans: ActivitySpan[];
}

export interface LayoutOptions {
  /** Activity that gets an extra draft column after its last step, if any. */
  draftStepFor?: string | null;
}

/**
 * Lays the backbone out left to right, in the order given: each step is a column, an activity
 * spans its steps' columns, and an activity without steps still takes one (empty) column.
 */
export function layoutColumns(
  activities: readonly ActivityView[],
  options: LayoutOptions = {},
): ColumnLayout {
  const columns: Column[] = [];
  const spans: ActivitySpan[] = [];

  activities.forEach((activity, activityIndex) => {
    const start = columns.length;
    const base = () => ({ index: columns.length, activity, activityIndex });
    const hasDraft = options.draftStepFor === activity.id;

    for (const step of activity.steps) {
      columns.push({ ...base(), kind: "step", key: `step:${step.id}`, step });
    }
    if (hasDraft) {
      columns.push({ ...base(), kind: "draft", key: `draft:${activity.id}` });
    } else if (activity.steps.length === 0) {
      columns.push({ ...base(), kind: "empty", key: `empty:${activity.id}` });
    }

    spans.push({
      activity,
      activityIndex,
      tone: activityTone(activityIndex),
      start,
      span: columns.length - start,
    });
  });

  return { columns, spans };
}
