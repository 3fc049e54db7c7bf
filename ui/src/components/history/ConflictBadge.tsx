//! The small amber "2 versions" badge on a card whose fields teammates set differently.
import { ConflictIcon } from "./HistoryIcons";

export function ConflictBadge({ versions, title, onOpen }: { versions: number; title: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      className="conflict-badge"
      data-testid="conflict-badge"
      tabIndex={-1}
      aria-label={`'${title}' has ${versions.toString()} versions: choose one`}
      title="Two people changed this at the same time. Click to choose which version to keep."
      onPointerDown={(event) => {
        // Not the start of a drag.
        event.stopPropagation();
      }}
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
    >
      <ConflictIcon size={12} />
      {versions.toString()} versions
    </button>
  );
}
