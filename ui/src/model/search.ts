//! The search box and the flag and persona filters: which cards match a query (by title or
//! by the status's name on this map), carry the flag asked for and serve the persona asked for.
import type { StoryFlag } from "../bindings/StoryFlag";
import type { StoryView } from "../bindings/StoryView";
import { type PersonaFilter, servesFilter } from "./personaFilter";
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

/** Ids of the stories matching the query, carrying `flag` and serving `persona`, or `null`
 * when none is asked for (nothing is dimmed). */
export function searchMatches(
  stories: readonly StoryView[],
  query: string,
  names: StatusNames,
  flag: StoryFlag | null = null,
  persona: PersonaFilter = null,
): ReadonlySet<string> | null {
  if (normaliseQuery(query) === "" && flag === null && persona === null) return null;
  return new Set(
    stories
      .filter(
        (story) =>
          (flag === null || story.flags.includes(flag)) && servesFilter(story, persona) && storyMatches(story, query, names),
      )
      .map((story) => story.id),
  );
}
