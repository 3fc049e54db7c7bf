//! The top bar's history controls: "What changed" (H), and "N conflicts" only while there are some.
import { countLabel } from "../../model/labels";
import { ConflictIcon, HistoryIcon } from "./HistoryIcons";

export function HistoryButtons({
  changesOpen,
  conflictCount,
  onChanges,
  onConflicts,
}: {
  changesOpen: boolean;
  conflictCount: number;
  onChanges: () => void;
  onConflicts: () => void;
}) {
  return (
    <div className="history-buttons">
      <button
        type="button"
        className="topbar-button"
        data-testid="changes-button"
        aria-pressed={changesOpen}
        aria-label="What changed"
        title="What changed since your last sync, and who changed it (H)"
        onClick={onChanges}
      >
        <HistoryIcon size={17} />
        <span>What changed</span>
      </button>
      {conflictCount > 0 && (
        <button
          type="button"
          className="conflicts-pill"
          data-testid="conflicts-button"
          aria-haspopup="dialog"
          title="Teammates set some things differently at the same time: choose which to keep"
          onClick={onConflicts}
        >
          <ConflictIcon size={15} />
          <span aria-live="polite">{countLabel(conflictCount, "conflict", "conflicts")}</span>
        </button>
      )}
    </div>
  );
}
