import type { StoryStatus } from "../bindings/StoryStatus";

export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function storyCountLabel(count: number): string {
  return countLabel(count, "story", "stories");
}

const STATUS_LABELS: Record<StoryStatus, string> = {
  todo: "To do",
  inProgress: "In progress",
  done: "Done",
};

export function statusLabel(status: StoryStatus): string {
  return STATUS_LABELS[status];
}

/** "Story: Pay by card, MVP, Check out › Pay" */
export function storyAriaLabel(
  storyTitle: string,
  releaseTitle: string,
  activityTitle: string,
  stepTitle: string,
): string {
  return `Story: ${storyTitle}, ${releaseTitle}, ${activityTitle} › ${stepTitle}`;
}

/** The text to send for a title typed by the user, or `null` when there is nothing to send. */
export function cleanTitle(input: string): string | null {
  const title = input.trim();
  return title === "" ? null : title;
}
