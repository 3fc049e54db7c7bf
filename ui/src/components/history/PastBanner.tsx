//! The banner over an earlier version of the map: which moment it is, that it is read only,
//! and the way back to now.
import { formatMoment } from "../../model/time";
import { HistoryIcon } from "./HistoryIcons";

export function PastBanner({ at, label, onBack }: { at: string; label: string; onBack: () => void }) {
  return (
    <div className="past-banner" data-testid="past-banner" role="status">
      <HistoryIcon size={20} />
      <div className="past-banner-text">
        <strong>Viewing the map as of {formatMoment(at)} — read only</strong>
        <span className="past-banner-note">
          Right after “{label}”. Restore a story from its card, or go back to now (Esc).
        </span>
      </div>
      <button type="button" className="primary-button is-compact" data-testid="back-to-now" onClick={onBack}>
        Back to now
      </button>
    </div>
  );
}
