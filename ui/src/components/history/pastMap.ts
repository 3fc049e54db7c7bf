//! While an earlier version of the map is shown: the point, and how a card restores its story
//! from it, without threading a callback through the grid and its cells.
import { createContext, useContext } from "react";

export interface PastMap {
  /** The change hash the shown map is as of. */
  at: string;
  restoreStory: (storyId: string) => void;
}

export const PastMapContext = createContext<PastMap | null>(null);

export function usePastMap(): PastMap | null {
  return useContext(PastMapContext);
}
