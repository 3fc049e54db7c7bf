//! Is it ready? The Definition of Ready as the core checked it (automatic items with why they
//! fail, manual ones ticked by hand) and the INVEST letters with what to do about each.
import type { StoryView } from "../../bindings/StoryView";
import { INVEST_LETTERS, investName } from "../../model/refinement";
import { CheckIcon } from "../Icons";
import { SettingsIcon, WarningIcon } from "./RefineIcons";
import { PanelSection } from "./StoryBasics";
import type { SendEdit } from "./send";

export function TooBigFlag({ onSplit }: { onSplit?: () => void }) {
  return (
    <div className="too-big-flag" data-testid="too-big-flag" role="note">
      <WarningIcon size={18} />
      <div>
        <strong>Too big or too vague</strong>
        <p>Two or more INVEST letters fail. Split it or sharpen it before it goes to a sprint.</p>
      </div>
      {onSplit && (
        <button type="button" className="secondary-button" onClick={onSplit}>
          Split…
        </button>
      )}
    </div>
  );
}

export function DorSection({ story, send, onSettings }: { story: StoryView; send: SendEdit; onSettings: () => void }) {
  const checks = story.refinement.dor;
  const passed = checks.filter((check) => check.passed).length;
  return (
    <PanelSection
      title="Definition of Ready"
      aside={
        <button type="button" className="icon-button is-small" aria-label="Edit the Definition of Ready" title="Edit the Definition of Ready" onClick={onSettings}>
          <SettingsIcon size={16} />
        </button>
      }
    >
      <p className={story.refinement.ready ? "dor-summary is-ready" : "dor-summary"} data-testid="dor-summary">
        {story.refinement.ready ? "Ready for sprint planning" : `${passed.toString()} of ${checks.length.toString()} met`}
      </p>
      <ul className="dor-list">
        {checks.map((check) => (
          <li
            key={check.itemId}
            className={check.passed ? "dor-check is-passed" : "dor-check"}
            data-testid="dor-check"
            data-item-id={check.itemId}
            data-passed={check.passed ? "true" : "false"}
          >
            {check.automatic ? (
              <>
                <span className="dor-mark" aria-hidden="true">
                  {check.passed ? <CheckIcon size={14} /> : <span className="dor-dot" />}
                </span>
                <span className="dor-text">
                  {check.text}
                  <span className="visually-hidden">{check.passed ? ", met" : ", not met"}</span>
                  {!check.passed && check.detail !== "" && <span className="dor-detail">{check.detail}</span>}
                </span>
                <span className="dor-auto" title="Checked by the app">auto</span>
              </>
            ) : (
              <label className="dor-manual">
                <input
                  type="checkbox"
                  checked={check.passed}
                  onChange={(event) => {
                    void send({ kind: "setReadyCheck", storyId: story.id, itemId: check.itemId, on: event.target.checked });
                  }}
                />
                <span className="dor-text">{check.text}</span>
              </label>
            )}
          </li>
        ))}
      </ul>
    </PanelSection>
  );
}

export function InvestSection({ story }: { story: StoryView }) {
  const hints = story.refinement.invest;
  const open = hints.filter((hint) => hint.verdict !== "pass");
  return (
    <PanelSection title="INVEST">
      <ol className="invest-letters">
        {INVEST_LETTERS.map(({ letter, initial, name }) => {
          const hint = hints.find((candidate) => candidate.letter === letter);
          const verdict = hint?.verdict ?? "pass";
          return (
            <li
              key={letter}
              className={`invest-letter is-${verdict}`}
              data-testid="invest-hint"
              data-letter={letter}
              data-verdict={verdict}
              title={hint && hint.message !== "" ? `${name}: ${hint.message}` : `${name}: fine`}
            >
              <span className="invest-initial">{initial}</span>
              <span className="invest-name">{name}</span>
            </li>
          );
        })}
      </ol>
      {open.length > 0 && (
        <ul className="invest-messages">
          {open.map((hint) => (
            <li key={hint.letter} className={`is-${hint.verdict}`}>
              <strong>{investName(hint.letter)}:</strong> {hint.message}
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}
