//! The slim, large session bar along the bottom of the wall: the session clock and agenda item,
//! the story in focus with its reader and timebox, and "Next story".
import type { SessionView } from "../../bindings/SessionView";
import { nextStoryId } from "../../model/room";
import { ChevronRightIcon } from "../Icons";
import type { SendSessionEdit } from "./liveSession";
import { ReadBy, readerName } from "./Readers";
import { SessionClock } from "./SessionClock";
import { TimeboxBar } from "./TimeboxBar";
import { useNow } from "./useNow";

export function SessionBar({ session, readAt, send }: { session: SessionView; readAt: number; send: SendSessionEdit }) {
  const now = useNow();
  const focused = session.stories.find((story) => story.storyId === session.focus) ?? null;
  const next = nextStoryId(session.stories, session.focus);
  const done = session.stories.filter((story) => story.state === "refined" || story.state === "parked").length;
  return (
    <footer className="session-bar" data-testid="session-bar">
      <SessionClock session={session} now={now} large />
      <div className="session-bar-story">
        {focused ? (
          <>
            <span className="session-bar-title">{focused.title}</span>
            <ReadBy name={readerName(session, focused)} className="is-large" />
            <TimeboxBar story={focused} readAt={readAt} now={now} large />
          </>
        ) : (
          <span className="session-bar-title is-muted">No story in focus</span>
        )}
      </div>
      <span className="session-bar-count">
        {done} of {session.stories.length} done
      </span>
      <button
        type="button"
        className="session-bar-next"
        data-testid="next-story"
        disabled={next === null}
        onClick={() => void send({ kind: "focusSessionStory", sessionId: session.id, storyId: next })}
      >
        Next story <ChevronRightIcon size={20} />
      </button>
    </footer>
  );
}
