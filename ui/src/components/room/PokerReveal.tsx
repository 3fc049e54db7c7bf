//! A revealed poker round: every card at once, outliers marked to explain first, and Rust's
//! statistics (median, spread, ? and ☕). "Accept" writes the median — or the card picked.
import { useState } from "react";
import type { PokerRoundView } from "../../bindings/PokerRoundView";
import type { SessionView } from "../../bindings/SessionView";
import type { SendSessionEdit } from "./liveSession";

export function PokerReveal({ session, round, send, onRevote }: { session: SessionView; round: PokerRoundView; send: SendSessionEdit; onRevote: () => void }) {
  const [picked, setPicked] = useState<string | null>(null);
  const stats = round.stats;
  const outliers = new Set(stats?.outliers ?? []);
  const estimate = picked ?? stats?.median ?? null;
  const names = new Map(session.participants.map((participant) => [participant.id, participant.name]));
  return (
    <div className="poker-reveal">
      <ul className="revealed-votes">
        {round.votes.map((vote) => (
          <li key={vote.participantId} className={outliers.has(vote.participantId) ? "revealed-vote is-outlier" : "revealed-vote"} data-testid="revealed-vote" data-participant-id={vote.participantId} data-outlier={outliers.has(vote.participantId) ? "true" : "false"}>
            <span className="revealed-card">{vote.value}</span>
            <span className="revealed-name">{names.get(vote.participantId) ?? "?"}</span>
          </li>
        ))}
      </ul>
      {stats && (
        <p className="poker-stats" data-testid="poker-stats">
          <span className="poker-median" data-testid="poker-median">
            Median <strong>{stats.median ?? "—"}</strong>
          </span>
          <span>{stats.consensus ? "Everyone agrees" : `Spread ${stats.min ?? "?"}–${stats.max ?? "?"} (${stats.spread.toString()} cards)`}</span>
          {outliers.size > 0 && <span className="poker-outliers">{outliers.size} to explain first</span>}
          {stats.unknown > 0 && <span>? ×{stats.unknown}</span>}
          {stats.coffee > 0 && <span>☕ ×{stats.coffee}</span>}
        </p>
      )}
      {round.acceptedEstimate !== null ? (
        <p className="poker-accepted" data-testid="poker-accepted">
          Estimate set to <strong>{round.acceptedEstimate}</strong>
        </p>
      ) : (
        <div className="poker-cards is-choice" role="group" aria-label="Estimate to accept">
          {session.cards
            .filter((card) => card !== "?" && card !== "☕")
            .map((card) => (
              <button key={card} type="button" className={card === estimate ? "poker-card is-chosen" : "poker-card"} data-testid="accept-card" data-value={card} aria-pressed={card === estimate} onClick={() => { setPicked(card); }}>
                {card}
              </button>
            ))}
        </div>
      )}
      <div className="story-action-row">
        {round.acceptedEstimate === null && (
          <button type="button" className="primary-button is-compact" data-testid="accept-estimate" disabled={estimate === null} onClick={() => { if (estimate !== null) void send({ kind: "acceptEstimate", sessionId: session.id, roundId: round.id, estimate }); }}>
            Accept {estimate ?? ""}
          </button>
        )}
        <button type="button" className="secondary-button" data-testid="new-round" onClick={onRevote}>
          Re-vote
        </button>
      </div>
    </div>
  );
}
