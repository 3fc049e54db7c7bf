//! One story's timebox: time spent of the minutes allowed, running on while it is discussed.
//! Past the timebox the bar turns amber and says so quietly.
import type { SessionStoryView } from "../../bindings/SessionStoryView";
import { formatClock, isOverrun, liveSpentSeconds, timeboxShare } from "../../model/room";

export function TimeboxBar({ story, readAt, now, large = false }: { story: SessionStoryView; readAt: number; now: number; large?: boolean }) {
  const spent = liveSpentSeconds(story, readAt, now);
  const overrun = isOverrun(story, spent);
  return (
    <div
      className={`timebox${overrun ? " is-overrun" : ""}${large ? " is-large" : ""}`}
      data-testid="timebox"
      data-overrun={overrun ? "true" : "false"}
      data-spent={spent}
      title={overrun ? "Over its timebox: decide, park or give it more time" : "Time on this story"}
    >
      <span className="timebox-bar" aria-hidden="true">
        <span className="timebox-fill" style={{ width: `${(timeboxShare(spent, story.timeboxSeconds) * 100).toFixed(1)}%` }} />
      </span>
      <span className="timebox-text">
        {formatClock(spent)} of {formatClock(story.timeboxSeconds)}
        {overrun && <span className="timebox-over"> · over time</span>}
      </span>
    </div>
  );
}
