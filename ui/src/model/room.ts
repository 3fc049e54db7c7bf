//! Small, pure helpers for the room (session runner and presentation): clock text, live time
//! between two reads of the session, the agenda item the clock is in, and which story comes next.
//! The rules themselves (timeboxes, overrun, default pick, poker statistics) come from Rust.
import type { AgendaItemView } from "../bindings/AgendaItemView";
import type { SessionStoryView } from "../bindings/SessionStoryView";

/** "4:05", "61:00": minutes and seconds, minutes unbounded (a session is 90 minutes). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${minutes.toString()}:${(seconds % 60).toString().padStart(2, "0")}`;
}

/** Seconds since an RFC 3339 moment, as the session clock shows them. */
export function secondsSince(at: string, now: number): number {
  const start = Date.parse(at);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((now - start) / 1000));
}

/**
 * A story's time as of `now`: what Rust said when the session was read, plus the seconds since
 * then while the story is the one being discussed.
 */
export function liveSpentSeconds(story: SessionStoryView, readAt: number, now: number): number {
  if (story.state !== "discussing") return story.spentSeconds;
  return story.spentSeconds + Math.max(0, Math.floor((now - readAt) / 1000));
}

/** Whether the story ran over its timebox: Rust's word when read, or the running clock since. */
export function isOverrun(story: SessionStoryView, spentSeconds: number): boolean {
  return story.overrun || (story.timeboxSeconds > 0 && spentSeconds > story.timeboxSeconds);
}

/** How full the timebox bar is, 0 to 1. */
export function timeboxShare(spentSeconds: number, timeboxSeconds: number): number {
  if (timeboxSeconds <= 0) return 1;
  return Math.min(1, spentSeconds / timeboxSeconds);
}

/** The agenda item the clock is in now, or `null` before the first and after the last. */
export function currentAgendaId(agenda: readonly AgendaItemView[], elapsedSeconds: number): string | null {
  const minute = elapsedSeconds / 60;
  return agenda.find((item) => item.startMinute <= minute && minute < item.endMinute)?.id ?? null;
}

/**
 * The story to discuss after the one in focus: the next one still pending in session order,
 * wrapping to the first pending one; `null` when none is left.
 */
export function nextStoryId(stories: readonly SessionStoryView[], focus: string | null): string | null {
  const at = stories.findIndex((story) => story.storyId === focus);
  const after = [...stories.slice(at + 1), ...stories.slice(0, Math.max(0, at))];
  return after.find((story) => story.state === "pending")?.storyId ?? null;
}

/** Moves an index by `step` within `length` items, stopping at the ends. */
export function stepIndex(index: number, step: number, length: number): number {
  if (length === 0) return 0;
  return Math.min(length - 1, Math.max(0, index + step));
}
