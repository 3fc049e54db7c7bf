//! The rotating reader in the room: who reads each story aloud (Rust deals the stories to
//! the participants in turn), a picker to change one story's reader, and the rotation where
//! someone can be skipped (the stories not read yet are dealt again).
import type { SessionStoryView } from "../../bindings/SessionStoryView";
import type { SessionView } from "../../bindings/SessionView";
import type { SendSessionEdit } from "./liveSession";

/** The name of who reads a story of the session; `null` when nobody does. */
export function readerName(session: Pick<SessionView, "participants">, story: Pick<SessionStoryView, "reader"> | null | undefined): string | null {
  if (!story?.reader) return null;
  return session.participants.find((participant) => participant.id === story.reader)?.name ?? null;
}

/** "Read by Ana", for the session bar and the wall. */
export function ReadBy({ name, className }: { name: string | null; className?: string }) {
  if (name === null) return null;
  return (
    <span className={className ? `read-by ${className}` : "read-by"} data-testid="read-by">
      Read by <strong>{name}</strong>
    </span>
  );
}

/** A story's reader, changed by hand. */
export function ReaderPicker({ session, story, send }: { session: SessionView; story: SessionStoryView; send: SendSessionEdit }) {
  if (session.participants.length === 0) return null;
  return (
    <select
      className="field-select is-compact reader-picker"
      data-testid="reader-picker"
      aria-label={`Who reads ${story.title}`}
      title="Who reads this story aloud"
      value={story.reader ?? ""}
      onChange={(event) => {
        const participantId = event.target.value === "" ? null : event.target.value;
        void send({ kind: "setReader", sessionId: session.id, storyId: story.storyId, participantId });
      }}
    >
      <option value="">No reader</option>
      {session.participants.map((participant) => (
        <option key={participant.id} value={participant.id}>
          {participant.name}
        </option>
      ))}
    </select>
  );
}

/** Who takes turns reading; pressing a name skips them (or takes them back). */
export function ReaderRotation({ session, send }: { session: SessionView; send: SendSessionEdit }) {
  if (session.participants.length === 0) return null;
  return (
    <section className="room-section reader-rotation" aria-label="Readers">
      <h3 className="room-section-title">
        Readers take turns <span className="room-count">press a name to skip them</span>
      </h3>
      <div className="reader-chips" role="group" aria-label="Who reads">
        {session.participants.map((participant) => (
          <button
            key={participant.id}
            type="button"
            className="reader-chip"
            data-testid="reader-chip"
            data-participant-id={participant.id}
            aria-pressed={!participant.skipsReading}
            title={participant.skipsReading ? `${participant.name} is skipped: press to take them back` : `Skip ${participant.name} as a reader`}
            onClick={() => void send({ kind: "skipReader", sessionId: session.id, participantId: participant.id, skip: !participant.skipsReading })}
          >
            {participant.name}
          </button>
        ))}
      </div>
    </section>
  );
}
