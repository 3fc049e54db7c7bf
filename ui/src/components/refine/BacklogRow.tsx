//! One backlog row: drag handle (in rank order), position, title (opens the story), where it
//! sits, its markers and INVEST letters, WSJF, and the estimate and status edited inline.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { StoryView } from "../../bindings/StoryView";
import { INVEST_LETTERS, POINT_SCALE, TSHIRT_SIZES, UNKNOWN_ESTIMATE, wsjfScoreLabel } from "../../model/refinement";
import { CardMarkers, ReadyBadge } from "./CardMarkers";
import { GripIcon } from "./RefineIcons";
import type { SendEdit } from "./send";
import { StatusSelect } from "./StoryBasics";

const ESTIMATES = [...POINT_SCALE, UNKNOWN_ESTIMATE, ...TSHIRT_SIZES];

function EstimateSelect({ story, send }: { story: StoryView; send: SendEdit }) {
  return (
    <select
      className="field-select is-compact"
      aria-label={`Estimate of '${story.title}'`}
      data-testid="backlog-estimate"
      value={story.estimate ?? ""}
      onChange={(event) => {
        void send({ kind: "setEstimate", storyId: story.id, estimate: event.target.value === "" ? null : event.target.value });
      }}
    >
      <option value="">–</option>
      {story.estimate !== null && !ESTIMATES.includes(story.estimate) && <option value={story.estimate}>{story.estimate}</option>}
      {ESTIMATES.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </select>
  );
}

export function Row({
  story,
  position,
  where,
  draggable,
  open,
  send,
  onOpenStory,
}: {
  story: StoryView;
  position: number;
  where: string;
  draggable: boolean;
  open: boolean;
  send: SendEdit;
  onOpenStory: (storyId: string) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: story.id,
    disabled: !draggable,
  });
  let className = "backlog-row";
  if (open) className += " is-open";
  if (isDragging) className += " is-dragging";
  return (
    <li
      ref={setNodeRef}
      className={className}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="backlog-row"
      data-story-id={story.id}
      data-ready={story.refinement.ready ? "true" : "false"}
    >
      {draggable ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="drag-handle"
          {...attributes}
          {...listeners}
          tabIndex={-1}
          aria-label={`Drag '${story.title}' to re-rank`}
          title="Drag to re-rank: dropped next to another story, it moves to that story's step › slice"
        >
          <GripIcon size={14} />
        </button>
      ) : (
        <span className="drag-handle is-off" aria-hidden="true" />
      )}
      <span className="backlog-position">{position}</span>
      <div className="backlog-main">
        <button
          type="button"
          className="backlog-title"
          data-testid="backlog-open"
          onClick={() => {
            onOpenStory(story.id);
          }}
          onKeyDown={(event) => {
            if (event.key === "o" || event.key === "O") {
              event.preventDefault();
              onOpenStory(story.id);
            }
          }}
        >
          {story.title}
        </button>
        <span className="backlog-where">{where}</span>
      </div>
      <div className="backlog-markers">
        {story.refinement.ready && <ReadyBadge />}
        <CardMarkers story={story} />
        <span className="invest-mini" aria-label="INVEST">
          {INVEST_LETTERS.map(({ letter, initial, name }) => {
            const hint = story.refinement.invest.find((item) => item.letter === letter);
            const verdict = hint?.verdict ?? "pass";
            return (
              <span key={letter} className={`invest-mini-letter is-${verdict}`} title={hint?.message ? `${name}: ${hint.message}` : name}>
                {initial}
              </span>
            );
          })}
        </span>
      </div>
      <span className="backlog-wsjf" title="WSJF score">
        {wsjfScoreLabel(story.refinement.wsjf)}
      </span>
      <EstimateSelect story={story} send={send} />
      <StatusSelect story={story} send={send} testId="backlog-status" />
    </li>
  );
}

