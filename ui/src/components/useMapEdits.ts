//! The edits the map's parts send: as they are (the keyboard awaits the answer) or without
//! waiting; a story's delete with its undo toast; and the confirmation asked before deleting a
//! step, an activity or a slice.
import { useCallback, useState } from "react";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { StoryView } from "../bindings/StoryView";
import type { NewToast } from "../state/store";
import type { DeleteTarget } from "./Headers";

export function useMapEdits(onEdit: (edit: MapEdit) => Promise<MapChange | null>, onToast: (toast: NewToast) => void) {
  const [pendingDelete, setPendingDelete] = useState<DeleteTarget | null>(null);

  const send = useCallback((edit: MapEdit) => onEdit(edit), [onEdit]);
  const edit = useCallback(
    (change: MapEdit) => {
      void onEdit(change);
    },
    [onEdit],
  );
  const deleteStory = useCallback(
    (story: StoryView) => {
      void onEdit({ kind: "deleteStory", storyId: story.id }).then((change) => {
        if (change) onToast({ kind: "undo", message: `Deleted story '${story.title}'` });
      });
    },
    [onEdit, onToast],
  );

  const cancelDelete = () => {
    setPendingDelete(null);
  };
  const confirmDelete = (change: MapEdit, message: string) => {
    setPendingDelete(null);
    void onEdit(change).then((answer) => {
      if (answer) onToast({ kind: "undo", message });
    });
  };

  return { send, edit, deleteStory, pendingDelete, askDelete: setPendingDelete, cancelDelete, confirmDelete };
}
