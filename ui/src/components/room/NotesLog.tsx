//! The running log for the story in focus: decisions, notes and next steps as the room makes
//! them. They feed the summary and the stakeholder update.
import { useState } from "react";
import type { SessionNoteKind } from "../../bindings/SessionNoteKind";
import type { SessionView } from "../../bindings/SessionView";
import type { SendSessionEdit } from "./liveSession";

const KINDS: Array<{ kind: SessionNoteKind; label: string; testId: string; placeholder: string }> = [
  { kind: "decision", label: "Decision", testId: "add-decision", placeholder: "We decided… (e.g. guest checkout comes later)" },
  { kind: "note", label: "Note", testId: "add-note", placeholder: "Worth remembering…" },
  { kind: "nextStep", label: "Next step", testId: "add-next-step", placeholder: "Who does what next… (e.g. Ana asks UX for the empty state)" },
];

export function NotesLog({ session, storyId, send }: { session: SessionView; storyId: string | null; send: SendSessionEdit }) {
  const [kind, setKind] = useState<SessionNoteKind | null>(null);
  const [text, setText] = useState("");
  const notes = session.notes.filter((note) => note.storyId === storyId);
  const chosen = KINDS.find((item) => item.kind === kind);

  const submit = () => {
    const body = text.trim();
    if (kind === null || body === "") return;
    void send({ kind: "addSessionNote", sessionId: session.id, storyId, noteKind: kind, text: body });
    setText("");
    setKind(null);
  };

  return (
    <section className="room-section" aria-label="Decisions and notes">
      <h3 className="room-section-title">Decisions &amp; notes</h3>
      {notes.length > 0 && (
        <ul className="notes-log" data-testid="notes-log">
          {notes.map((note) => (
            <li key={note.id} className={`session-note is-${note.kind}`} data-testid="session-note" data-kind={note.kind}>
              <span className="note-kind">{KINDS.find((item) => item.kind === note.kind)?.label}</span>
              <span className="note-text">{note.text}</span>
              <span className="note-author">{note.author}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="note-kinds" role="group" aria-label="Add to the log">
        {KINDS.map((item) => (
          <button
            key={item.kind}
            type="button"
            className="secondary-button is-small"
            data-testid={item.testId}
            aria-pressed={kind === item.kind}
            onClick={() => {
              setKind(kind === item.kind ? null : item.kind);
            }}
          >
            + {item.label}
          </button>
        ))}
      </div>
      {chosen && (
        <form
          className="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <textarea
            className="field-textarea"
            data-testid="note-text"
            aria-label={chosen.label}
            rows={2}
            autoFocus
            placeholder={chosen.placeholder}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                submit();
              }
            }}
          />
          <button type="submit" className="primary-button is-compact" data-testid="note-submit" disabled={text.trim() === ""}>
            Add {chosen.label.toLowerCase()}
          </button>
        </form>
      )}
    </section>
  );
}
