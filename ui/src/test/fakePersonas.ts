//! Personas in the fake backend (Vitest only): the edits as the Rust core does them
//! (`personas.rs`, `edit/personas.rs`), simply done. The real answers come from Rust.
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { PersonaView } from "../bindings/PersonaView";
import type { StoryView } from "../bindings/StoryView";
import { PERSONA_PALETTE } from "../bindings/rules";
import type { FakeTools } from "./fakeRefineEdits";

type PersonaEdit = Extract<MapEdit, { kind: "addPersona" | "updatePersona" | "deletePersona" | "setActivityPersona" | "setStoryPersona" }>;

const PERSONA_EDITS: ReadonlySet<string> = new Set(["addPersona", "updatePersona", "deletePersona", "setActivityPersona", "setStoryPersona"]);

export function isPersonaEdit(edit: MapEdit): edit is PersonaEdit {
  return PERSONA_EDITS.has(edit.kind);
}

/** A persona as Rust sends it; the fake's text is always white. */
export function persona(id: string, name: string, goal: string, color: string): PersonaView {
  const initials = name
    .split(/\s+/)
    .filter((word) => /^[\p{L}\p{N}]/u.test(word))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return { id, name, goal, color, initials, textColor: "#ffffff" };
}

/** Who a story serves: its own persona, or else its activity's (Rust's `PersonaIndex`). */
export function servesPersonaId(story: StoryView, view: MapView): string | null {
  const live = (id: string | null | undefined) => (id && view.personas.some((p) => p.id === id) ? id : null);
  return live(story.personaId) ?? live(view.activities.find((a) => a.id === story.activityId)?.personaId);
}

export function applyPersonaEdit(view: MapView, edit: PersonaEdit, tools: FakeTools): { label: string; createdId: string | null } {
  const checkName = (name: string) => {
    if (name.trim() === "") throw tools.error("invalidInput", "the persona needs a name");
    return name.trim();
  };
  switch (edit.kind) {
    case "addPersona": {
      const name = checkName(edit.name);
      const id = tools.id("persona");
      const color = edit.color ?? PERSONA_PALETTE[view.personas.length % PERSONA_PALETTE.length] ?? "#2563eb";
      view.personas.push(persona(id, name, edit.goal.trim(), color));
      return { label: `Add persona '${name}'`, createdId: id };
    }
    case "updatePersona": {
      const name = checkName(edit.name);
      const index = view.personas.findIndex((p) => p.id === edit.personaId);
      if (index < 0) throw tools.error("notFound", `no persona with id ${edit.personaId}`);
      view.personas[index] = persona(edit.personaId, name, edit.goal.trim(), edit.color);
      return { label: `Change persona '${name}'`, createdId: null };
    }
    case "deletePersona": {
      const gone = tools.find(view.personas, edit.personaId);
      view.personas = view.personas.filter((p) => p.id !== edit.personaId);
      return { label: `Delete persona '${gone.name}'`, createdId: null };
    }
    case "setActivityPersona": {
      const activity = tools.find(view.activities, edit.activityId);
      activity.personaId = edit.personaId ?? undefined;
      return { label: `'${activity.title}' serves someone`, createdId: null };
    }
    case "setStoryPersona": {
      const story = tools.find(view.stories, edit.storyId);
      story.personaId = edit.personaId ?? undefined;
      return { label: `'${story.title}' serves someone`, createdId: null };
    }
  }
}
