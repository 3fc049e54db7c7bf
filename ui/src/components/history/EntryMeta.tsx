//! Who made a change and when: "ben · 2 h ago", the exact time in the tooltip.
import { useEffect, useState } from "react";
import { formatMoment, formatUpdated } from "../../model/time";

/** How often "2 min ago" is worked out again. */
const TICK_MS = 60_000;

/** The time now, read again every minute while a list of changes is shown. */
export function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

export function EntryTime({ at, now }: { at: string; now: Date }) {
  return (
    <time className="entry-time" dateTime={at} title={formatMoment(at, true)}>
      {formatUpdated(at, now)}
    </time>
  );
}

export function EntryMeta({ author, at, now }: { author: string; at: string; now: Date }) {
  return (
    <span className="entry-meta">
      <span className="entry-author">{author}</span>
      <span aria-hidden="true">·</span>
      <EntryTime at={at} now={now} />
    </span>
  );
}
