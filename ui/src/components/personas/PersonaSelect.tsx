//! The story's persona in its details: the map's personas, or its activity's (named, so the
//! POPM sees who it serves without picking), with the way to the personas beside it.
import type { PersonaView } from "../../bindings/PersonaView";
import type { StoryView } from "../../bindings/StoryView";
import type { SendEdit } from "../refine/send";
import { PersonaAvatar, personaById } from "./PersonaChip";

export function PersonaSelect({
  story,
  personas,
  activityPersona,
  send,
  onManage,
}: {
  story: StoryView;
  personas: readonly PersonaView[];
  /** The persona of the story's activity, which it serves unless it names its own. */
  activityPersona: PersonaView | null;
  send: SendEdit;
  onManage: () => void;
}) {
  const serves = personaById(personas, story.refinement.servesPersonaId);
  const inherit = activityPersona ? `As its activity: ${activityPersona.name}` : "None";
  return (
    <div className="field is-row persona-pick">
      <label className="field-label" htmlFor={`persona-${story.id}`}>
        For
      </label>
      {serves && <PersonaAvatar persona={serves} size="sm" />}
      <select
        id={`persona-${story.id}`}
        className="field-select"
        data-testid="panel-persona"
        value={story.personaId ?? ""}
        onChange={(event) => {
          const personaId = event.target.value === "" ? null : event.target.value;
          void send({ kind: "setStoryPersona", storyId: story.id, personaId });
        }}
      >
        <option value="">{personas.length === 0 ? "No personas yet" : inherit}</option>
        {personas.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.name}
          </option>
        ))}
      </select>
      <button type="button" className="text-button" data-testid="panel-personas-manage" onClick={onManage}>
        {personas.length === 0 ? "Add personas…" : "Edit…"}
      </button>
    </div>
  );
}
