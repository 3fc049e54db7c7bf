//! One story on the wall in large type: its title, why it matters, the narrative, acceptance
//! criteria and estimate (from the presentation view, never private notes), with the readiness
//! and INVEST hints the core worked out, who it is for, the PI objective it serves, its session flags and
//! labels (in their map colours), and a revealed poker round when there is one.
import type { PokerRoundView } from "../../bindings/PokerRoundView";
import type { PresentedStoryView } from "../../bindings/PresentedStoryView";
import type { StoryView } from "../../bindings/StoryView";
import { FLAG_NAMES } from "../../model/labels";
import { investName } from "../../model/refinement";
import { labelStyle, useLabelColors } from "../labelColors";
import { FlagIcon } from "../refine/RefineIcons";
import { PersonaAvatar } from "../personas/PersonaChip";

export function PresentedStory({ story, refined, round, names }: { story: PresentedStoryView; refined: StoryView | null; round: PokerRoundView | null; names: ReadonlyMap<string, string> }) {
  const r = refined?.refinement ?? null;
  const colors = useLabelColors();
  const hints = r?.invest.filter((hint) => hint.verdict !== "pass") ?? [];
  const unmet = r?.dor.filter((check) => !check.passed) ?? [];
  return (
    <article className="presented-story" data-testid="presentation-story" data-story-id={story.id}>
      <p className="presented-place">{story.place}</p>
      <h1 className="presented-title">{story.title}</h1>
      {story.persona !== null && (
        <p className="presented-persona" data-testid="presented-persona">
          <PersonaAvatar persona={story.persona} size="lg" />
          <span>
            <span className="presented-persona-name">For {story.persona.name}</span>
            {story.persona.goal !== "" && <span className="presented-persona-goal"> — {story.persona.goal}</span>}
          </span>
        </p>
      )}
      {story.objective !== null && (
        <p className="presented-objective" data-testid="presented-objective">
          <span className="presented-objective-label">Objective</span> {story.objective}
        </p>
      )}
      <div className="presented-chips">
        <span className="presented-chip is-estimate" data-testid="presented-estimate">{story.estimate ?? "Not estimated"}</span>
        <span className="presented-chip">{story.status}</span>
        {r && <span className={r.ready ? "presented-chip is-ready" : "presented-chip is-not-ready"}>{r.ready ? "Ready" : "Not ready yet"}</span>}
        {story.needsInputFrom !== null && <span className="presented-chip is-input">Needs input from {story.needsInputFrom}</span>}
        {story.flags.map((flag) => (
          <span key={flag} className={`presented-chip is-flag is-${flag}`} data-testid="presented-flag">
            <FlagIcon size={18} />
            {FLAG_NAMES[flag]}
          </span>
        ))}
        {story.labels.map((label) => (
          <span key={label} className="presented-chip is-label" style={labelStyle(colors, label)}>{label}</span>
        ))}
      </div>
      <div className="presented-grid">
        <div className="presented-main">
          {story.why !== "" && (
            <section className="presented-block">
              <h2>Why</h2>
              <p className="presented-why">{story.why}</p>
            </section>
          )}
          {story.narrative !== null && (
            <section className="presented-block">
              <h2>Story</h2>
              <p className="presented-narrative">{story.narrative}</p>
            </section>
          )}
          {story.description !== "" && <p className="presented-description">{story.description}</p>}
          <section className="presented-block">
            <h2>Acceptance criteria</h2>
            {story.acceptanceCriteria.length === 0 ? (
              <p className="presented-missing">None yet — what does “done” mean?</p>
            ) : (
              <ol className="presented-criteria">
                {story.acceptanceCriteria.map((criterion, index) => (
                  <li key={`${index.toString()}:${criterion}`}>{criterion}</li>
                ))}
              </ol>
            )}
          </section>
          {story.links.length > 0 && (
            <section className="presented-block" data-testid="presented-links">
              <h2>Links</h2>
              <ul className="presented-links">
                {story.links.map((title, index) => (
                  <li key={`${index.toString()}:${title}`}>{title}</li>
                ))}
              </ul>
            </section>
          )}
          {story.notes !== null && (
            <section className="presented-block">
              <h2>Notes</h2>
              <p className="presented-notes">{story.notes}</p>
            </section>
          )}
        </div>
        <aside className="presented-side">
          {round?.revealed && (
            <section className="presented-block presented-votes" data-testid="presented-votes">
              <h2>Votes{round.stats?.median ? ` · median ${round.stats.median}` : ""}</h2>
              <ul>
                {round.votes.map((vote) => (
                  <li key={vote.participantId} className={round.stats?.outliers.includes(vote.participantId) ? "is-outlier" : undefined}>
                    <strong>{vote.value}</strong> {names.get(vote.participantId) ?? ""}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {(hints.length > 0 || unmet.length > 0) && (
            <section className="presented-block presented-hints" data-testid="presented-hints">
              <h2>To talk about</h2>
              <ul>
                {unmet.map((check) => (
                  <li key={check.itemId}>{check.detail !== "" ? check.detail : check.text}</li>
                ))}
                {hints.map((hint) => (
                  <li key={hint.letter} className={`is-${hint.verdict}`}>
                    <strong>{investName(hint.letter)}:</strong> {hint.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}
