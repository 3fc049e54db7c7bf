//! Which cards a teammate's changes just touched, for each card to outline itself briefly
//! without threading the set through the grid and its cells.
import { createContext, useContext } from "react";

export const ArrivedContext = createContext<ReadonlySet<string>>(new Set());

export function useArrived(storyId: string): boolean {
  return useContext(ArrivedContext).has(storyId);
}
