//! Drag and drop as the map grid uses it: dnd-kit (`useMapDnd`) fed the map as it is now, the
//! story being dragged, no sensors on a read-only map, and the measure from a drop to the card
//! drawn where the backend put it.
import { useSensors } from "@dnd-kit/core";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { Cells } from "../model/cells";
import { useMapDnd, type DndMap } from "./useMapDnd";

export function useMapDrag(
  view: MapView,
  cells: Cells,
  titleOf: (id: string) => string,
  onEdit: (edit: MapEdit) => Promise<MapChange | null>,
  readOnly: boolean,
) {
  const measureDrop = useRef(false);
  // The end-to-end test reads this measure: from the drop to the card drawn where the backend put it.
  useEffect(() => {
    if (!measureDrop.current) return;
    measureDrop.current = false;
    try {
      performance.measure("storymap:drop-to-drawn", "storymap:drop");
    } catch {
      // No drop mark (the drop started elsewhere): nothing to measure.
    }
  }, [view]);

  const dndMap = useRef<DndMap>({ ...view, cells, titleOf });
  useLayoutEffect(() => {
    dndMap.current = { ...view, cells, titleOf };
  });
  const onDrop = useCallback(
    (change: MapEdit) => {
      void onEdit(change).then((answer) => {
        if (answer) measureDrop.current = true;
      });
    },
    [onEdit],
  );
  const { drag, dndProps } = useMapDnd(dndMap, onDrop);
  const noSensors = useSensors();
  const dragStory = drag?.kind === "story" ? view.stories.find((story) => story.id === drag.id) : undefined;

  return { drag, dragStory, dndProps: { ...dndProps, sensors: readOnly ? noSensors : dndProps.sensors } };
}
