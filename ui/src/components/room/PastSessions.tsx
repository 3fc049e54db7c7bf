//! The refinement rhythm: past sessions with their date, length and what they settled; each
//! opens its summary.
import type { SessionListItem } from "../../bindings/SessionListItem";
import { formatMoment } from "../../model/time";

export function PastSessions({ sessions, onSummary }: { sessions: readonly SessionListItem[]; onSummary: (sessionId: string) => void }) {
  const past = sessions.filter((item) => !item.open);
  return (
    <section className="room-section" aria-label="Past sessions">
      <h3 className="room-section-title">Past sessions</h3>
      {past.length === 0 ? (
        <p className="field-help" data-testid="past-sessions">No session yet. A short refinement every week keeps the backlog healthy.</p>
      ) : (
        <ul className="past-sessions" data-testid="past-sessions">
          {past.map((item) => (
            <li key={item.id}>
              <button type="button" className="past-session" data-testid="past-session" data-session-id={item.id} title="Show its summary" onClick={() => { onSummary(item.id); }}>
                <span className="past-date">{formatMoment(item.startedAt)}</span>
                <span className="past-meta">
                  {item.lengthMinutes} min · {item.refined} refined · {item.parked} parked · {item.stories} stories
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
