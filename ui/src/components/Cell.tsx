import { useState } from "react";
import type { ActivityView } from "../bindings/ActivityView";
import type { MapEdit } from "../bindings/MapEdit";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StepView } from "../bindings/StepView";
import type { StoryView } from "../bindings/StoryView";
import { PlusIcon } from "./Icons";
import { InlineInput } from "./InlineInput";
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
  const [adding, setAdding] = useState(false);
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
      {adding ? (
        <div className="new-story">
          <InlineInput
            mode="repeat"
            testId="new-story-input"
            className="new-story-input"
            label={`New story in ${where}`}
            placeholder="Story title, then Enter"
            onSubmit={(title) => {
              onEdit({ kind: "addStory", stepId: step.id, releaseId: release.id, title });
            }}
            onClose={() => {
              setAdding(false);
            }}
          />
          <span className="new-story-hint" aria-hidden="true">
            Enter to add · Esc to close
          </span>
        </div>
      ) : (
        <button
          type="button"
          className="add-story"
          data-testid="add-story"
          aria-label={`Add a story to ${where}`}
          onClick={() => {
            setAdding(true);
          }}
        >
          <PlusIcon size={14} />
          <span>Add story</span>
        </button>
      )}
    </div>
  );
}
