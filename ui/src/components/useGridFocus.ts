//! Focus on the map: the grid's one tab stop (the focused card or cell while it is still on
//! the map, else the first), and focus asked for by a key press, which lands once the element
//! is drawn (a moved card is remounted).
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { StoryView } from "../bindings/StoryView";
import { storiesInCell } from "../model/cells";
import { firstFocus, type GridFocus } from "../model/gridNav";
import type { GridShape } from "../model/moves";
import { focusedItem } from "./useMapKeys";

export function useGridFocus(stories: readonly StoryView[], grid: GridShape) {
  const [focus, setFocus] = useState<GridFocus | null>(null);
  const pendingFocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    const selector = pendingFocus.current;
    if (selector === null) return;
    const element = document.querySelector<HTMLElement>(selector);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  });
  const focusLater = useCallback((selector: string) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) element.focus();
    else pendingFocus.current = selector;
  }, []);
  const focusAfterRender = useCallback((selector: string) => {
    pendingFocus.current = selector;
  }, []);

  const tabStop = useMemo((): GridFocus | null => {
    if (focus?.kind === "card") {
      const story = stories.find((candidate) => candidate.id === focus.storyId);
      if (story && grid.releaseIds.includes(story.releaseId)) {
        return { kind: "card", storyId: story.id, stepId: story.stepId, releaseId: story.releaseId };
      }
    } else if (focus && grid.releaseIds.includes(focus.releaseId) && grid.stepIds.includes(focus.stepId)) {
      return storiesInCell(grid.cells, focus.stepId, focus.releaseId).length === 0 ? focus : firstFocus({ ...grid, stepIds: [focus.stepId], releaseIds: [focus.releaseId] });
    }
    return firstFocus(grid);
  }, [focus, stories, grid]);

  const onFocusCapture = (event: React.FocusEvent) => {
    const item = focusedItem(event.target);
    if (item?.kind === "card") {
      const story = stories.find((candidate) => candidate.id === item.storyId);
      if (story && (focus?.kind !== "card" || focus.storyId !== story.id)) {
        setFocus({ kind: "card", storyId: story.id, stepId: story.stepId, releaseId: story.releaseId });
      }
    } else if (item?.kind === "cell" && event.target instanceof HTMLElement && event.target.dataset.testid === "cell") {
      if (focus?.kind !== "cell" || focus.stepId !== item.stepId || focus.releaseId !== item.releaseId) setFocus(item);
    }
  };

  return { tabStop, onFocusCapture, focusLater, focusAfterRender };
}
