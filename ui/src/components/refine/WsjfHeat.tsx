//! The map's WSJF heat overlay: each card's chip (its score, tinted by the heat level Rust
//! gives it) and the key in the corner. The levels and their ranges come from Rust
//! (`WSJF_HEAT_KEY`); this file only draws them.
import type { StoryView } from "../../bindings/StoryView";
import { WSJF_HEAT_KEY } from "../../bindings/rules";
import { wsjfFormula, wsjfScoreLabel } from "../../model/refinement";

/** A card's heat level for the overlay's CSS: "1" … "5", or "none" until it is scored. */
export function heatLevel(story: Pick<StoryView, "refinement">): string {
  return story.refinement.wsjf?.heat.toString() ?? "none";
}

/** The score on the card; drawn only while the overlay is on (see wsjf-heat.css). */
export function WsjfChip({ story }: { story: Pick<StoryView, "refinement"> }) {
  const score = story.refinement.wsjf;
  return (
    <span
      className="wsjf-chip"
      data-testid="wsjf-chip"
      title={score ? `WSJF ${wsjfFormula(score)}` : "WSJF: not scored yet"}
    >
      {score ? `WSJF ${wsjfScoreLabel(score)}` : "WSJF –"}
    </span>
  );
}

/** The overlay's key: one swatch per level, hottest first, and "not scored". */
export function WsjfHeatLegend({ scored, total }: { scored: number; total: number }) {
  return (
    <div className="wsjf-legend" data-testid="wsjf-legend" role="note" aria-label="WSJF heat key">
      <span className="wsjf-legend-title">WSJF</span>
      {WSJF_HEAT_KEY.map(({ heat, label }) => (
        <span key={heat} className="wsjf-legend-key" data-heat={heat}>
          <span className="wsjf-legend-swatch" aria-hidden="true" />
          {label}
        </span>
      ))}
      <span className="wsjf-legend-key" data-heat="none">
        <span className="wsjf-legend-swatch" aria-hidden="true" />
        not scored
      </span>
      <span className="wsjf-legend-note">
        {scored.toString()} of {total.toString()} scored
      </span>
    </div>
  );
}
