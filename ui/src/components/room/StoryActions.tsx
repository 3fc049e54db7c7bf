//! What the facilitator does with the story in focus: its timebox, "Next story", "Mark refined",
//! "Park this story" (with a reason) and "Needs input from …" (the story's own field).
import { useState } from "react";
import type { SessionStoryView } from "../../bindings/SessionStoryView";
import type { SessionView } from "../../bindings/SessionView";
import { nextStoryId } from "../../model/room";
import { CheckIcon, ChevronRightIcon } from "../Icons";
import { PauseIcon } from "../refine/RefineIcons";
import type { SendSessionEdit } from "./liveSession";
import { TimeboxBar } from "./TimeboxBar";

export interface StoryActionsProps {
  session: SessionView;
  story: SessionStoryView;
  readAt: number;
  now: number;
  send: SendSessionEdit;
  onOpenStory: (storyId: string) => void;
}

export function StoryActions({ session, story, readAt, now, send, onOpenStory }: StoryActionsProps) {
  const [parking, setParking] = useState(false);
  const [reason, setReason] = useState("");
  const [needs, setNeeds] = useState(story.needsInputFrom ?? "");
  const sessionId = session.id;
  const next = nextStoryId(session.stories, story.storyId);
  const settled = story.state === "refined" || story.state === "parked";

  const park = () => {
    const text = reason.trim();
    if (text === "") return;
    void send({ kind: "parkSessionStory", sessionId, storyId: story.storyId, reason: text });
    setParking(false);
    setReason("");
  };
  const saveNeeds = () => {
    const text = needs.trim();
    if (text !== (story.needsInputFrom ?? "")) void send({ kind: "setStoryText", storyId: story.storyId, field: "needsInputFrom", text });
  };

  return (
    <div className="story-actions">
      <div className="focus-head">
        <button type="button" className="focus-title" title="Open the story's details" onClick={() => { onOpenStory(story.storyId); }}>
          {story.title}
        </button>
        <TimeboxBar story={story} readAt={readAt} now={now} />
      </div>
      <div className="story-action-row">
        <button type="button" className="primary-button is-compact" data-testid="mark-refined" disabled={story.state === "refined"} onClick={() => void send({ kind: "markSessionStoryRefined", sessionId, storyId: story.storyId })}>
          <CheckIcon size={16} /> Mark refined
        </button>
        <button type="button" className="secondary-button" data-testid="park-story" aria-expanded={parking} disabled={story.state === "parked"} onClick={() => { setParking((open) => !open); }}>
          <PauseIcon size={15} /> Park this story
        </button>
        <button
          type="button"
          className={settled ? "primary-button is-compact" : "secondary-button"}
          data-testid="next-story"
          disabled={next === null}
          title={next === null ? "No story left to discuss" : "Discuss the next story still to do"}
          onClick={() => void send({ kind: "focusSessionStory", sessionId, storyId: next })}
        >
          Next story <ChevronRightIcon size={15} />
        </button>
      </div>
      {parking && (
        <form
          className="park-form"
          onSubmit={(event) => {
            event.preventDefault();
            park();
          }}
        >
          <label className="field">
            <span className="field-label">Why park it? (shown in the summary as an open blocker)</span>
            <input className="field-input" data-testid="park-reason" autoFocus placeholder="e.g. waiting for the payment provider's API limits" value={reason} onChange={(event) => { setReason(event.target.value); }} />
          </label>
          <button type="submit" className="primary-button is-compact" data-testid="park-submit" disabled={reason.trim() === ""}>
            Park it
          </button>
        </form>
      )}
      <form
        className="needs-form"
        onSubmit={(event) => {
          event.preventDefault();
          saveNeeds();
        }}
      >
        <label className="field is-row">
          <span className="field-label">Needs input from</span>
          <input className="field-input" data-testid="needs-input" placeholder="UX, legal, ops…" value={needs} onChange={(event) => { setNeeds(event.target.value); }} onBlur={saveNeeds} />
        </label>
      </form>
    </div>
  );
}
