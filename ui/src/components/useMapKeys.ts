//! The map's keyboard: what each shortcut from the table does to the focused card, cell or
//! header. Arrow keys rove focus; Alt+arrows move; Delete, Ctrl+D, N and friends edit.
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import { storiesInCell } from "../model/cells";
import { arrowDirection, firstFocus, moveFocus, type GridFocus } from "../model/gridNav";
import { moveAnnouncement } from "../model/labels";
import { activityMoveTarget, releaseMoveTarget, stepMoveTarget, storyMoveTarget, type GridShape } from "../model/moves";
import type { ShortcutId } from "../model/shortcuts";
import { cellKey } from "./Cell";
import type { DeleteTarget } from "./Headers";
import { cardSelector, cellSelector, headerSelector } from "./selectors";

export interface MapKeysContext {
  view: MapView;
  grid: GridShape;
  titleOf: (id: string) => string;
  send: (edit: MapEdit) => Promise<MapChange | null>;
  deleteStory: (story: StoryView) => void;
  askDelete: (target: DeleteTarget) => void;
  openAddStory: (key: string) => void;
  openAddActivity: () => void;
  openAddStep: (activityId: string) => void;
  openAddRelease: () => void;
  announce: (text: string) => void;
  /** Draw this cell with its cards even if it is far from view (a large map draws only cells near it). */
  reveal: (focus: GridFocus) => void;
  /** Focus this element now if it is drawn, else once it is. */
  focusLater: (selector: string) => void;
  /** Focus this element after the next render: a moved card is drawn again in its new place. */
  focusAfterRender: (selector: string) => void;
}

export function focusSelector(focus: GridFocus): string {
  return focus.kind === "card" ? cardSelector(focus.storyId) : cellSelector(focus.stepId, focus.releaseId);
}

/** What has keyboard focus in the map, read from the DOM's data attributes. */
export function focusedItem(element: Element | null) {
  const card = element?.closest<HTMLElement>('[data-testid="story-card"]');
  if (card) return { kind: "card" as const, storyId: card.dataset.storyId ?? "" };
  const cell = element?.closest<HTMLElement>('[data-testid="cell"]');
  if (cell) return { kind: "cell" as const, stepId: cell.dataset.stepId ?? "", releaseId: cell.dataset.releaseId ?? "" };
  const step = element?.closest<HTMLElement>('[data-testid="step"]');
  if (step) return { kind: "step" as const, id: step.dataset.stepId ?? "" };
  const activity = element?.closest<HTMLElement>('[data-testid="activity"]');
  if (activity) return { kind: "activity" as const, id: activity.dataset.activityId ?? "" };
  const release = element?.closest<HTMLElement>('[data-testid="release"]');
  if (release) return { kind: "release" as const, id: release.dataset.releaseId ?? "" };
  return null;
}

