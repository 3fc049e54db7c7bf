//! Confirming a deletion that takes stories with it, and choosing where a slice's cards go.
import { useState } from "react";
import type { ReleaseView } from "../bindings/ReleaseView";
import { storyCountLabel } from "../model/labels";
import { Dialog } from "./Dialog";

export interface ConfirmDeleteProps {
  title: string;
  message: string;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  children?: React.ReactNode;
}

export function ConfirmDelete({ title, message, confirmText, onConfirm, onCancel, children }: ConfirmDeleteProps) {
  return (
    <Dialog
      title={title}
      testId="confirm-dialog"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="secondary-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger-button" data-testid="confirm-button" data-autofocus onClick={onConfirm}>
            {confirmText}
          </button>
        </>
      }
    >
      <p className="dialog-message">{message}</p>
      {children}
      <p className="dialog-note">You can undo this with Ctrl+Z.</p>
    </Dialog>
  );
}

/** "" stands for the Unplanned slice, created when missing. */
export const UNPLANNED = "";

export function DeleteReleaseDialog({
  release,
  others,
  onConfirm,
  onCancel,
}: {
  release: ReleaseView;
  others: readonly ReleaseView[];
  /** With the slice to move the cards to, or `null` for Unplanned. */
  onConfirm: (moveStoriesTo: string | null) => void;
  onCancel: () => void;
}) {
  const [target, setTarget] = useState(UNPLANNED);
  const count = release.rollup.stories;
  const destinations = others.filter((other) => other.title !== "Unplanned");
  return (
    <ConfirmDelete
      title="Delete release slice"
      message={
        count === 0
          ? `Delete the slice '${release.title}'? It has no stories.`
          : `Delete the slice '${release.title}'? Its ${storyCountLabel(count)} will be kept in another slice.`
      }
      confirmText="Delete slice"
      onConfirm={() => {
        onConfirm(target === UNPLANNED ? null : target);
      }}
      onCancel={onCancel}
    >
      {count > 0 && (
        <label className="dialog-field">
          <span>Move its cards to</span>
          <select
            data-testid="move-stories-to"
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
            }}
          >
            <option value={UNPLANNED}>Unplanned</option>
            {destinations.map((other) => (
              <option key={other.id} value={other.id}>
                {other.title}
              </option>
            ))}
          </select>
        </label>
      )}
    </ConfirmDelete>
  );
}
