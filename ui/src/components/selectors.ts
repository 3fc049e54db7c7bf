//! CSS selectors for the map's elements by their data attributes (test ids double as hooks).

/** A value safe inside a double-quoted attribute selector. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

export function cardSelector(storyId: string): string {
  return `[data-testid="story-card"][data-story-id=${quoted(storyId)}]`;
}

export function cellSelector(stepId: string, releaseId: string): string {
  return `[data-testid="cell"][data-step-id=${quoted(stepId)}][data-release-id=${quoted(releaseId)}]`;
}

export function headerSelector(kind: "activity" | "step" | "release", id: string): string {
  return `[data-testid="${kind}"][data-${kind}-id=${quoted(id)}]`;
}
