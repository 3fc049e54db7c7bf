//! The map's inline inputs: which is open (a story in a cell, an activity, a step under an
//! activity, a release slice), the keys that open them, and focus back on the cell when a
//! story's input closes.
import { useCallback, useState } from "react";
import { cellOfKey } from "./Cell";
import { cellSelector } from "./selectors";

export function useMapInputs() {
  /** The activity a new step is being typed under, if any. */
  const [draftStepFor, setDraftStepFor] = useState<string | null>(null);
  /** The `cellKey` of the cell a story is being typed in, if any. */
  const [addingCell, setAddingCell] = useState<string | null>(null);
  const [addingActivity, setAddingActivity] = useState(false);
  const [addingRelease, setAddingRelease] = useState(false);

  const onAddingChange = useCallback((key: string, open: boolean) => {
    setAddingCell((current) => (open ? key : current === key ? null : current));
    if (!open) {
      // Closing the input (Esc) leaves focus nowhere: give it back to the cell.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) {
          const { stepId, releaseId } = cellOfKey(key);
          document.querySelector<HTMLElement>(cellSelector(stepId, releaseId))?.focus();
        }
      });
    }
  }, []);

  /** What the keyboard's N, A, S and R open. */
  const openers = {
    openAddStory: setAddingCell,
    openAddActivity: () => {
      setAddingActivity(true);
    },
    openAddStep: setDraftStepFor,
    openAddRelease: () => {
      setAddingRelease(true);
    },
  };

  return { draftStepFor, setDraftStepFor, addingCell, onAddingChange, addingActivity, setAddingActivity, addingRelease, setAddingRelease, openers };
}
