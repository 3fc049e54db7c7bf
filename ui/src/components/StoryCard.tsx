import { useRef, useState } from "react";
import type { StoryStatus } from "../bindings/StoryStatus";
import type { StoryView } from "../bindings/StoryView";
import { statusLabel, storyAriaLabel } from "../model/labels";
import { EditableText } from "./EditableText";

export interface StoryCardProps {
  story: StoryView;
  releaseTitle: string;
  activityTitle: string;
  stepTitle: string;
  onRename: (title: string) => void;
}

export function StoryCard({ story, releaseTitle, activityTitle, stepTitle, onRename }: StoryCardProps) {
  const [editing, setEditing] = useState(false);
  const card = useRef<HTMLElement | null>(null);
  return (
    <article
      ref={card}
      className={editing ? "story-card is-editing" : "story-card"}
      data-testid="story-card"
      data-story-id={story.id}
      data-status={story.status}
      aria-label={storyAriaLabel(story.title, releaseTitle, activityTitle, stepTitle)}
      tabIndex={0}
      onDoubleClick={() => {
        setEditing(true);
      }}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === "Enter" || event.key === "F2")) {
          event.preventDefault();
          setEditing(true);
        }
      }}
    >
      <EditableText
        value={story.title}
        testId="story-title"
        label="Story title"
        className="story-title"
        inputClassName="story-title-input"
        focusable={false}
        editing={editing}
        onEditingChange={setEditing}
        returnFocusTo={card}
        onCommit={onRename}
      />
      <div className="story-meta">
        <StatusPill status={story.status} />
        {story.estimate !== null && story.estimate !== "" && (
          <span className="estimate" title={`Estimate: ${story.estimate}`}>
            {story.estimate}
          </span>
        )}
      </div>
    </article>
  );
}

function StatusPill({ status }: { status: StoryStatus }) {
  return (
    <span className={`status-pill is-${status}`}>
      <span className="status-dot" aria-hidden="true" />
      {statusLabel(status)}
    </span>
  );
}
