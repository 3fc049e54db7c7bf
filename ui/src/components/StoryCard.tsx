//! One story card: draggable, renamed in place, with its status, estimate and quick actions.
//! On an earlier version of the map it is read only and offers "Restore this story" instead.
import { useDraggable } from "@dnd-kit/core";
import { memo, useContext, useRef, useState } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import type { StoryStatus } from "../bindings/StoryStatus";
import type { StoryView } from "../bindings/StoryView";
import { estimateLabel, statusLabel, storyAriaLabel } from "../model/labels";
import { EditableText } from "./EditableText";
import { ConflictBadge } from "./history/ConflictBadge";
import { useOpenConflicts, useStoryConflict } from "./history/conflicts";
import { RestoreIcon } from "./history/HistoryIcons";
import { usePastMap } from "./history/pastMap";
import { CopyIcon, TrashIcon } from "./Icons";
import { useReadOnly } from "./readOnly";
import { CardMarkers, ReadyBadge } from "./refine/CardMarkers";
import { DetailsIcon } from "./refine/RefineIcons";
import { StoryOpenContext } from "./refine/storyOpen";
import { heatLevel, WsjfChip } from "./refine/WsjfHeat";
import { useStatusNames } from "./statusNames";
import { useArrived } from "./sync/arrived";

export interface StoryCardProps {
  story: StoryView;
  stepTitle: string;
  releaseTitle: string;
  /** The grid's one tab stop (roving tabindex). */
  tabbable: boolean;
  /** While searching: whether the card matches (`null`: no search). */
  match: boolean | null;
  onEdit: (edit: MapEdit) => void;
  onDelete: (story: StoryView) => void;
}

/** The draggable shell. It renders on every drag update, so it stays thin; the body is memoised. */
export const StoryCard = memo(function StoryCard(props: StoryCardProps) {
  const { story, stepTitle, releaseTitle, tabbable, match } = props;
  const names = useStatusNames();
  const arrived = useArrived(story.id);
  const readOnly = useReadOnly();
  const conflict = useStoryConflict(story.id);
  const [editing, setEditing] = useState(false);
  const card = useRef<HTMLElement | null>(null);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: `story:${story.id}`,
    data: { type: "story", id: story.id },
    disabled: editing || readOnly,
  });
  let className = "story-card";
  if (editing) className += " is-editing";
  if (isDragging) className += " is-dragging";
  if (match === true) className += " is-match";
  if (match === false) className += " is-dimmed";
  if (arrived) className += " is-arrived";
  return (
    <article
      ref={(element) => {
        card.current = element;
        setNodeRef(element);
      }}
      className={className}
      data-testid="story-card"
      data-story-id={story.id}
      data-status={story.status}
      data-ready={story.refinement.ready ? "true" : "false"}
      data-heat={heatLevel(story)}
      data-conflicted={conflict !== null && !readOnly ? "true" : undefined}
      aria-label={storyAriaLabel(story, stepTitle, releaseTitle, names)}
      aria-roledescription="story card"
      aria-describedby={attributes["aria-describedby"]}
      tabIndex={tabbable ? 0 : -1}
      {...listeners}
      onDoubleClick={() => {
        if (!readOnly) setEditing(true);
      }}
      onKeyDown={(event) => {
        if (!readOnly && event.target === event.currentTarget && (event.key === "Enter" || event.key === "F2")) {
          event.preventDefault();
          event.stopPropagation();
          setEditing(true);
        }
      }}
    >
      <CardBody
        story={story}
        editing={editing}
        card={card}
        setEditing={setEditing}
        onEdit={props.onEdit}
        onDelete={props.onDelete}
        conflict={readOnly ? null : conflict}
      />
    </article>
  );
});

const CardBody = memo(function CardBody({
  story,
  editing,
  card,
  setEditing,
  onEdit,
  onDelete,
  conflict,
}: {
  story: StoryView;
  editing: boolean;
  card: React.RefObject<HTMLElement | null>;
  setEditing: (editing: boolean) => void;
  onEdit: (edit: MapEdit) => void;
  onDelete: (story: StoryView) => void;
  /** How many versions its most divided field has; `null` when in no conflict. */
  conflict: number | null;
}) {
  const openStory = useContext(StoryOpenContext);
  const openConflicts = useOpenConflicts();
  const past = usePastMap();
  return (
    <>
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
        onCommit={(title) => {
          onEdit({ kind: "renameStory", storyId: story.id, title });
        }}
      />
      <div className="story-meta">
        <span className="story-meta-start">
          {/* A "ready" status that the Definition of Ready confirms shows once, as the badge. */}
          {!(story.status === "ready" && story.refinement.ready) && <StatusBadge status={story.status} />}
          {story.refinement.ready && <ReadyBadge />}
          <CardMarkers story={story} />
          <WsjfChip story={story} />
          {conflict !== null && (
            <ConflictBadge
              versions={conflict}
              title={story.title}
              onOpen={() => {
                openConflicts(story.id);
              }}
            />
          )}
        </span>
        <span className="story-meta-end">
          {past && <RestoreFromPast storyId={story.id} title={story.title} onRestore={past.restoreStory} />}
          {!editing && !past && (
            <span className="card-actions">
              {openStory && (
                <button
                  type="button"
                  className="card-action"
                  tabIndex={-1}
                  data-testid="open-story"
                  aria-label={`Open the details of '${story.title}'`}
                  title="Details (O)"
                  onPointerDown={(event) => {
                    event.stopPropagation();
                  }}
                  onClick={() => {
                    openStory(story.id);
                  }}
                >
                  <DetailsIcon size={14} />
                </button>
              )}
              <button
                type="button"
                className="card-action"
                tabIndex={-1}
                aria-label={`Duplicate '${story.title}'`}
                title="Duplicate (Ctrl+D)"
                onPointerDown={(event) => {
                  event.stopPropagation();
                }}
                onClick={() => {
                  onEdit({ kind: "duplicateStory", storyId: story.id });
                }}
              >
                <CopyIcon size={14} />
              </button>
              <button
                type="button"
                className="card-action is-danger"
                tabIndex={-1}
                aria-label={`Delete '${story.title}'`}
                title="Delete (Delete)"
                onPointerDown={(event) => {
                  event.stopPropagation();
                }}
                onClick={() => {
                  onDelete(story);
                }}
              >
                <TrashIcon size={14} />
              </button>
            </span>
          )}
          {story.estimate !== null && story.estimate.trim() !== "" && (
            <span className="estimate" title={`Estimate: ${estimateLabel(story.estimate)}`}>
              {story.estimate}
            </span>
          )}
        </span>
      </div>
    </>
  );
});

/** On an earlier version of the map: bring this story back as it was then (an undoable edit). */
function RestoreFromPast({ storyId, title, onRestore }: { storyId: string; title: string; onRestore: (storyId: string) => void }) {
  return (
    <button
      type="button"
      className="restore-from-past"
      data-testid="restore-from-past"
      aria-label={`Restore '${title}' as it was then`}
      title="Restore this story as it was then, and go back to now. You can undo this."
      onPointerDown={(event) => {
        event.stopPropagation();
      }}
      onClick={() => {
        onRestore(storyId);
      }}
    >
      <RestoreIcon size={13} /> Restore this story
    </button>
  );
}

export function StatusBadge({ status }: { status: StoryStatus }) {
  const names = useStatusNames();
  return (
    <span className={`status-pill is-${status}`} data-testid="story-status">
      {/* Readiness is the Definition of Ready's (the ready badge); this is only the status set. */}
      <span className="status-dot" aria-hidden="true" />
      {statusLabel(status, names)}
    </span>
  );
}
