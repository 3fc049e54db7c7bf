//! The words the map shows and reads out: statuses, counts, estimates, accessible names.
import type { SliceRollup } from "../bindings/SliceRollup";
import type { StatusLabelView } from "../bindings/StatusLabelView";
import type { StoryFlag } from "../bindings/StoryFlag";
import type { StoryStatus } from "../bindings/StoryStatus";
import type { StoryView } from "../bindings/StoryView";

export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function storyCountLabel(count: number): string {
  return countLabel(count, "story", "stories");
}

/** What each status is called on the map: the team's names (settings) or the defaults. */
export type StatusNames = Readonly<Record<StoryStatus, string>>;

/** The names a new map starts with (as in the Rust core), in workflow order. */
export const DEFAULT_STATUS_NAMES: StatusNames = {
  idea: "Idea",
  draft: "Draft",
  refining: "Refining",
  ready: "Ready",
  inSprint: "In sprint",
  done: "Done",
};

export const STATUSES = Object.keys(DEFAULT_STATUS_NAMES) as StoryStatus[];

/** What each session flag is called (the core's `StoryFlag::label`), in the order Rust sorts them. */
export const FLAG_NAMES: Readonly<Record<StoryFlag, string>> = {
  risky: "Risky",
  unclear: "Unclear",
  researchNeeded: "Research needed",
  discussionNeeded: "Discussion needed",
};

export const FLAGS = Object.keys(FLAG_NAMES) as StoryFlag[];

/** The longest status name the core accepts. */
export const STATUS_NAME_MAX = 40;

/** The map's names from `settings.statusLabels`; a status missing or named blank keeps its default. */
export function statusNames(labels: readonly StatusLabelView[]): StatusNames {
  const names: Record<StoryStatus, string> = { ...DEFAULT_STATUS_NAMES };
  for (const { status, label } of labels) {
    const name = label.trim();
    if (name !== "" && status in names) names[status] = name;
  }
  return names;
}

export function statusLabel(status: StoryStatus, names: StatusNames): string {
  return names[status];
}

/** "3 points", "1 point", "estimate M", or "not estimated". */
export function estimateLabel(estimate: string | null): string {
  const text = estimate?.trim() ?? "";
  if (text === "") return "not estimated";
  if (/^\d+(\.\d+)?$/.test(text)) return countLabel(Number(text), "point", "points");
  return `estimate ${text}`;
}

/** "Story 'Pay by card', Ready, 3 points, step Pay, slice MVP" */
export function storyAriaLabel(
  story: Pick<StoryView, "title" | "status" | "estimate">,
  stepTitle: string,
  releaseTitle: string,
  names: StatusNames,
): string {
  return `Story '${story.title}', ${statusLabel(story.status, names)}, ${estimateLabel(story.estimate)}, step ${stepTitle}, slice ${releaseTitle}`;
}

/** The pieces of a slice's roll-up: "12 stories", "34 pts", "5 ready", and "2 done" when some are. */
export function rollupParts(rollup: SliceRollup): string[] {
  const parts = [storyCountLabel(rollup.stories), `${formatPoints(rollup.points)} pts`, `${rollup.ready} ready`];
  if (rollup.done > 0) parts.push(`${rollup.done} done`);
  return parts;
}

/** "12 stories · 34 pts · 5 ready": what a slice header shows. */
export function rollupLabel(rollup: SliceRollup): string {
  return rollupParts(rollup).join(" · ");
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? points.toString() : points.toFixed(1);
}

/** The text to send for a title typed by the user, or `null` when there is nothing to send. */
export function cleanTitle(input: string): string | null {
  const title = input.trim();
  return title === "" ? null : title;
}

/** "Moved 'Pay by card' to Pay › MVP, position 2 of 4" (position counts from 1). */
export function moveAnnouncement(
  storyTitle: string,
  stepTitle: string,
  releaseTitle: string,
  index: number,
  count: number,
): string {
  return `Moved '${storyTitle}' to ${stepTitle} › ${releaseTitle}, position ${index + 1} of ${count}`;
}
