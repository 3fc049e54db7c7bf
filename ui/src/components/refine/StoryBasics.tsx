//! The story's words: narrative, why it matters, description, notes, labels and status.
import { useId, useState } from "react";
import type { StoryStatus } from "../../bindings/StoryStatus";
import type { StoryTextField } from "../../bindings/StoryTextField";
import type { PersonaView } from "../../bindings/PersonaView";
import type { StoryView } from "../../bindings/StoryView";
import { STATUSES, statusLabel } from "../../model/labels";
import { CloseIcon } from "../Icons";
import { LabelColorControl, labelStyle, useLabelColors } from "../labelColors";
import { useStatusNames } from "../statusNames";
import type { SendEdit } from "./send";
import { TextField } from "./TextField";

export function PanelSection({ title, children, aside }: { title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section className="panel-section" aria-label={title}>
      <header className="panel-section-head">
        <h3>{title}</h3>
        {aside}
      </header>
      {children}
    </section>
  );
}

export function textSender(story: StoryView, send: SendEdit) {
  return (field: StoryTextField) => (text: string) => {
    void send({ kind: "setStoryText", storyId: story.id, field, text });
  };
}

export function NarrativeSection({ story, send, personas }: { story: StoryView; send: SendEdit; personas: readonly PersonaView[] }) {
  const text = textSender(story, send);
  const personaList = useId();
  return (
    <PanelSection title="Narrative">
      <div className="narrative">
        {/* "As a" offers the map's personas; any other words are still welcome. */}
        <datalist id={personaList}>
          {personas.map((persona) => (
            <option key={persona.id} value={persona.name} />
          ))}
        </datalist>
        <TextField
          label="As a"
          value={story.asA}
          placeholder={personas.length > 0 ? "who benefits (pick a persona or type)" : "who benefits"}
          onCommit={text("asA")}
          className="is-inline"
          list={personas.length > 0 ? personaList : undefined}
          testId="narrative-as-a"
        />
        <TextField label="I want" value={story.iWant} placeholder="what they can do" onCommit={text("iWant")} className="is-inline" />
        <TextField label="so that" value={story.soThat} placeholder="the value it brings" onCommit={text("soThat")} className="is-inline" />
      </div>
      <TextField
        label="Why it matters"
        value={story.why}
        multiline
        rows={2}
        placeholder="The value or context: the goal it serves, who asked for it"
        onCommit={text("why")}
      />
      <TextField
        label="Description"
        value={story.description}
        multiline
        rows={4}
        placeholder="Details the team needs (Ctrl+Enter saves)"
        onCommit={text("description")}
      />
    </PanelSection>
  );
}

export function StatusSelect({ story, send, testId }: { story: StoryView; send: SendEdit; testId?: string }) {
  const names = useStatusNames();
  return (
    <select
      className="field-select"
      aria-label={`Status of '${story.title}'`}
      data-testid={testId}
      value={story.status}
      onChange={(event) => {
        void send({ kind: "setStatus", storyId: story.id, status: event.target.value as StoryStatus });
      }}
    >
      {STATUSES.map((status) => (
        <option key={status} value={status}>
          {statusLabel(status, names)}
        </option>
      ))}
    </select>
  );
}

export function LabelsEditor({ story, send, known }: { story: StoryView; send: SendEdit; known: readonly string[] }) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  const colors = useLabelColors();
  const add = () => {
    const label = draft.trim();
    setDraft("");
    if (label !== "" && !story.labels.includes(label)) void send({ kind: "setLabel", storyId: story.id, label, on: true });
  };
  return (
    <div className="labels-editor">
      <ul className="chips" aria-label="Labels">
        {story.labels.map((label) => (
          <li key={label} className="chip" data-testid="label-chip" style={labelStyle(colors, label)}>
            {label}
            <LabelColorControl label={label} colors={colors} send={send} />
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove label ${label}`}
              onClick={() => {
                void send({ kind: "setLabel", storyId: story.id, label, on: false });
              }}
            >
              <CloseIcon size={12} />
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        className="field-input chip-input"
        aria-label="Add a label"
        placeholder={story.labels.length === 0 ? "Add a label, then Enter" : "Add another"}
        list={listId}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
        onBlur={add}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === ",") {
            event.preventDefault();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {known
          .filter((label) => !story.labels.includes(label))
          .map((label) => (
            <option key={label} value={label} />
          ))}
      </datalist>
    </div>
  );
}

export function NotesSection({ story, send, known }: { story: StoryView; send: SendEdit; known: readonly string[] }) {
  const text = textSender(story, send);
  return (
    <PanelSection title="Labels and notes">
      <LabelsEditor story={story} send={send} known={known} />
      <TextField
        label="Notes"
        value={story.notes}
        multiline
        rows={3}
        placeholder="Decisions, open questions, links (Ctrl+Enter saves)"
        onCommit={text("notes")}
      />
    </PanelSection>
  );
}
