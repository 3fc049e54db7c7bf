//! The conflicts dialog: each field two people set differently, its values side by side with
//! who set them and when, the one shown now marked, and "Keep this" on each. Keeping one sends
//! a `resolveConflict` edit (undoable); the list is read again after the answer.
import { useState } from "react";
import type { ConflictValueView } from "../../bindings/ConflictValueView";
import type { ConflictView } from "../../bindings/ConflictView";
import type { MapChange } from "../../bindings/MapChange";
import type { MapEdit } from "../../bindings/MapEdit";
import { countLabel } from "../../model/labels";
import { Dialog } from "../Dialog";
import { CheckIcon } from "../Icons";
import { EntryMeta, useMinute } from "./EntryMeta";

export interface ConflictsPanelProps {
  conflicts: readonly ConflictView[];
  /** Only this story's conflicts (opened from its card's badge); `null` for all. */
  storyId: string | null;
  send: (edit: MapEdit) => Promise<MapChange | null>;
  /** Called after an edit answered, to read the conflicts again. */
  onSettled: () => void;
  onShowAll: () => void;
  onClose: () => void;
}

function conflictKey(conflict: ConflictView): string {
  return `${conflict.storyId}\u0000${conflict.field}`;
}

export function ConflictsPanel({ conflicts, storyId, send, onSettled, onShowAll, onClose }: ConflictsPanelProps) {
  const [sending, setSending] = useState<string | null>(null);
  const shown = storyId === null ? conflicts : conflicts.filter((conflict) => conflict.storyId === storyId);
  const now = useMinute();

  const keep = async (conflict: ConflictView, value: ConflictValueView) => {
    setSending(conflictKey(conflict));
    await send({ kind: "resolveConflict", storyId: conflict.storyId, field: conflict.field, choice: value.choice });
    setSending(null);
    onSettled();
  };

  const hidden = conflicts.length - shown.length;
  return (
    <Dialog title="Conflicts" testId="conflicts-panel" onClose={onClose} wide>
      <p className="dialog-note">
        Two people changed the same thing at the same time. The map shows one version; choose the one to keep. You can undo
        it (Ctrl+Z).
      </p>
      {shown.length === 0 ? (
        <p className="drawer-empty-title conflicts-done" data-testid="conflicts-done">
          <CheckIcon size={18} /> All settled
        </p>
      ) : (
        <ul className="conflict-list">
          {shown.map((conflict) => (
            <ConflictItem
              key={conflictKey(conflict)}
              conflict={conflict}
              now={now}
              busy={sending === conflictKey(conflict)}
              onKeep={(value) => void keep(conflict, value)}
            />
          ))}
        </ul>
      )}
      {storyId !== null && hidden > 0 && (
        <button type="button" className="link-button" data-testid="conflicts-show-all" onClick={onShowAll}>
          Show all {countLabel(conflicts.length, "conflict", "conflicts")}
        </button>
      )}
    </Dialog>
  );
}

function ConflictItem({
  conflict,
  now,
  busy,
  onKeep,
}: {
  conflict: ConflictView;
  now: Date;
  busy: boolean;
  onKeep: (value: ConflictValueView) => void;
}) {
  return (
    <li className="conflict" data-testid="conflict" data-story-id={conflict.storyId} data-field={conflict.field} aria-busy={busy}>
      <div className="conflict-head">
        <span className="conflict-story">{conflict.storyTitle}</span>
        <span className="conflict-field">{conflict.fieldLabel}</span>
      </div>
      <div className="conflict-values">
        {conflict.values.map((value) => {
          const winner = value.choice === conflict.winner;
          return (
            <div
              key={value.choice}
              className={winner ? "conflict-value is-winner" : "conflict-value"}
              data-testid="conflict-value"
              data-choice={value.choice}
            >
              {winner && <span className="showing-now">Showing now</span>}
              <p className="conflict-display">{value.display === "" ? <em>(empty)</em> : value.display}</p>
              <EntryMeta author={value.author} at={value.at} now={now} />
              <button
                type="button"
                className={winner ? "secondary-button is-small" : "primary-button is-compact"}
                data-testid="keep-value"
                data-choice={value.choice}
                disabled={busy}
                onClick={() => {
                  onKeep(value);
                }}
              >
                Keep this
              </button>
            </div>
          );
        })}
      </div>
    </li>
  );
}
