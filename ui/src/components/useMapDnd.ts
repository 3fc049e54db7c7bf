//! Pointer drag and drop on the map (dnd-kit): which targets a drag may land on, where the drop
//! indicator goes, the edit a drop makes, and what screen readers hear.
import {
  closestCenter,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type CollisionDetection,
  type DragMoveEvent,
  type DragStartEvent,
  type DroppableContainer,
  type Over,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { useCallback, useMemo, useRef, useState } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import { storiesInCell } from "../model/cells";
import { accepts, dropEdit, type DragKind, type DropContext, type DropTarget } from "../model/drops";
import { moveAnnouncement } from "../model/labels";
import { insertionIndex } from "../model/moves";
import { cellSelector, headerSelector } from "./selectors";

export interface DragState {
  kind: DragKind;
  id: string;
  target: DropTarget | null;
}

/** What the drag code needs to know about the map as it is now. */
export interface DndMap extends DropContext {
  /** Title of a story, step, activity or slice by id. */
  titleOf: (id: string) => string;
}

interface DragData {
  type: string;
  id: string;
  stepId?: string;
  releaseId?: string;
  activityId?: string;
  into?: string;
}

function dataOf(item: { data: { current?: Record<string, unknown> } } | null): DragData | null {
  const data = item?.data.current;
  if (!data || typeof data.type !== "string") return null;
  return data as unknown as DragData;
}

function element(selector: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(selector);
}

/**
 * The targets' rects as drawn now. dnd-kit measures them as a drag starts and then shifts them
 * by how far the map has scrolled since, in scroll pixels; but the map is scaled outside its
 * scroll area, so on screen a scroll moves them by the zoom times that.
 */
function drawnRects(containers: DroppableContainer[]): Map<UniqueIdentifier, ClientRect> {
  const rects = new Map<UniqueIdentifier, ClientRect>();
  for (const container of containers) {
    const node = container.node.current;
    if (node) rects.set(container.id, node.getBoundingClientRect());
  }
  return rects;
}

function targetFor(kind: DragKind, movedId: string, over: Over, pointer: { x: number; y: number }): DropTarget | null {
  const data = dataOf(over);
  if (!data || !accepts(kind, data.type)) return null;
  if (kind === "story" && data.stepId !== undefined && data.releaseId !== undefined) {
    const cell = element(cellSelector(data.stepId, data.releaseId));
    const middles = [...(cell?.querySelectorAll<HTMLElement>(':scope > [data-testid="story-card"]') ?? [])]
      .filter((card) => card.dataset.storyId !== movedId)
      .map((card) => {
        const rect = card.getBoundingClientRect();
        return rect.top + rect.height / 2;
      });
    return { kind: "story", stepId: data.stepId, releaseId: data.releaseId, index: insertionIndex(pointer.y, middles) };
  }
  const node = element(headerSelector(data.type === "step" || data.type === "release" ? data.type : "activity", data.id));
  const rect = node?.getBoundingClientRect() ?? over.rect;
  const after = data.type === "release" ? pointer.y > rect.top + rect.height / 2 : pointer.x > rect.left + rect.width / 2;
  const side = after ? "after" : "before";
  if (kind === "step") {
    if (data.type === "step" && data.activityId !== undefined) {
      return { kind: "step", activityId: data.activityId, stepId: data.id, side };
    }
    return { kind: "step", activityId: data.id, stepId: null, side: "into" };
  }
  if (kind === "activity") return { kind: "activity", activityId: data.id, side };
  return { kind: "release", releaseId: data.id, side };
}

function sameTarget(a: DropTarget | null, b: DropTarget | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const KIND_WORDS: Record<DragKind, string> = { story: "story", step: "step", activity: "activity", release: "slice" };

export function useMapDnd(map: React.RefObject<DndMap>, onDrop: (edit: MapEdit) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const dragRef = useRef<DragState | null>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const lastDrop = useRef<string | undefined>(undefined);
  const stopTracking = useRef<() => void>(() => undefined);

  const update = useCallback((next: DragState | null) => {
    dragRef.current = next;
    setDrag(next);
  }, []);

  // A small distance keeps clicks and double-clicks working; WebDriver's stepped pointer moves pass it.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));

  /** Pointer-within among the targets this drag accepts only; headers fall back to the nearest. */
  const collisionDetection = useCallback<CollisionDetection>((args) => {
    const kind = dataOf(args.active)?.type as DragKind | undefined;
    if (!kind) return [];
    const droppableContainers = args.droppableContainers.filter((container) => {
      const type = dataOf(container)?.type;
      return type !== undefined && accepts(kind, type);
    });
    const measured = { ...args, droppableContainers, droppableRects: drawnRects(droppableContainers) };
    const within = pointerWithin(measured);
    if (within.length > 0 || kind === "story") return within; // a card let go off the grid goes back
    return closestCenter(measured);
  }, []);

  const onDragStart = useCallback(
    ({ active, activatorEvent }: DragStartEvent) => {
      const data = dataOf(active);
      if (!data) return;
      if (activatorEvent instanceof PointerEvent || activatorEvent instanceof MouseEvent) {
        pointer.current = { x: activatorEvent.clientX, y: activatorEvent.clientY };
      }
      const track = (event: PointerEvent) => {
        pointer.current = { x: event.clientX, y: event.clientY };
      };
      window.addEventListener("pointermove", track, { capture: true, passive: true });
      stopTracking.current = () => {
        window.removeEventListener("pointermove", track, { capture: true });
      };
      update({ kind: data.type as DragKind, id: data.id, target: null });
    },
    [update],
  );

  const onDragMove = useCallback(
    ({ over }: DragMoveEvent) => {
      const current = dragRef.current;
      if (!current) return;
      const target = over ? targetFor(current.kind, current.id, over, pointer.current) : null;
      if (!sameTarget(target, current.target)) update({ ...current, target });
    },
    [update],
  );

  const onDragEnd = useCallback(
    () => {
      performance.mark("storymap:drop");
      stopTracking.current();
      const current = dragRef.current;
      update(null);
      lastDrop.current = undefined;
      if (!current?.target) return;
      const context = map.current;
      const edit = dropEdit(context, current.id, current.target);
      if (!edit) return;
      if (edit.kind === "moveStory") {
        const count = storiesInCell(context.cells, edit.stepId, edit.releaseId).filter((story) => story.id !== edit.storyId).length + 1;
        lastDrop.current = moveAnnouncement(
          context.titleOf(edit.storyId),
          context.titleOf(edit.stepId),
          context.titleOf(edit.releaseId),
          edit.toIndex,
          count,
        );
      } else {
        lastDrop.current = `Moved ${KIND_WORDS[current.kind]} '${context.titleOf(current.id)}' to position ${(("toIndex" in edit ? edit.toIndex : 0) + 1).toString()}`;
      }
      onDrop(edit);
    },
    [map, onDrop, update],
  );

  const onDragCancel = useCallback(() => {
    stopTracking.current();
    update(null);
  }, [update]);

  const announcements = useMemo<Announcements>(() => {
    const name = (data: DragData | null) =>
      data ? `${KIND_WORDS[data.type as DragKind]} '${map.current.titleOf(data.id)}'` : "item";
    const place = (data: DragData | null) => {
      if (!data) return "no place to drop";
      if (data.type === "cell" && data.stepId !== undefined && data.releaseId !== undefined) {
        return `${map.current.titleOf(data.stepId)} › ${map.current.titleOf(data.releaseId)}`;
      }
      return `${KIND_WORDS[data.type as DragKind]} '${map.current.titleOf(data.id)}'`;
    };
    return {
      onDragStart: ({ active }) => `Picked up ${name(dataOf(active))}.`,
      onDragOver: ({ active, over }) => `${name(dataOf(active))} is over ${place(dataOf(over))}.`,
      onDragEnd: ({ active }) => lastDrop.current ?? `Dropped ${name(dataOf(active))}; nothing moved.`,
      onDragCancel: ({ active }) => `Cancelled. ${name(dataOf(active))} is back where it was.`,
    };
  }, [map]);

  return {
    drag,
    dndProps: {
      sensors,
      collisionDetection,
      onDragStart,
      onDragMove,
      onDragOver: onDragMove,
      onDragEnd,
      onDragCancel,
      accessibility: {
        announcements,
        screenReaderInstructions: {
          draggable: "Drag with the pointer. With the keyboard, use Alt and the arrow keys to move the focused item.",
        },
      },
      autoScroll: { threshold: { x: 0.12, y: 0.15 }, acceleration: 14 },
    },
  };
}
