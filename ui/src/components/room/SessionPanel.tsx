//! The session runner: a right-hand panel. Without an open session it offers "Start a session"
//! and the past ones; with one, the clock, the agenda, the stories, and for the story in focus
//! its actions, planning poker and the decisions log; "End session" leads to the summary.
import { useEffect, useRef } from "react";
import type { MapView } from "../../bindings/MapView";
import type { SessionListItem } from "../../bindings/SessionListItem";
import { CloseIcon } from "../Icons";
import { AgendaList } from "./AgendaList";
import type { LiveSession, SendSessionEdit } from "./liveSession";
import { NotesLog } from "./NotesLog";
import { PastSessions } from "./PastSessions";
import { Poker } from "./Poker";
import { ReaderRotation } from "./Readers";
import { TimerIcon } from "./RoomIcons";
import { SessionClock } from "./SessionClock";
import { SessionStoryList } from "./SessionStoryList";
import { StoryActions } from "./StoryActions";
import { useNow } from "./useNow";

export interface SessionPanelProps {
  live: LiveSession | null;
  view: MapView;
  past: readonly SessionListItem[];
  send: SendSessionEdit;
  onStart: () => void;
  onEnd: () => void;
  onSummary: (sessionId: string) => void;
  onOpenStory: (storyId: string) => void;
  onClose: () => void;
}

export function SessionPanel({ live, view, past, send, onStart, onEnd, onSummary, onOpenStory, onClose }: SessionPanelProps) {
  const panel = useRef<HTMLElement | null>(null);
  const now = useNow();
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("[data-panel-focus]")?.focus();
  }, []);
  const session = live?.session ?? null;
  const focused = session?.stories.find((story) => story.storyId === session.focus) ?? null;

  return (
    <aside
      ref={panel}
      className="side-drawer session-panel"
      data-testid="session-panel"
      role="dialog"
      aria-modal="false"
      aria-label="Refinement session"
      onKeyDown={(event) => {
        // The map's single-key shortcuts must not act behind the panel.
        event.stopPropagation();
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="drawer-head">
        <div className="drawer-head-row">
          <TimerIcon size={20} className="drawer-head-icon" />
          <h2 className="drawer-title">{session ? "Refinement session" : "Refinement sessions"}</h2>
          {session && (
            <button type="button" className="danger-button is-small" data-testid="end-session" onClick={onEnd}>
              End session
            </button>
          )}
          <button type="button" className="icon-button" data-testid="session-close" data-panel-focus aria-label="Close the session panel (Esc)" title="Close (Esc)" onClick={onClose}>
            <CloseIcon size={18} />
          </button>
        </div>
        {session && <SessionClock session={session} now={now} />}
      </header>
      <div className="drawer-body">
        {live && session ? (
          <>
            {focused ? (
              <>
                <StoryActions key={focused.storyId} session={session} story={focused} readAt={live.readAt} now={now} send={send} onOpenStory={onOpenStory} />
                <Poker key={`poker:${focused.storyId}`} session={session} storyId={focused.storyId} send={send} />
                <NotesLog key={`notes:${focused.storyId}`} session={session} storyId={focused.storyId} send={send} />
              </>
            ) : (
              <p className="drawer-state">Pick a story below to discuss it.</p>
            )}
            <ReaderRotation session={session} send={send} />
            <SessionStoryList session={session} view={view} readAt={live.readAt} now={now} send={send} />
            <AgendaList session={session} now={now} send={send} />
          </>
        ) : (
          <>
            <div className="session-start-card">
              <p className="session-start-lead">Refine the top of the backlog together: a timebox per story, planning poker, decisions captured, and a summary for stakeholders at the end.</p>
              <button type="button" className="primary-button" data-testid="start-session" onClick={onStart}>
                Start a session…
              </button>
            </div>
            <PastSessions sessions={past} onSummary={onSummary} />
          </>
        )}
      </div>
    </aside>
  );
}
