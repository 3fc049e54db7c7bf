//! Estimating: a card per story-point value, "?" and the T-shirt sizes; and WSJF, four parts on
//! the 1–20 scale with the score the core computed from them.
import type { StoryView } from "../../bindings/StoryView";
import type { WsjfPart } from "../../bindings/WsjfPart";
import { estimateLabel } from "../../model/labels";
import { POINT_SCALE, TSHIRT_SIZES, UNKNOWN_ESTIMATE, WSJF_PARTS, WSJF_SCALE, wsjfFormula, wsjfScoreLabel } from "../../model/refinement";
import { PanelSection } from "./StoryBasics";
import type { SendEdit } from "./send";

export function EstimatePicker({ story, send }: { story: StoryView; send: SendEdit }) {
  const choose = (estimate: string | null) => {
    void send({ kind: "setEstimate", storyId: story.id, estimate });
  };
  const option = (value: string, kind: string) => (
    <button
      key={value}
      type="button"
      className={`estimate-option is-${kind}`}
      data-testid="estimate-option"
      data-value={value}
      aria-pressed={story.estimate === value}
      title={value === UNKNOWN_ESTIMATE ? "Discussed, but the team could not size it" : estimateLabel(value)}
      onClick={() => {
        choose(story.estimate === value ? null : value);
      }}
    >
      {value}
    </button>
  );
  return (
    <div className="estimate-picker">
      <div className="estimate-row" role="group" aria-label="Story points">
        {POINT_SCALE.map((value) => option(value, "points"))}
        {option(UNKNOWN_ESTIMATE, "unknown")}
      </div>
      <div className="estimate-row" role="group" aria-label="T-shirt sizes">
        {TSHIRT_SIZES.map((value) => option(value, "size"))}
        {story.estimate !== null && (
          <button
            type="button"
            className="text-button"
            onClick={() => {
              choose(null);
            }}
          >
            Clear
          </button>
        )}
      </div>
      <p className="field-help" data-testid="estimate-summary">
        {story.estimate === null
          ? "Not estimated yet. Pick the card the team agreed on."
          : story.refinement.points === null
            ? `Estimate ${story.estimate}: no points yet.`
            : `Estimate ${story.estimate} · counts as ${story.refinement.points.toString()} ${story.refinement.points === 1 ? "point" : "points"}.`}
      </p>
    </div>
  );
}

function WsjfRow({ story, send, part, label, hint }: { story: StoryView; send: SendEdit; part: WsjfPart; label: string; hint: string }) {
  const value = story.wsjf[part];
  const set = (next: number | null) => {
    void send({ kind: "setWsjf", storyId: story.id, part, value: next });
  };
  return (
    <div className="wsjf-row" role="group" aria-label={label} data-testid="wsjf-part" data-part={part}>
      <span className="wsjf-label" title={hint}>
        {label}
      </span>
      <div className="scale">
        {part === "jobSize" && (
          <button type="button" className="scale-option is-wide" aria-pressed={value === null} onClick={() => { set(null); }}>
            From estimate
          </button>
        )}
        {WSJF_SCALE.map((score) => (
          <button
            key={score}
            type="button"
            className="scale-option"
            aria-pressed={value === score}
            aria-label={`${label} ${score.toString()}`}
            onClick={() => {
              set(value === score && part !== "jobSize" ? null : score);
            }}
          >
            {score}
          </button>
        ))}
      </div>
    </div>
  );
}

export function WsjfSection({ story, send }: { story: StoryView; send: SendEdit }) {
  const score = story.refinement.wsjf;
  return (
    <PanelSection
      title="WSJF"
      aside={
        <span className="wsjf-score" data-testid="wsjf-score" title="Weighted shortest job first: cost of delay ÷ job size">
          {wsjfScoreLabel(score)}
        </span>
      }
    >
      {WSJF_PARTS.map((item) => (
        <WsjfRow key={item.part} story={story} send={send} {...item} />
      ))}
      <p className="field-help" data-testid="wsjf-formula">
        {score === null
          ? "Score value, time criticality and risk reduction, and estimate the story (or score its job size), to see its WSJF."
          : `Cost of delay ÷ job size: ${wsjfFormula(score)}${score.jobSizeFromEstimate ? " (job size from the estimate)" : ""}.`}
      </p>
    </PanelSection>
  );
}

export function EstimateSection({ story, send }: { story: StoryView; send: SendEdit }) {
  return (
    <PanelSection title="Estimate">
      <EstimatePicker story={story} send={send} />
    </PanelSection>
  );
}
