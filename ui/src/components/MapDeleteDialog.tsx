//! The confirmation before deleting a step, an activity or a release slice from the map,
//! saying what goes with it; a slice's stories can move to another slice.
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import { countLabel, storyCountLabel } from "../model/labels";
import { ConfirmDelete, DeleteReleaseDialog } from "./ConfirmDelete";
import type { DeleteTarget } from "./Headers";

export function MapDeleteDialog({
  target,
  view,
  onCancel,
  onConfirm,
}: {
  target: DeleteTarget;
  view: MapView;
  onCancel: () => void;
  onConfirm: (edit: MapEdit, undoMessage: string) => void;
}) {
  if (target.kind === "release") {
    const release = view.releases.find((candidate) => candidate.id === target.id);
    if (!release) return null;
    return (
      <DeleteReleaseDialog
        release={release}
        others={view.releases.filter((other) => other.id !== release.id)}
        onCancel={onCancel}
        onConfirm={(moveStoriesTo) => {
          onConfirm({ kind: "deleteRelease", releaseId: release.id, moveStoriesTo }, `Deleted slice '${release.title}'`);
        }}
      />
    );
  }
  if (target.kind === "step") {
    const step = view.activities.flatMap((activity) => activity.steps).find((candidate) => candidate.id === target.id);
    if (!step) return null;
    const count = view.stories.filter((story) => story.stepId === step.id).length;
    const what = count === 0 ? `step '${step.title}'` : `step '${step.title}' and its ${storyCountLabel(count)}`;
    return (
      <ConfirmDelete
        title="Delete step"
        message={`Delete ${what}?`}
        confirmText="Delete step"
        onCancel={onCancel}
        onConfirm={() => {
          onConfirm({ kind: "deleteStep", stepId: step.id }, `Deleted ${what}`);
        }}
      />
    );
  }
  const activity = view.activities.find((candidate) => candidate.id === target.id);
  if (!activity) return null;
  const stepIds = new Set(activity.steps.map((step) => step.id));
  const count = view.stories.filter((story) => stepIds.has(story.stepId)).length;
  const parts = [`activity '${activity.title}'`];
  if (activity.steps.length > 0) parts.push(`its ${countLabel(activity.steps.length, "step", "steps")}`);
  if (count > 0) parts.push(`${activity.steps.length > 0 ? "their" : "its"} ${storyCountLabel(count)}`);
  const what = parts.length === 3 ? `${parts[0] ?? ""}, ${parts[1] ?? ""} and ${parts[2] ?? ""}` : parts.join(" and ");
  return (
    <ConfirmDelete
      title="Delete activity"
      message={`Delete ${what}?`}
      confirmText="Delete activity"
      onCancel={onCancel}
      onConfirm={() => {
        onConfirm({ kind: "deleteActivity", activityId: activity.id }, `Deleted ${what}`);
      }}
    />
  );
}
