//! The map's personas: each with its name, a short goal and a colour from the palette Rust
//! keeps, and a new one added last (it takes the palette's next colour). Every control sends
//! its edit at once; Rust checks each and a refused one comes back as a toast saying why.
import { useState } from "react";
import type { PersonaView } from "../../bindings/PersonaView";
import { PERSONA_GOAL_MAX_CHARS, PERSONA_NAME_MAX_CHARS, PERSONA_PALETTE, PERSONAS_MAX } from "../../bindings/rules";
import { Dialog } from "../Dialog";
import { PlusIcon, TrashIcon } from "../Icons";
import type { SendEdit } from "../refine/send";
import { TextField } from "../refine/TextField";
import { PersonaAvatar } from "./PersonaChip";

function ColourChoice({ persona, send }: { persona: PersonaView; send: SendEdit }) {
  return (
    <span className="persona-colours" role="radiogroup" aria-label={`Colour of ${persona.name}`}>
      {PERSONA_PALETTE.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={persona.color === color}
          aria-label={color}
          className={persona.color === color ? "persona-colour is-chosen" : "persona-colour"}
          style={{ background: color }}
          onClick={() => {
            if (persona.color !== color) void send({ kind: "updatePersona", personaId: persona.id, name: persona.name, goal: persona.goal, color });
          }}
        />
      ))}
    </span>
  );
}

function PersonaRow({ persona, send }: { persona: PersonaView; send: SendEdit }) {
  const update = (part: Partial<Pick<PersonaView, "name" | "goal">>) => {
    const next = { ...persona, ...part };
    void send({ kind: "updatePersona", personaId: persona.id, name: next.name, goal: next.goal, color: persona.color });
  };
  return (
    <li className="persona-row" data-testid="persona-row" data-persona-id={persona.id}>
      <PersonaAvatar persona={persona} size="lg" />
      <span className="persona-row-fields">
        <TextField
          label={`Name of ${persona.name}`}
          showLabel={false}
          value={persona.name}
          required
          maxLength={PERSONA_NAME_MAX_CHARS}
          testId="persona-name"
          onCommit={(name) => {
            update({ name });
          }}
        />
        <TextField
          label={`Goal of ${persona.name}`}
          showLabel={false}
          value={persona.goal}
          placeholder="Their goal, in a line"
          maxLength={PERSONA_GOAL_MAX_CHARS}
          testId="persona-goal"
          onCommit={(goal) => {
            update({ goal });
          }}
        />
        <ColourChoice persona={persona} send={send} />
      </span>
      <button
        type="button"
        className="icon-button is-small is-danger"
        aria-label={`Delete persona ${persona.name}`}
        data-testid="persona-delete"
        onClick={() => {
          void send({ kind: "deletePersona", personaId: persona.id });
        }}
      >
        <TrashIcon size={14} />
      </button>
    </li>
  );
}

export function PersonasDialog({ personas, send, onClose }: { personas: readonly PersonaView[]; send: SendEdit; onClose: () => void }) {
  const [name, setName] = useState("");
  const [goal, setGoal] = useState("");
  const full = personas.length >= PERSONAS_MAX;
  const add = () => {
    if (name.trim() === "" || full) return;
    setName("");
    setGoal("");
    void send({ kind: "addPersona", name: name.trim(), goal: goal.trim(), color: null });
  };
  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  };
  return (
    <Dialog
      title="Personas"
      testId="personas-dialog"
      wide
      onClose={onClose}
      footer={
        <button type="button" className="secondary-button" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="dialog-note">
        Who the map's work is for. Name who does each activity in the lane above the backbone; a story serves its
        activity's persona unless its details name another. Filter the map by persona from the top bar. Changes sync with
        the map.
      </p>
      {personas.length === 0 ? (
        <p className="personas-empty">No personas yet. Add the first one below.</p>
      ) : (
        <ul className="persona-list" aria-label="Personas">
          {personas.map((persona) => (
            <PersonaRow key={persona.id} persona={persona} send={send} />
          ))}
        </ul>
      )}
      <div className="persona-add">
        <input
          type="text"
          className="field-input"
          data-testid="persona-new-name"
          data-autofocus
          aria-label="New persona's name"
          placeholder="Name, e.g. Budget traveller"
          maxLength={PERSONA_NAME_MAX_CHARS}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          onKeyDown={onEnter}
        />
        <input
          type="text"
          className="field-input"
          data-testid="persona-new-goal"
          aria-label="New persona's goal"
          placeholder="Goal, e.g. books a trip in two minutes"
          maxLength={PERSONA_GOAL_MAX_CHARS}
          value={goal}
          onChange={(event) => {
            setGoal(event.target.value);
          }}
          onKeyDown={onEnter}
        />
        <button type="button" className="secondary-button" data-testid="persona-add" onClick={add} disabled={name.trim() === "" || full}>
          <PlusIcon size={14} /> Add
        </button>
      </div>
      {full && <p className="field-help">A map holds at most {PERSONAS_MAX} personas; delete one to add another.</p>}
    </Dialog>
  );
}
