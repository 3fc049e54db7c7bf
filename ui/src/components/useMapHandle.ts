//! What the map offers the app shell through its ref: its shortcuts (run on the focused item)
//! and the zoom that fits it in the window.
import { useImperativeHandle, useLayoutEffect, useRef } from "react";
import type { ShortcutId } from "../model/shortcuts";
import { fitZoom } from "../model/zoom";
import { runMapShortcut, type MapKeysContext } from "./useMapKeys";

/** What the app's key handler and zoom controls may ask of the map. */
export interface MapKeysHandle {
  /** Runs a map shortcut on the focused item; `false` when it does not apply. */
  shortcut: (id: ShortcutId, event: KeyboardEvent) => boolean;
  /** The zoom at which the whole map fits the window. */
  fitZoom: () => number;
}

export function useMapHandle(
  ref: React.Ref<MapKeysHandle> | undefined,
  keys: MapKeysContext,
  viewport: React.RefObject<HTMLDivElement | null>,
  gridEl: React.RefObject<HTMLDivElement | null>,
): void {
  // The handle is made once; it reads the latest keys context through this ref.
  const keysRef = useRef(keys);
  useLayoutEffect(() => {
    keysRef.current = keys;
  });
  useImperativeHandle(
    ref,
    () => ({
      shortcut: (id, event) => runMapShortcut(keysRef.current, id, event),
      fitZoom: () => {
        const area = viewport.current;
        const content = gridEl.current;
        if (!area || !content) return 1;
        // The grid lays out at 100 % (the scale is applied outside the scroll area).
        return fitZoom(
          { width: content.offsetWidth, height: content.offsetHeight },
          { width: area.clientWidth, height: area.clientHeight },
        );
      },
    }),
    [viewport, gridEl],
  );
}
