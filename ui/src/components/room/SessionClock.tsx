//! The session clock: time since the start of the planned length, ticking each second, with the
//! agenda item the clock is in. Past the length it turns amber — a nudge, not an alarm.
import type { SessionView } from "../../bindings/SessionView";
import { currentAgendaId, formatClock, secondsSince } from "../../model/room";

export function SessionClock({ session, now, large = false }: { session: SessionView; now: number; large?: boolean }) {
  const elapsed = secondsSince(session.startedAt, now);
  const length = session.lengthMinutes * 60;
  const currentId = currentAgendaId(session.agenda, elapsed);
  const current = session.agenda.find((item) => item.id === currentId);
  const over = elapsed > length;
  return (
    <div
      className={`session-clock${large ? " is-large" : ""}${over ? " is-over" : ""}`}
      data-testid="session-clock"
      data-elapsed={elapsed}
      role="timer"
      aria-label={`Session time ${formatClock(elapsed)} of ${formatClock(length)}`}
    >
      <span className="clock-time">
        <strong className="clock-elapsed">{formatClock(elapsed)}</strong>
        <span className="clock-length"> / {formatClock(length)}</span>
      </span>
      <span className="clock-bar" aria-hidden="true">
        <span className="clock-fill" style={{ width: `${(Math.min(1, elapsed / Math.max(1, length)) * 100).toFixed(1)}%` }} />
      </span>
      <span className="clock-agenda" data-testid="clock-agenda">
        {current ? current.title : over ? "Over time" : ""}
      </span>
    </div>
  );
}
