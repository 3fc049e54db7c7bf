//! What the map grid draws from, put together from the hooks beside it: the open inputs, the
//! map's shape, focus, the cells drawn on a large map, the edits, drag and drop, and the handle
//! the app shell holds (shortcuts, zoom to fit).
import { useRef, useState } from "react";
import { liveCells } from "../model/cellWindow";
import type { GridFocus } from "../model/gridNav";
import { cellOfKey } from "./Cell";
import type { MapGridProps } from "./MapGrid";
import { useCellWindow } from "./useCellWindow";
import { useGridFocus } from "./useGridFocus";
import { useMapDrag } from "./useMapDrag";
import { useMapEdits } from "./useMapEdits";
import { useMapHandle } from "./useMapHandle";
import { useMapInputs } from "./useMapInputs";
import { useCollapsedSlices, useMapShape } from "./useMapShape";

/** Maps with more cards than this draw only the cells near view; smaller ones draw every card. */
const WINDOW_FROM_CARDS = 400;

export function useMapGrid({ view, prefs, onEdit, onPrefs, onToast, readOnly = false, ref }: MapGridProps) {
  const inputs = useMapInputs();
  const [announcement, setAnnouncement] = useState("");
  const [revealed, setRevealed] = useState<GridFocus | null>(null);
  const viewport = useRef<HTMLDivElement | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);
  const gridEl = useRef<HTMLDivElement | null>(null);

  const { collapsed, onToggle } = useCollapsedSlices(prefs, onPrefs);
  const { layout, cells, grid, titleOf, storiesOf } = useMapShape(view, collapsed, inputs.draftStepFor);
  const { tabStop, onFocusCapture, focusLater, focusAfterRender } = useGridFocus(view.stories, grid);
  const windowed = view.stories.length > WINDOW_FROM_CARDS;
  const { window: cellWindow, placeholderHeight } = useCellWindow(windowed, scroller, gridEl, storiesOf);
  const edits = useMapEdits(onEdit, onToast);
  const { drag, dragStory, dndProps } = useMapDrag(view, cells, titleOf, onEdit, readOnly);
  const { send, deleteStory, askDelete } = edits;
  useMapHandle(
    ref,
    { view, grid, titleOf, send, deleteStory, askDelete, ...inputs.openers, announce: setAnnouncement, reveal: setRevealed, focusLater, focusAfterRender },
    viewport,
    gridEl,
  );

  const addingAt = inputs.addingCell === null ? null : cellOfKey(inputs.addingCell);
  return {
    inputs,
    edits,
    announcement,
    refs: { viewport, scroller, gridEl },
    collapsed,
    onToggle,
    layout,
    cells,
    titleOf,
    tabStop,
    onFocusCapture,
    windowed,
    /** Cells drawn with their cards: near view, or holding focus, an input or the dragged card. */
    isLive: liveCells(cellWindow, [tabStop, revealed, dragStory, addingAt]),
    placeholderHeight,
    drag,
    dragStory,
    dndProps,
  };
}
