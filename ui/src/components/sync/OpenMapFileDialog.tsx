//! "Open a .storymap file": what the file holds — the map, its stories, the newest change and
//! who made it — before anything is written. A map this computer has is merged (nothing is
//! lost on either side); a new one is added. The Import menu, a double-click on a file and a
//! second launch with a file all come here.
import { useState } from "react";
import type { MapFilePreview } from "../../bindings/MapFilePreview";
import { errorMessage } from "../../model/errors";
import { storyCountLabel } from "../../model/labels";
import { formatMoment } from "../../model/time";
import { Dialog } from "../Dialog";
import { FormError } from "./FormError";

export interface OpenMapFileDialogProps {
  preview: MapFilePreview;
  /** Merges or adds the map; rejects with the reason, shown in the dialog. */
  onConfirm: (preview: MapFilePreview) => Promise<void>;
  onClose: () => void;
}

export function OpenMapFileDialog({ preview, onConfirm, onClose }: OpenMapFileDialogProps) {
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (working) return;
    setWorking(true);
    setError(null);
    try {
      await onConfirm(preview);
    } catch (failure) {
      setError(errorMessage(failure));
      setWorking(false);
    }
  };
  const action = preview.alreadyHere ? "Merge into my copy" : "Add the map";
  return (
    <Dialog
      title={`Open “${preview.fileName}”`}
      testId="open-file-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary-button is-compact"
            data-testid="open-file-confirm"
            data-autofocus
            disabled={working}
            onClick={() => void confirm()}
          >
            {working && <span className="spinner is-small is-light" aria-hidden="true" />}
            {working ? "Opening…" : action}
          </button>
        </>
      }
    >
      <dl className="file-preview" data-testid="open-file-preview">
        <dt>Map</dt>
        <dd data-testid="open-file-map">{preview.mapName}</dd>
        <dt>Stories</dt>
        <dd data-testid="open-file-stories">{storyCountLabel(preview.storyCount)}</dd>
        <dt>Last change</dt>
        <dd data-testid="open-file-last-change">
          {preview.lastChangeAt === null
            ? "No changes recorded"
            : `${formatMoment(preview.lastChangeAt, true)} by ${preview.lastChangeAuthor ?? "someone"}`}
        </dd>
      </dl>
      <p className="dialog-note" data-testid="open-file-note">
        {preview.alreadyHere
          ? "You have this map. Its changes merge into your copy; nothing anyone typed is lost."
          : "This map is new here. It is added to your maps and opens."}
      </p>
      {error !== null && <FormError testId="open-file-error" message={error} />}
    </Dialog>
  );
}
