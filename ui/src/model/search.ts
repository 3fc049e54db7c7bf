//! The search box and the flag filter: which cards match a query (by title or by the
//! status's name on this map) and carry the flag asked for.
import type { StoryFlag } from "../bindings/StoryFlag";
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

/** Ids of the stories matching the query and carrying `flag`, or `null` when neither is
 * asked for (nothing is dimmed). */
export function searchMatches(
  stories: readonly StoryView[],
  query: string,
  names: StatusNames,
  flag: StoryFlag | null = null,
): ReadonlySet<string> | null {
  if (normaliseQuery(query) === "" && flag === null) return null;
  return new Set(
    stories
      .filter((story) => (flag === null || story.flags.includes(flag)) && storyMatches(story, query, names))
      .map((story) => story.id),
  );
}
