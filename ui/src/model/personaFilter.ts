//! The map's persona filter: which cards serve the persona asked for (a story serves its
//! own persona or else its activity's; Rust works that out into `refinement.servesPersonaId`).
import type { StoryView } from "../bindings/StoryView";

/** A persona's id, or `null` for the cards that serve no one yet. */
export type PersonaFilter = { personaId: string | null } | null;

export function servesFilter(story: StoryView, filter: PersonaFilter): boolean {
  return filter === null || story.refinement.servesPersonaId === filter.personaId;
}

/** How many cards serve each persona (by id), and how many serve no one (`none`). */
export function personaCounts(stories: readonly StoryView[]): { byId: ReadonlyMap<string, number>; none: number } {
  const byId = new Map<string, number>();
  let none = 0;
  for (const story of stories) {
    const id = story.refinement.servesPersonaId;
    if (id === null) none += 1;
    else byId.set(id, (byId.get(id) ?? 0) + 1);
  }
  return { byId, none };
}
