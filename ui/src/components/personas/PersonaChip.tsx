//! A persona as the map, the panel and the wall draw it: a round badge with its initials in
//! its colour (the text colour Rust chose to read on it), and its name.
import type { PersonaView } from "../../bindings/PersonaView";

export function PersonaAvatar({ persona, size = "md" }: { persona: PersonaView; size?: "sm" | "md" | "lg" }) {
  return (
    <span className={`persona-avatar is-${size}`} style={{ background: persona.color, color: persona.textColor }} aria-hidden="true">
      {persona.initials}
    </span>
  );
}

export function PersonaChip({ persona, goal = false, testId }: { persona: PersonaView; goal?: boolean; testId?: string }) {
  return (
    <span className="persona-chip" data-testid={testId} data-persona-id={persona.id} title={persona.goal || undefined}>
      <PersonaAvatar persona={persona} size="sm" />
      <span className="persona-chip-name">{persona.name}</span>
      {goal && persona.goal !== "" && <span className="persona-chip-goal">{persona.goal}</span>}
    </span>
  );
}

/** The persona with this id, if the map still has it. */
export function personaById(personas: readonly PersonaView[], id: string | null | undefined): PersonaView | null {
  if (id === null || id === undefined) return null;
  return personas.find((persona) => persona.id === id) ?? null;
}
