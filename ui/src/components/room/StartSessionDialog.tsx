//! "Start a session": which stories (Rust's default pick of the top N, or chosen by hand), the
//! length, the timebox per story, the deck, and who is in the room (the last session's people
//! by default; Rust deals the stories to them in turn as readers). Rust seeds the agenda.
import { useState } from "react";
import type { Deck } from "../../bindings/Deck";
import type { MapEdit } from "../../bindings/MapEdit";
import type { MapView } from "../../bindings/MapView";
import { Dialog } from "../Dialog";

type StartEdit = Extract<MapEdit, { kind: "startSession" }>;

/** A whole number within bounds from a number input, or `null` while it is not one. */
function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Names typed one per comma or line, trimmed, empty ones left out. */
export function participantNames(text: string): string[] {
  return text
    .split(/[,\n]/u)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

export function StartSessionDialog({
  view,
  lastParticipants,
  onClose,
  onStart,
}: {
  view: MapView;
  /** Who took part in the last session: the room's default. */
  lastParticipants: readonly string[];
  onClose: () => void;
  onStart: (edit: StartEdit) => void;
}) {
  const [pick, setPick] = useState<"top" | "chosen">("top");
  const [count, setCount] = useState("10");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [length, setLength] = useState("90");
  const [timebox, setTimebox] = useState("5");
  const [deck, setDeck] = useState<Deck>("fibonacci");
  const [people, setPeople] = useState(lastParticipants.join(", "));

  const storyCount = wholeNumber(count, 1, 100);
  const lengthMinutes = wholeNumber(length, 5, 480);
  const timeboxMinutes = wholeNumber(timebox, 1, 60);
  const valid = lengthMinutes !== null && timeboxMinutes !== null && (pick === "top" ? storyCount !== null : chosen.size > 0);

  const submit = () => {
    if (!valid) return;
    onStart({
      kind: "startSession",
      // Leaving the stories to Rust picks its default: the top of the backlog.
      storyIds: pick === "chosen" ? view.stories.filter((story) => chosen.has(story.id)).map((story) => story.id) : null,
      storyCount: pick === "top" ? storyCount : null,
      lengthMinutes,
      timeboxMinutes,
      deck,
      participants: participantNames(people),
    });
  };

  return (
    <Dialog
      title="Start a refinement session"
      testId="start-session-dialog"
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary-button" data-testid="session-start-submit" disabled={!valid} onClick={submit}>
            Start the session
          </button>
        </>
      }
    >
      <form
        className="start-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className="start-stories">
          <legend className="field-label">Stories to refine</legend>
          <label className="start-choice">
            <input type="radio" name="pick" checked={pick === "top"} data-testid="pick-top" onChange={() => { setPick("top"); }} />
            <span>The top</span>
            <input
              type="number"
              className="field-input start-number"
              aria-label="How many stories"
              data-testid="story-count"
              min={1}
              max={100}
              value={count}
              onChange={(event) => {
                setPick("top");
                setCount(event.target.value);
              }}
            />
            <span>stories of the backlog</span>
          </label>
          <label className="start-choice">
            <input type="radio" name="pick" checked={pick === "chosen"} data-testid="pick-chosen" onChange={() => { setPick("chosen"); }} />
            <span>Stories I choose{pick === "chosen" ? ` (${chosen.size.toString()})` : ""}</span>
          </label>
          {pick === "chosen" && (
            <ul className="start-story-list">
              {view.stories.map((story) => (
                <li key={story.id}>
                  <label className="check-row">
                    <input
                      type="checkbox"
                      data-testid="start-story"
                      data-story-id={story.id}
                      checked={chosen.has(story.id)}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(story.id);
                        else next.delete(story.id);
                        setChosen(next);
                      }}
                    />
                    <span>{story.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="start-row">
          <label className="field">
            <span className="field-label">Length (minutes)</span>
            <input type="number" className="field-input" data-testid="session-length" min={5} max={480} value={length} onChange={(event) => { setLength(event.target.value); }} />
          </label>
          <label className="field">
            <span className="field-label">Timebox per story (minutes)</span>
            <input type="number" className="field-input" data-testid="session-timebox" min={1} max={60} value={timebox} onChange={(event) => { setTimebox(event.target.value); }} />
          </label>
          <label className="field">
            <span className="field-label">Estimation deck</span>
            <select className="field-select" data-testid="session-deck" value={deck} onChange={(event) => { setDeck(event.target.value as Deck); }}>
              <option value="fibonacci">Story points (Fibonacci)</option>
              <option value="tshirt">T-shirt sizes</option>
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field-label">Who is in the room</span>
          <input
            type="text"
            className="field-input"
            data-testid="session-participants"
            placeholder="Ana, Ben, Cy"
            value={people}
            onChange={(event) => {
              setPeople(event.target.value);
            }}
          />
          <span className="field-help">Names, separated by commas. Each story gets a reader in turn, so everyone reads; you can change a reader or skip someone during the session.</span>
        </label>
        <p className="field-help">The agenda follows the 90-minute rhythm, scaled to the length; you can edit it once started.</p>
      </form>
    </Dialog>
  );
}
