const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", or a date ("12 Mar 2025"). */
export function formatUpdated(updatedAt: string, now: Date): string {
  const time = Date.parse(updatedAt);
  if (Number.isNaN(time)) return "";
  const age = now.getTime() - time;
  if (age < MINUTE) return "just now";
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  if (age < 2 * DAY) return "yesterday";
  if (age < 7 * DAY) return `${Math.floor(age / DAY)} days ago`;
  return new Date(time).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A moment in local time as a banner says it: "Tue 24 Nov, 14:05" (with the year when asked). */
export function formatMoment(at: string, withYear = false): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return "";
  const date = new Date(time);
  const day = `${WEEKDAYS[date.getDay()] ?? ""} ${date.getDate().toString()} ${MONTHS[date.getMonth()] ?? ""}`;
  const year = withYear ? ` ${date.getFullYear().toString()}` : "";
  const clock = `${date.getHours().toString().padStart(2, "0")}:${date.getMinutes().toString().padStart(2, "0")}`;
  return `${day}${year}, ${clock}`;
}

/** Today in local time as a date input holds it: "2025-11-24". */
export function isoDay(now: Date): string {
  const month = (now.getMonth() + 1).toString().padStart(2, "0");
  return `${now.getFullYear().toString()}-${month}-${now.getDate().toString().padStart(2, "0")}`;
}

/** A calendar day given as "2026-12-01" (UTC), as a list shows it: "Tue 1 Dec 2026". */
export function formatDay(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) return isoDate;
  const date = new Date(time);
  return `${WEEKDAYS[date.getUTCDay()] ?? ""} ${date.getUTCDate().toString()} ${MONTHS[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear().toString()}`;
}
