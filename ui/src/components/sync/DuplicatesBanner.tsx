//! The offer to merge activities that share a name — two laptops added "Checkout" offline, and
//! after the sync the map shows both. Merging is an ordinary edit: one undo splits them again.
import type { MapEdit } from "../../bindings/MapEdit";
import type { MapView } from "../../bindings/MapView";
import { duplicateActivities } from "../../model/duplicates";

function countWord(count: number): string {
  return count === 2 ? "Two" : count.toString();
}

export function DuplicatesBanner({ view, onEdit }: { view: MapView; onEdit: (edit: MapEdit) => void }) {
  const duplicates = duplicateActivities(view);
  const first = duplicates[0];
  if (!first) return null;
  const [intoId, activityId] = first.activityIds;
  if (intoId === undefined || activityId === undefined) return null;
  return (
    <div className="duplicates-banner" data-testid="duplicates-banner" role="status">
      <div className="duplicates-banner-text">
        <strong>
          {countWord(first.activityIds.length)} activities are named “{first.title}”
        </strong>
        <span>
          Probably added on two computers before a sync. Merging moves the second one’s steps and stories into the first;
          steps with the same name become one. You can undo it.
        </span>
      </div>
      <button
        type="button"
        className="primary-button is-compact"
        data-testid="merge-duplicates"
        onClick={() => {
          onEdit({ kind: "mergeActivity", activityId, intoId });
        }}
      >
        Merge them
      </button>
    </div>
  );
}
