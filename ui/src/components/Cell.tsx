import type { ActivityView } from "../bindings/ActivityView";
import type { MapEdit } from "../bindings/MapEdit";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StepView } from "../bindings/StepView";
import type { StoryView } from "../bindings/StoryView";
import { AddInline } from "./AddInline";
import { StoryCard } from "./StoryCard";

export interface CellProps {
  activity: ActivityView;
  step: StepView;
  release: ReleaseView;
  stories: readonly StoryView[];
  style: React.CSSProperties;
  onEdit: (edit: MapEdit) => void;
}

/** One step column × release slice: its stories in the given order, and a way to add one. */
export function Cell({ activity, step, release, stories, style, onEdit }: CellProps) {
  const where = `${activity.title} › ${step.title}, ${release.title}`;
  return (
    <div
      className="cell"
      data-testid="cell"
      data-step-id={step.id}
      data-release-id={release.id}
      style={style}
    >
      {stories.map((story) => (
        <StoryCard
          key={story.id}
          story={story}
          releaseTitle={release.title}
          activityTitle={activity.title}
          stepTitle={step.title}
          onRename={(title) => {
            onEdit({ kind: "renameStory", storyId: story.id, title });
          }}
        />
      ))}
      <AddInline
        buttonText="Add story"
        buttonLabel={`Add a story to ${where}`}
        buttonClassName="add-story"
        buttonTestId="add-story"
        iconSize={14}
        mode="repeat"
        inputTestId="new-story-input"
        inputClassName="new-story-input"
        inputLabel={`New story in ${where}`}
        placeholder="Story title, then Enter"
        hint="Enter to add · Esc to close"
        onSubmit={(title) => {
          onEdit({ kind: "addStory", stepId: step.id, releaseId: release.id, title });
        }}
      />
    </div>
  );
}
