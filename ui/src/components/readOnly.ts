//! Whether the map is drawn read only (an earlier version): titles do not rename, nothing is
//! added, cards do not drag. Read by the generic map parts without threading a prop through.
import { createContext, useContext } from "react";

export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
