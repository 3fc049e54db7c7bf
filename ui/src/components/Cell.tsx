//! One step column × release slice: a drop target holding its cards and a way to add one.
import { useDroppable } from "@dnd-kit/core";
import { memo } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import type { StoryView } from "../bindings/StoryView";
import { AddInline } from "./AddInline";
import { StoryCard } from "./StoryCard";

export interface CellProps {
  stepId: string;
  releaseId: string;
  stepTitle: string;
  releaseTitle: string;
  stories: readonly StoryView[];
  style: React.CSSProperties;
  /** "cell" when the cell itself is the grid's tab stop, a story id when one of its cards is. */
  tabStop: string | null;
  /** Where the drop indicator goes while a card is dragged over this cell (among the other cards). */
  dropIndex: number | null;
  /** The card being dragged, when it is over this cell. */
  dragId: string | null;
  matches: ReadonlySet<string> | null;
  /** Drawn with its cards; else an empty box of `height` (a large map's cell far from view). */
  live: boolean;
  height: number;
  adding: boolean;
  onAddingChange: (cellKey: string, open: boolean) => void;
  onEdit: (edit: MapEdit) => void;
  onDelete: (story: StoryView) => void;
}

export function cellKey(stepId: string, releaseId: string): string {
  return `${stepId}\u0000${releaseId}`;
}

/** The cell a `cellKey` names. */
export function cellOfKey(key: string): { stepId: string; releaseId: string } {
  const [stepId = "", releaseId = ""] = key.split("\u0000");
  return { stepId, releaseId };
}

export const Cell = memo(function Cell(props: CellProps) {
  return props.live ? <LiveCell {...props} /> : <CellPlaceholder style={props.style} height={props.height} />;
});

/** Holds an undrawn cell's place and height, so its row keeps its size; no drop target, no focus. */
function CellPlaceholder({ style, height }: { style: React.CSSProperties; height: number }) {
  return <div className="cell is-offscreen" style={{ ...style, minHeight: height }} aria-hidden="true" />;
}

/** The droppable shell re-renders on every drag update, so it only wraps the memoised content. */
function LiveCell(props: CellProps) {
  const { stepId, releaseId, style, tabStop, stories } = props;
  const { setNodeRef, isOver } = useDroppable({
    id: `cell:${cellKey(stepId, releaseId)}`,
    data: { type: "cell", stepId, releaseId },
  });
  return (
    <div
      ref={setNodeRef}
      className={isOver ? "cell is-over" : "cell"}
      data-testid="cell"
      data-step-id={stepId}
      data-release-id={releaseId}
      role="group"
      aria-label={`${props.stepTitle} › ${props.releaseTitle}, ${stories.length.toString()} cards`}
      tabIndex={tabStop === "cell" ? 0 : -1}
      style={style}
    >
      <CellContent {...props} />
    </div>
  );
}

const CellContent = memo(function CellContent({
  stepId,
  releaseId,
  stepTitle,
  releaseTitle,
  stories,
  tabStop,
  dropIndex,
  dragId,
  matches,
  adding,
  onAddingChange,
  onEdit,
  onDelete,
}: CellProps) {
  const where = `${stepTitle}, ${releaseTitle}`;
  const items: React.ReactNode[] = [];
  let position = 0;
  for (const story of stories) {
    if (story.id !== dragId) {
      if (position === dropIndex) items.push(<DropIndicator key="drop" />);
      position += 1;
    }
    items.push(
      <StoryCard
        key={story.id}
        story={story}
        stepTitle={stepTitle}
        releaseTitle={releaseTitle}
        tabbable={tabStop === story.id}
        match={matches ? matches.has(story.id) : null}
        onEdit={onEdit}
        onDelete={onDelete}
      />,
    );
  }
  if (dropIndex !== null && dropIndex >= position) items.push(<DropIndicator key="drop" />);
  return (
    <>
      {items}
      <AddInline
        open={adding}
        onOpenChange={(open) => {
          onAddingChange(cellKey(stepId, releaseId), open);
        }}
        buttonText="Add story"
        buttonLabel={`Add story to ${where}`}
        buttonClassName="add-story"
        buttonTestId="add-story"
        buttonTabIndex={-1}
        iconSize={14}
        mode="repeat"
        inputTestId="new-story-input"
        inputClassName="new-story-input"
        inputLabel={`New story in ${where}`}
        placeholder="Story title, then Enter"
        hint="Enter to add · Esc to close"
        onSubmit={(title) => {
          onEdit({ kind: "addStory", stepId, releaseId, title });
        }}
      />
    </>
  );
});

function DropIndicator() {
  return <div className="drop-indicator" data-testid="drop-indicator" aria-hidden="true" />;
}
