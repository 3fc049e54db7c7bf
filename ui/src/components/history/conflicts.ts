//! Which stories are in conflict, for each card to show its badge (and open the conflicts for
//! its story) without threading them through the grid and its cells.
import { createContext, useContext } from "react";
import type { ConflictView } from "../../bindings/ConflictView";

export interface StoryConflicts {
  /** Per story: how many versions its most divided field has. */
  versions: ReadonlyMap<string, number>;
  open: (storyId: string) => void;
}

export const ConflictsContext = createContext<StoryConflicts | null>(null);

export function versionsByStory(conflicts: readonly ConflictView[]): Map<string, number> {
  const versions = new Map<string, number>();
  for (const conflict of conflicts) {
    versions.set(conflict.storyId, Math.max(versions.get(conflict.storyId) ?? 0, conflict.values.length));
  }
  return versions;
}

/** How many versions the story's card should show; `null` when it is in no conflict. */
export function useStoryConflict(storyId: string): number | null {
  return useContext(ConflictsContext)?.versions.get(storyId) ?? null;
}

/** Opens the conflicts dialog on one story's conflicts. */
export function useOpenConflicts(): (storyId: string) => void {
  return useContext(ConflictsContext)?.open ?? ignore;
}

const ignore = () => undefined;
