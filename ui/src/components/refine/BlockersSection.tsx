//! Blocked or parked with a reason, and whose input the story waits for (UX, architecture,
//! legal or anyone typed in). Each is set by writing its reason; clearing the reason lifts it.
import { useState } from "react";
import type { StoryTextField } from "../../bindings/StoryTextField";
import type { StoryView } from "../../bindings/StoryView";
import { INPUT_SOURCES } from "../../model/refinement";
import { PanelSection, textSender } from "./StoryBasics";
import type { SendEdit } from "./send";
import { TextField } from "./TextField";

function ReasonToggle({
  story,
  send,
  field,
  label,
  prompt,
}: {
  story: StoryView;
  send: SendEdit;
  field: Extract<StoryTextField, "blockedReason" | "parkedReason">;
  label: string;
  prompt: string;
}) {
  const reason = story[field];
  // Ticked but not saved yet: a reason has to be written first.
  const [drafting, setDrafting] = useState(false);
  const on = reason !== null || drafting;
  const text = textSender(story, send);
  return (
    <div className={on ? "reason-toggle is-on" : "reason-toggle"} data-testid={`${field === "blockedReason" ? "blocked" : "parked"}-toggle`}>
      <label className="check-row">
        <input
          type="checkbox"
          checked={on}
          onChange={(event) => {
            if (event.target.checked) {
              setDrafting(true);
            } else {
              setDrafting(false);
              if (reason !== null) text(field)("");
            }
          }}
        />
        <span>{label}</span>
      </label>
      {on && (
        <TextField
          label={prompt}
          showLabel={false}
          value={reason ?? ""}
          placeholder={prompt}
          autoFocus={reason === null}
          onCommit={(value) => {
            setDrafting(false);
            text(field)(value.trim());
          }}
        />
      )}
    </div>
  );
}

export function BlockersSection({ story, send }: { story: StoryView; send: SendEdit }) {
  const needs = story.needsInputFrom;
  const known = (INPUT_SOURCES as readonly string[]).includes(needs ?? "");
  const [other, setOther] = useState(false);
  const showOther = other || (needs !== null && !known);
  const setNeeds = (text: string) => {
    void send({ kind: "setStoryText", storyId: story.id, field: "needsInputFrom", text });
  };
  return (
    <PanelSection title="Blockers and input">
      <ReasonToggle story={story} send={send} field="blockedReason" label="Blocked" prompt="What blocks it?" />
      <ReasonToggle story={story} send={send} field="parkedReason" label="Parked" prompt="Why is it parked, until when?" />
      <div className="needs-input" role="group" aria-label="Needs input from">
        <span className="field-label">Needs input from</span>
        <div className="segmented">
          <button
            type="button"
            aria-pressed={needs === null && !other}
            onClick={() => {
              setOther(false);
              if (needs !== null) setNeeds("");
            }}
          >
            Nobody
          </button>
          {INPUT_SOURCES.map((source) => (
            <button
              key={source}
              type="button"
              aria-pressed={needs === source}
              onClick={() => {
                setOther(false);
                if (needs !== source) setNeeds(source);
              }}
            >
              {source}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={showOther}
            onClick={() => {
              setOther(true);
            }}
          >
            Other…
          </button>
        </div>
        {showOther && (
          <TextField
            label="Whose input?"
            showLabel={false}
            placeholder="Team or person, e.g. Payments team"
            value={known ? "" : (needs ?? "")}
            autoFocus={needs === null || known}
            onCommit={(text) => {
              setNeeds(text.trim());
              if (text.trim() === "") setOther(false);
            }}
          />
        )}
      </div>
    </PanelSection>
  );
}
