//! The map's names for its statuses, for every card, select and pill that shows one, without
//! threading them through the grid and its cells.
import { createContext, useContext } from "react";
import { DEFAULT_STATUS_NAMES, type StatusNames } from "../model/labels";

export const StatusNamesContext = createContext<StatusNames>(DEFAULT_STATUS_NAMES);

export function useStatusNames(): StatusNames {
  return useContext(StatusNamesContext);
}
