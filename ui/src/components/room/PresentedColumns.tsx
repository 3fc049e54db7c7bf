//! A slice or an activity on the wall: one column per step, its cards large, in map order.
import type { PresentationView } from "../../bindings/PresentationView";

export function PresentedColumns({ shown, kind, currentId, onOpen }: { shown: PresentationView; kind: "slice" | "activity"; currentId: string | null; onOpen: (storyId: string) => void }) {
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
              {column.cards.map((card) => (
                <li key={card.id}>
                  <button type="button" className={card.id === currentId ? "presented-card is-current" : "presented-card"} data-testid="presented-card" data-story-id={card.id} onClick={() => { onOpen(card.id); }}>
                    <span className="presented-card-title">{card.title}</span>
                    {card.estimate !== null && <span className="presented-card-estimate">{card.estimate}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {shown.columns.every((column) => column.cards.length === 0) && <p className="presented-missing">No stories here yet.</p>}
    </section>
  );
}
