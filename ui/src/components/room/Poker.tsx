//! Planning poker for the story in focus, on one laptop: participants are entered once per
//! session; each vote is picked for a participant and stays hidden (a ✓) until "Reveal"; the
//! statistics come from Rust. "Accept" writes the estimate, "Re-vote" starts a new round.
import { useState } from "react";
import type { Deck } from "../../bindings/Deck";
import type { PokerRoundView } from "../../bindings/PokerRoundView";
import type { SessionView } from "../../bindings/SessionView";
import { CloseIcon } from "../Icons";
import type { SendSessionEdit } from "./liveSession";
import { PokerReveal } from "./PokerReveal";
import { CardsIcon } from "./RoomIcons";

export function Poker({ session, storyId, send }: { session: SessionView; storyId: string; send: SendSessionEdit }) {
  const sessionId = session.id;
  const round = session.currentRound?.storyId === storyId ? session.currentRound : null;
  const [name, setName] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const newRound = () => void send({ kind: "newPokerRound", sessionId, storyId });

  const addParticipant = () => {
    const text = name.trim();
    if (text === "") return;
    void send({ kind: "addParticipant", sessionId, name: text });
    setName("");
  };

  return (
    <section className="room-section poker" data-testid="poker" aria-label="Planning poker">
      <h3 className="room-section-title">
        <CardsIcon size={16} /> Planning poker
        <select
          className="field-select is-compact poker-deck"
          aria-label="Deck"
          data-testid="poker-deck"
          value={session.deck}
          onChange={(event) => void send({ kind: "setSessionDeck", sessionId, deck: event.target.value as Deck })}
        >
          <option value="fibonacci">Fibonacci</option>
          <option value="tshirt">T-shirt</option>
        </select>
      </h3>
      <form
        className="participant-form"
        onSubmit={(event) => {
          event.preventDefault();
          addParticipant();
        }}
      >
        <input className="field-input" data-testid="participant-name" aria-label="Participant's name" placeholder="Who is in the room?" value={name} onChange={(event) => { setName(event.target.value); }} />
        <button type="submit" className="secondary-button is-small" data-testid="add-participant" disabled={name.trim() === ""}>
          Add
        </button>
      </form>
      {session.participants.length === 0 ? (
        <p className="field-help">Add the people voting once; they stay for the whole session.</p>
      ) : round === null ? (
        <button type="button" className="primary-button is-compact" data-testid="new-round" onClick={newRound}>
          Start voting on this story
        </button>
      ) : round.revealed ? (
        <PokerReveal session={session} round={round} send={send} onRevote={newRound} />
      ) : (
        <Voting session={session} round={round} selected={selected} onSelect={setSelected} send={send} />
      )}
    </section>
  );
}

interface VotingProps {
  session: SessionView;
  round: PokerRoundView;
  selected: string | null;
  onSelect: (participantId: string | null) => void;
  send: SendSessionEdit;
}

function Voting({ session, round, selected, onSelect, send }: VotingProps) {
  const voted = new Set(round.votedParticipantIds);
  const chosen = session.participants.find((participant) => participant.id === selected) ?? session.participants.find((participant) => !voted.has(participant.id)) ?? null;
  const vote = (value: string) => {
    if (!chosen) return;
    void send({ kind: "castVote", sessionId: session.id, roundId: round.id, participantId: chosen.id, value });
    // On to the next person who has not voted yet.
    const others = session.participants.filter((participant) => participant.id !== chosen.id && !voted.has(participant.id));
    onSelect(others[0]?.id ?? null);
  };
  return (
    <>
      <p className="poker-round">Round {round.number} · {voted.size} of {session.participants.length} voted — votes stay hidden on screen until you reveal them</p>
      <p className="poker-note">Votes are saved in the map, so teammates who sync it can read them.</p>
      <ul className="vote-grid">
        {session.participants.map((participant) => (
          <li key={participant.id} className="vote-chip-wrap">
            <button
              type="button"
              className={`vote-chip${chosen?.id === participant.id ? " is-selected" : ""}${voted.has(participant.id) ? " has-voted" : ""}`}
              data-testid="vote-for"
              data-participant-id={participant.id}
              data-voted={voted.has(participant.id) ? "true" : "false"}
              aria-pressed={chosen?.id === participant.id}
              onClick={() => {
                onSelect(participant.id);
              }}
            >
              <span className="vote-name">{participant.name}</span>
              <span className="vote-mark" aria-label={voted.has(participant.id) ? "has voted" : "not voted yet"}>
                {voted.has(participant.id) ? "✓" : "…"}
              </span>
            </button>
            <button type="button" className="mini-button" aria-label={`Remove ${participant.name}`} title="Remove from the session" onClick={() => void send({ kind: "removeParticipant", sessionId: session.id, participantId: participant.id })}>
              <CloseIcon size={12} />
            </button>
          </li>
        ))}
      </ul>
      <div className="poker-cards" role="group" aria-label={chosen ? `Card for ${chosen.name}` : "Cards"}>
        {session.cards.map((card) => (
          <button key={card} type="button" className="poker-card" data-testid="poker-card" data-value={card} disabled={!chosen} onClick={() => { vote(card); }}>
            {card}
          </button>
        ))}
      </div>
      <button type="button" className="primary-button is-compact" data-testid="reveal-votes" disabled={voted.size === 0} onClick={() => void send({ kind: "revealVotes", sessionId: session.id, roundId: round.id })}>
        Reveal {voted.size} {voted.size === 1 ? "vote" : "votes"}
      </button>
    </>
  );
}
