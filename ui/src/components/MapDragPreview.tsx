//! What follows the pointer while something on the map is dragged: its title, and a story's
//! status, at the map's zoom.
import { DragOverlay } from "@dnd-kit/core";
import type { StoryView } from "../bindings/StoryView";
import { StatusBadge } from "./StoryCard";
import type { DragState } from "./useMapDnd";

export function MapDragPreview({
  drag,
  story,
  titleOf,
  zoom,
}: {
  drag: DragState | null;
  /** The dragged story, when a card is dragged. */
  story: StoryView | undefined;
  titleOf: (id: string) => string;
  zoom: React.CSSProperties;
}) {
  return (
    <DragOverlay dropAnimation={null}>
      {drag && (
        <div className={`drag-preview is-${drag.kind}`} style={zoom}>
          <span className="drag-preview-title">{titleOf(drag.id)}</span>
          {story && <StatusBadge status={story.status} />}
        </div>
      )}
    </DragOverlay>
  );
}
