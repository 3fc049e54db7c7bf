//! The top bar's room controls: "Session" (the runner panel; a dot while one is open) and
//! "Present" (F5).
import { PresentIcon, TimerIcon } from "./RoomIcons";

export function RoomButtons({
  sessionOpen,
  panelOpen,
  onSession,
  onPresent,
}: {
  sessionOpen: boolean;
  panelOpen: boolean;
  onSession: () => void;
  onPresent: () => void;
}) {
  return (
    <div className="room-buttons">
      <button
        type="button"
        className="topbar-button"
        data-testid="session-button"
        data-session-open={sessionOpen ? "true" : undefined}
        aria-pressed={panelOpen}
        aria-label="Session"
        title={sessionOpen ? "The refinement session running now" : "Run a refinement session"}
        onClick={onSession}
      >
        <TimerIcon size={17} />
        <span>Session</span>
        {sessionOpen && <i className="room-live-dot" aria-label="running" />}
      </button>
      <button
        type="button"
        className="topbar-button"
        data-testid="present-button"
        aria-label="Present"
        title="Present on the wall (F5)"
        onClick={onPresent}
      >
        <PresentIcon size={17} />
        <span>Present</span>
      </button>
    </div>
  );
}
