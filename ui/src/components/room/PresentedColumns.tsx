//! A slice or an activity on the wall: one column per step, its cards large, in map order.
import type { PresentationView } from "../../bindings/PresentationView";
import type { StoryView } from "../../bindings/StoryView";
import { wsjfScoreLabel } from "../../model/refinement";
import { heatLevel } from "../refine/WsjfHeat";

export function PresentedColumns({
  shown,
  kind,
  currentId,
  onOpen,
  storyOf,
}: {
  shown: PresentationView;
  kind: "slice" | "activity";
  currentId: string | null;
  onOpen: (storyId: string) => void;
  /** The map's story behind a card: its WSJF score and heat level for the overlay. */
  storyOf: (storyId: string) => StoryView | undefined;
}) {
  return (
    <section className="presented-columns-wrap" data-testid="presentation-slice" data-kind={kind}>
      <h1 className="presented-title is-section">{shown.title}</h1>
      <div className="presented-columns">
        {shown.columns.map((column, index) => (
          <div key={`${index.toString()}:${column.activity}:${column.step}`} className="presented-column">
            <header className="presented-column-head">
              {kind === "slice" && <span className="presented-activity">{column.activity}</span>}
              <span className="presented-step">{column.step}</span>
            </header>
            <ul className="presented-cards">
              {column.cards.map((card) => {
                const story = storyOf(card.id);
                const score = story?.refinement.wsjf ?? null;
                return (
                  <li key={card.id}>
                    <button type="button" className={card.id === currentId ? "presented-card is-current" : "presented-card"} data-testid="presented-card" data-story-id={card.id} data-heat={story ? heatLevel(story) : "none"} onClick={() => { onOpen(card.id); }}>
                      <span className="presented-card-title">{card.title}</span>
                      {score !== null && (
                        <span className="presented-card-wsjf" title="WSJF score">
                          <span className="presented-card-wsjf-label">WSJF</span> {wsjfScoreLabel(score)}
                        </span>
                      )}
                      {card.estimate !== null && <span className="presented-card-estimate">{card.estimate}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      {shown.columns.every((column) => column.cards.length === 0) && <p className="presented-missing">No stories here yet.</p>}
    </section>
  );
}