/** Runs the shortcut on whatever has focus; `false` when it does not apply there. */
export function runMapShortcut(ctx: MapKeysContext, id: ShortcutId, event: KeyboardEvent): boolean {
  const item = focusedItem(document.activeElement);
  const story = item?.kind === "card" ? ctx.view.stories.find((candidate) => candidate.id === item.storyId) : undefined;
  const gridFocus: GridFocus | null = story
    ? { kind: "card", storyId: story.id, stepId: story.stepId, releaseId: story.releaseId }
    : item?.kind === "cell"
      ? item
      : null;

  switch (id) {
    case "focus": {
      const direction = arrowDirection(event.key);
      if (!direction) return false;
      if (item !== null && gridFocus === null) return false; // headers keep their own arrows
      const next = gridFocus ? moveFocus(ctx.grid, gridFocus, direction) : firstFocus(ctx.grid);
      if (next) {
        ctx.reveal(next);
        ctx.focusLater(focusSelector(next));
      }
      return true;
    }
    case "moveVertical":
    case "moveHorizontal": {
      const direction = arrowDirection(event.key);
      if (!direction) return false;
      const step = direction === "up" || direction === "left" ? -1 : 1;
      if (story) return moveStoryByKey(ctx, story, direction);
      if (item?.kind === "release" && id === "moveVertical") {
        const toIndex = releaseMoveTarget(ctx.view.releases, item.id, step);
        if (toIndex !== null) moveHeader(ctx, { kind: "moveRelease", releaseId: item.id, toIndex }, "release", item.id, toIndex);
        return true;
      }
      if (item?.kind === "activity" && id === "moveHorizontal") {
        const toIndex = activityMoveTarget(ctx.view.activities, item.id, step);
        if (toIndex !== null) moveHeader(ctx, { kind: "moveActivity", activityId: item.id, toIndex }, "activity", item.id, toIndex);
        return true;
      }
      if (item?.kind === "step" && id === "moveHorizontal") {
        const target = stepMoveTarget(ctx.view.activities, item.id, step);
        if (target) moveHeader(ctx, { kind: "moveStep", stepId: item.id, ...target }, "step", item.id, target.toIndex);
        return true;
      }
      return false;
    }
    case "rename":
      // Cards and titles start renaming themselves; Enter on an empty cell adds a story.
      if (item?.kind === "cell" && event.key === "Enter") {
        ctx.openAddStory(cellKey(item.stepId, item.releaseId));
        return true;
      }
      return false;
    case "addStory": {
      const where = gridFocus ?? firstFocus(ctx.grid);
      if (!where) return false;
      ctx.openAddStory(cellKey(where.stepId, where.releaseId));
      return true;
    }
    case "duplicate":
      if (!story) return false;
      void ctx.send({ kind: "duplicateStory", storyId: story.id }).then((change) => {
        if (change?.createdId) ctx.focusLater(cardSelector(change.createdId));
      });
      return true;
    case "delete":
      if (story && gridFocus) {
        const after = moveFocus(ctx.grid, gridFocus, "down");
        const before = moveFocus(ctx.grid, gridFocus, "up");
        const stays = (focus: GridFocus | null) =>
          focus !== null && focus.stepId === story.stepId && focus.releaseId === story.releaseId;
        const next = stays(after) ? after : stays(before) ? before : { kind: "cell" as const, stepId: story.stepId, releaseId: story.releaseId };
        ctx.deleteStory(story);
        if (next) ctx.focusLater(focusSelector(next));
        return true;
      }
      if (item?.kind === "step" || item?.kind === "activity" || item?.kind === "release") {
        ctx.askDelete({ kind: item.kind, id: item.id });
        return true;
      }
      return false;
    case "addActivity":
      ctx.openAddActivity();
      return true;
    case "addStep": {
      const activities = ctx.view.activities;
      let activityId = activities.at(-1)?.id;
      if (item?.kind === "activity") activityId = item.id;
      const stepId = item?.kind === "step" ? item.id : gridFocus?.stepId;
      const owner = stepId === undefined ? undefined : activities.find((activity) => activity.steps.some((s) => s.id === stepId));
      if (owner) activityId = owner.id;
      if (activityId === undefined) return false;
      ctx.openAddStep(activityId);
      return true;
    }
    case "addRelease":
      ctx.openAddRelease();
      return true;
    case "sortByWsjf": {
      const releaseId = item?.kind === "release" ? item.id : gridFocus?.releaseId;
      if (releaseId === undefined) return false;
      void ctx.send({ kind: "sortByWsjf", releaseId });
      ctx.announce(`Sorted slice '${ctx.titleOf(releaseId)}' by WSJF, highest first`);
      return true;
    }
    default:
      return false;
  }
}

function moveStoryByKey(ctx: MapKeysContext, story: StoryView, direction: "up" | "down" | "left" | "right"): boolean {
  const place = storyMoveTarget(ctx.grid, story, direction);
  if (!place) {
    ctx.announce(`'${story.title}' can't move further ${direction}.`);
    return true;
  }
  const count =
    storiesInCell(ctx.grid.cells, place.stepId, place.releaseId).filter((other) => other.id !== story.id).length + 1;
  void ctx.send({ kind: "moveStory", storyId: story.id, ...place });
  ctx.announce(moveAnnouncement(story.title, ctx.titleOf(place.stepId), ctx.titleOf(place.releaseId), place.toIndex, count));
  ctx.focusAfterRender(cardSelector(story.id));
  return true;
}

function moveHeader(ctx: MapKeysContext, edit: MapEdit, kind: "release" | "activity" | "step", id: string, toIndex: number) {
  void ctx.send(edit);
  const word = kind === "release" ? "slice" : kind;
  ctx.announce(`Moved ${word} '${ctx.titleOf(id)}' to position ${(toIndex + 1).toString()}`);
  ctx.focusAfterRender(`${headerSelector(kind, id)} [data-testid="${kind}-title"]`);
}
