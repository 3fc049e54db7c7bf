//! The search box: which cards match a query, by title or by the status's name on this map.
import type { StoryView } from "../bindings/StoryView";
import { statusLabel, type StatusNames } from "./labels";

/** The query as matched: trimmed and lower-cased; `""` means no search. */
export function normaliseQuery(query: string): string {
  return query.trim().toLocaleLowerCase();
}

export function storyMatches(story: Pick<StoryView, "title" | "status">, query: string, names: StatusNames): boolean {
  const needle = normaliseQuery(query);
  if (needle === "") return true;
  return (
    story.title.toLocaleLowerCase().includes(needle) || statusLabel(story.status, names).toLocaleLowerCase().includes(needle)
  );
}

/** Ids of the matching stories, or `null` when there is no search (nothing is dimmed). */
export function searchMatches(stories: readonly StoryView[], query: string, names: StatusNames): ReadonlySet<string> | null {
  if (normaliseQuery(query) === "") return null;
  return new Set(stories.filter((story) => storyMatches(story, query, names)).map((story) => story.id));
}
