//! The session's stories in order: where each stands (pending, discussing, refined, parked),
//! its estimate, time and reader; clicking one brings it into focus. Stories can be added or
//! removed.
import type { MapView } from "../../bindings/MapView";
import type { SessionStoryState } from "../../bindings/SessionStoryState";
import type { SessionStoryView } from "../../bindings/SessionStoryView";
import type { SessionView } from "../../bindings/SessionView";
import { formatClock, isOverrun, liveSpentSeconds } from "../../model/room";
import { CloseIcon } from "../Icons";
import type { SendSessionEdit } from "./liveSession";
import { ReaderPicker } from "./Readers";

const STATE_NAMES: Record<SessionStoryState, string> = {
  pending: "To do",
  discussing: "Discussing",
  refined: "Refined",
  parked: "Parked",
};

export function SessionStoryList({ session, view, readAt, now, send }: { session: SessionView; view: MapView; readAt: number; now: number; send: SendSessionEdit }) {
  const sessionId = session.id;
  const inSession = new Set(session.stories.map((story) => story.storyId));
  const addable = view.stories.filter((story) => !inSession.has(story.id));
  return (
    <section className="room-section" aria-label="Stories in this session">
      <h3 className="room-section-title">
        Stories <span className="room-count">{countDone(session.stories)} of {session.stories.length} done</span>
      </h3>
      <ol className="session-stories">
        {session.stories.map((story) => (
          <Row
            key={story.storyId}
            story={story}
            focused={story.storyId === session.focus}
            spent={liveSpentSeconds(story, readAt, now)}
            reader={<ReaderPicker session={session} story={story} send={send} />}
            onFocus={() => void send({ kind: "focusSessionStory", sessionId, storyId: story.storyId })}
            onRemove={() => void send({ kind: "removeSessionStory", sessionId, storyId: story.storyId })}
          />
        ))}
      </ol>
      {addable.length > 0 && (
        <select
          className="field-select is-compact session-add-story"
          data-testid="session-add-story"
          aria-label="Add a story to the session"
          value=""
          onChange={(event) => {
            if (event.target.value !== "") void send({ kind: "addSessionStory", sessionId, storyId: event.target.value });
          }}
        >
          <option value="">Add a story…</option>
          {addable.map((story) => (
            <option key={story.id} value={story.id}>
              {story.title}
            </option>
          ))}
        </select>
      )}
    </section>
  );
}

function countDone(stories: readonly SessionStoryView[]): number {
  return stories.filter((story) => story.state === "refined" || story.state === "parked").length;
}

function Row({
  story,
  focused,
  spent,
  reader,
  onFocus,
  onRemove,
}: {
  story: SessionStoryView;
  focused: boolean;
  spent: number;
  /** Who reads it, and the picker to change that. */
  reader: React.ReactNode;
  onFocus: () => void;
  onRemove: () => void;
}) {
  const gone = story.status === null;
  return (
    <li
      className={`session-story is-${story.state}${focused ? " is-focused" : ""}`}
      data-testid="session-story"
      data-story-id={story.storyId}
      data-state={story.state}
      aria-current={focused ? "true" : undefined}
    >
      <button type="button" className="session-story-main" disabled={gone} title={gone ? "This story left the map (split or deleted)" : "Discuss this story now"} onClick={onFocus}>
        <span className="session-story-title">{gone ? "(left the map)" : story.title}</span>
        <span className="session-story-meta">
          <span className={`state-badge is-${story.state}`}>{STATE_NAMES[story.state]}</span>
          {story.estimate !== null && <span className="estimate-chip">{story.estimate}</span>}
          {story.ready && <span className="ready-chip">Ready</span>}
          {story.needsInputFrom !== null && <span className="input-chip">Needs {story.needsInputFrom}</span>}
          {spent > 0 && <span className={isOverrun(story, spent) ? "spent is-overrun" : "spent"}>{formatClock(spent)}</span>}
        </span>
        {story.parkedReason !== null && <span className="session-story-reason">Parked: {story.parkedReason}</span>}
      </button>
      {reader}
      <button type="button" className="mini-button" aria-label={`Take ${story.title} out of the session`} title="Take out of the session" onClick={onRemove}>
        <CloseIcon size={14} />
      </button>
    </li>
  );
}
