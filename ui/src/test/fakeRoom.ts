//! The room half of the in-memory Backend for Vitest: refinement sessions (agenda, stories,
//! poker rounds, notes), their summary and what the projector shows. Simple stand-ins for the
//! Rust rules (default pick, poker statistics, summary text) — enough for the UI to be tested.
import type { AgendaItemView } from "../bindings/AgendaItemView";
import type { Deck } from "../bindings/Deck";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { PokerRoundView } from "../bindings/PokerRoundView";
import type { PokerStatsView } from "../bindings/PokerStatsView";
import type { PresentationFocus } from "../bindings/PresentationFocus";
import type { PresentationView } from "../bindings/PresentationView";
import type { SessionListItem } from "../bindings/SessionListItem";
import type { SessionNoteView } from "../bindings/SessionNoteView";
import type { SessionStoryState } from "../bindings/SessionStoryState";
import type { SessionSummaryView } from "../bindings/SessionSummaryView";
import type { SessionView } from "../bindings/SessionView";

export type SessionEdit = Extract<MapEdit, { sessionId: string }> | Extract<MapEdit, { kind: "startSession" }>;

export function isSessionEdit(edit: MapEdit): edit is SessionEdit {
  return edit.kind === "startSession" || "sessionId" in edit;
}

const DECKS: Record<Deck, string[]> = {
  fibonacci: ["0", "½", "1", "2", "3", "5", "8", "13", "20", "40", "100", "?", "☕"],
  tshirt: ["XS", "S", "M", "L", "XL", "?", "☕"],
};

interface Round {
  id: string;
  storyId: string;
  number: number;
  votes: Map<string, string>;
  revealed: boolean;
  accepted: string | null;
}

interface Session {
  id: string;
  startedAt: number;
  endedAt: number | null;
  lengthMinutes: number;
  timeboxMinutes: number;
  agenda: Array<Omit<AgendaItemView, "current">>;
  stories: Array<{ storyId: string; state: SessionStoryState; parkedReason: string | null; reader: string | null }>;
  focus: string | null;
  participants: Array<{ id: string; name: string; skipsReading: boolean }>;
  deck: Deck;
  rounds: Round[];
  notes: SessionNoteView[];
}

export class FakeRoom {
  private readonly byMap = new Map<string, Session[]>();
  /** How long ago (seconds) the next started session began: moves the session clock in tests. */
  startedAgoSeconds = 0;
  /** Seconds spent per story, as Rust would count them. */
  readonly spent = new Map<string, number>();
  /** What the projector was asked to show. */
  readonly focuses: PresentationFocus[] = [];
  /** The session the last edit wrote, for the `MapChange`. */
  changed: SessionView | null = null;

  /** The session the last edit wrote, once. */
  takeChanged(): SessionView | null {
    const changed = this.changed;
    this.changed = null;
    return changed;
  }

  list(mapId: string): SessionListItem[] {
    return this.of(mapId)
      .slice()
      .reverse()
      .map((s) => ({
        id: s.id,
        startedAt: new Date(s.startedAt).toISOString(),
        endedAt: s.endedAt === null ? null : new Date(s.endedAt).toISOString(),
        open: s.endedAt === null,
        facilitator: "Ann",
        lengthMinutes: s.lengthMinutes,
        stories: s.stories.length,
        refined: s.stories.filter((x) => x.state === "refined").length,
        parked: s.stories.filter((x) => x.state === "parked").length,
        decisions: s.notes.filter((n) => n.kind === "decision").length,
        participants: s.participants.map((p) => p.name),
      }));
  }

  view(map: MapView, sessionId: string): SessionView {
    const s = this.find(map.map.id, sessionId);
    const elapsed = Math.floor(((s.endedAt ?? Date.now()) - s.startedAt) / 1000);
    const round = (r: Round): PokerRoundView => ({
      id: r.id,
      storyId: r.storyId,
      number: r.number,
      revealed: r.revealed,
      votedParticipantIds: [...r.votes.keys()],
      votes: r.revealed ? [...r.votes].map(([participantId, value]) => ({ participantId, value })) : [],
      stats: r.revealed ? stats(r.votes, DECKS[s.deck]) : null,
      acceptedEstimate: r.accepted,
    });
    return {
      id: s.id,
      startedAt: new Date(s.startedAt).toISOString(),
      endedAt: s.endedAt === null ? null : new Date(s.endedAt).toISOString(),
      open: s.endedAt === null,
      facilitator: "Ann",
      lengthMinutes: s.lengthMinutes,
      timeboxMinutes: s.timeboxMinutes,
      elapsedSeconds: elapsed,
      agenda: s.agenda.map((item) => ({ ...item, current: item.startMinute * 60 <= elapsed && elapsed < item.endMinute * 60 })),
      stories: s.stories.map((x) => {
        const story = map.stories.find((candidate) => candidate.id === x.storyId);
        const spentSeconds = this.spent.get(x.storyId) ?? 0;
        return {
          storyId: x.storyId,
          title: story?.title ?? "",
          estimate: story?.estimate ?? null,
          points: story?.refinement.points ?? null,
          status: story?.status ?? null,
          ready: story?.refinement.ready ?? false,
          needsInputFrom: story?.needsInputFrom ?? null,
          state: x.state,
          spentSeconds,
          timeboxSeconds: s.timeboxMinutes * 60,
          overrun: spentSeconds > s.timeboxMinutes * 60,
          parkedReason: x.parkedReason,
          reader: x.reader,
        };
      }),
      focus: s.focus,
      participants: structuredClone(s.participants),
      deck: s.deck,
      cards: DECKS[s.deck],
      currentRound: s.rounds.filter((r) => r.storyId === s.focus).map(round).at(-1) ?? null,
      rounds: s.rounds.map(round),
      notes: structuredClone(s.notes),
    };
  }

  /** Applies a session edit to the map's sessions (and the estimate to the map); answers a label. */
  apply(map: MapView, edit: SessionEdit, id: (prefix: string) => string): { label: string; createdId: string | null } {
    const sessions = this.of(map.map.id);
    if (edit.kind === "startSession") {
      const picked = edit.storyIds ?? map.stories.filter((story) => story.status !== "done").slice(0, edit.storyCount ?? 10).map((story) => story.id);
      const length = edit.lengthMinutes ?? 90;
      const session: Session = {
        id: id("session"),
        startedAt: Date.now() - this.startedAgoSeconds * 1000,
        endedAt: null,
        lengthMinutes: length,
        timeboxMinutes: edit.timeboxMinutes ?? 5,
        agenda: [
          { id: id("g"), title: "Recap objectives and priorities", startMinute: 0, endMinute: 10 },
          { id: id("g"), title: "Story walkthrough and estimation", startMinute: 10, endMinute: 60 },
          { id: id("g"), title: "Prioritise and adjust dependencies", startMinute: 60, endMinute: 80 },
          { id: id("g"), title: "Summarise decisions and next steps", startMinute: 80, endMinute: length },
        ],
        stories: picked.map((storyId, index) => ({ storyId, state: index === 0 ? "discussing" : "pending", parkedReason: null, reader: null })),
        focus: picked[0] ?? null,
        participants: (edit.participants ?? []).map((name) => ({ id: id("p"), name, skipsReading: false })),
        deck: edit.deck ?? "fibonacci",
        rounds: [],
        notes: [],
      };
      dealReaders(session, true);
      sessions.push(session);
      this.changed = this.view(map, session.id);
      return { label: "Start session", createdId: session.id };
    }
    const s = this.find(map.map.id, edit.sessionId);
    const label = this.edit(map, s, edit, id);
    this.changed = this.view(map, s.id);
    return { label, createdId: null };
  }

  summary(map: MapView, sessionId: string | null): SessionSummaryView {
    const s = sessionId === null ? this.of(map.map.id).at(-1) : this.find(map.map.id, sessionId);
    if (!s) throw { code: "notFound", message: "No session yet" };
    const refined = s.stories.filter((x) => x.state === "refined").length;
    const parked = s.stories.filter((x) => x.state === "parked").length;
    const headline = `We've refined ${refined.toString()} items — ${refined.toString()} ready (8 pts), ${parked.toString()} parked`;
    const decisions = s.notes.filter((n) => n.kind === "decision").map((n) => ({ story: null, text: n.text, author: n.author }));
    const nextSteps = s.notes.filter((n) => n.kind === "nextStep").map((n) => ({ story: null, text: n.text, author: n.author }));
    const sentence = `The top ${refined.toString()} backlog items are ready for the next sprint.`;
    return {
      sessionId: s.id,
      headline,
      stakeholderSentence: sentence,
      stories: s.stories.length,
      refined,
      ready: refined,
      readyPoints: 8,
      parked,
      split: 0,
      notReady: 0,
      notDiscussed: s.stories.filter((x) => x.state === "pending").length,
      needsInput: [],
      decisions,
      splits: [],
      estimateChanges: [],
      criteriaAdded: [],
      openBlockers: s.stories.filter((x) => x.parkedReason !== null).map((x) => x.parkedReason ?? ""),
      nextSteps,
      readers: readerCredits(s),
      health: "Ready backlog: 8 pts",
      objectives: [],
      crossTeam: [],
      markdown: `## Refinement\n\n**${headline}**\n\n${sentence}\n`,
      text: `Refinement\n\n${headline}\n\n${sentence}\n`,
    };
  }

  presentation(map: MapView, focus: PresentationFocus): PresentationView {
    this.focuses.push(focus);
    const steps = map.activities.flatMap((activity) => activity.steps.map((step) => ({ activity, step })));
    if (focus.kind === "story") {
      const story = map.stories.find((candidate) => candidate.id === focus.storyId);
      if (!story) throw { code: "notFound", message: `No story ${focus.storyId}` };
      const narrative = story.iWant === "" ? null : `As a ${story.asA}, I want ${story.iWant}, so that ${story.soThat}`;
      return {
        title: story.title,
        story: {
          id: story.id,
          title: story.title,
          narrative,
          why: story.why,
          description: story.description,
          acceptanceCriteria: story.acceptanceCriteria.map((criterion) => criterion.text),
          estimate: story.estimate,
          status: story.status,
          labels: story.labels,
          flags: story.flags,
          needsInputFrom: story.needsInputFrom,
          notes: story.notesPrivate ? null : story.notes || null,
          place: "Activity › Step · Slice",
          links: story.links.map((link) => link.title),
          objective: objectiveLabel(map, story.objectiveId),
          persona: map.personas.find((p) => p.id === story.refinement.servesPersonaId) ?? null,
        },
        columns: [],
      };
    }
    const inFocus = (stepActivity: string) => focus.kind === "slice" || stepActivity === focus.activityId;
    const title = focus.kind === "slice" ? (map.releases.find((r) => r.id === focus.releaseId)?.title ?? "") : (map.activities.find((a) => a.id === focus.activityId)?.title ?? "");
    return {
      title,
      story: null,
      columns: steps
        .filter(({ activity }) => inFocus(activity.id))
        .map(({ activity, step }) => ({
          activity: activity.title,
          step: step.title,
          cards: map.stories
            .filter((story) => story.stepId === step.id && (focus.kind !== "slice" || story.releaseId === focus.releaseId))
            .map((story) => ({ id: story.id, title: story.title, estimate: story.estimate })),
        })),
    };
  }

  private edit(map: MapView, s: Session, edit: Exclude<SessionEdit, { kind: "startSession" }>, id: (prefix: string) => string): string {
    const entry = (storyId: string) => {
      const found = s.stories.find((x) => x.storyId === storyId);
      if (!found) throw { code: "notFound", message: `No session story ${storyId}` };
      return found;
    };
    const round = (roundId: string) => {
      const found = s.rounds.find((r) => r.id === roundId);
      if (!found) throw { code: "notFound", message: `No round ${roundId}` };
      return found;
    };
    const agendaItem = (itemId: string) => {
      const found = s.agenda.find((item) => item.id === itemId);
      if (!found) throw { code: "notFound", message: `No agenda item ${itemId}` };
      return found;
    };
    switch (edit.kind) {
      case "setSessionTimebox":
        s.timeboxMinutes = edit.minutes;
        return "Set timebox";
      case "endSession":
        s.endedAt = Date.now();
        return "End session";
      case "addAgendaItem":
        s.agenda.push({ id: id("g"), title: edit.title, startMinute: edit.startMinute, endMinute: edit.endMinute });
        return "Add agenda item";
      case "renameAgendaItem":
        agendaItem(edit.itemId).title = edit.title;
        return "Rename agenda item";
      case "retimeAgendaItem":
        Object.assign(agendaItem(edit.itemId), { startMinute: edit.startMinute, endMinute: edit.endMinute });
        return "Retime agenda item";
      case "deleteAgendaItem":
        s.agenda = s.agenda.filter((item) => item.id !== edit.itemId);
        return "Delete agenda item";
      case "moveAgendaItem": {
        const item = agendaItem(edit.itemId);
        s.agenda = s.agenda.filter((other) => other !== item);
        s.agenda.splice(edit.toIndex, 0, item);
        return "Move agenda item";
      }
      case "addSessionStory":
        s.stories.push({ storyId: edit.storyId, state: "pending", parkedReason: null, reader: null });
        dealReaders(s);
        return "Add to session";
      case "removeSessionStory":
        s.stories = s.stories.filter((x) => x.storyId !== edit.storyId);
        return "Remove from session";
      case "moveSessionStory": {
        const moved = entry(edit.storyId);
        s.stories = s.stories.filter((x) => x !== moved);
        s.stories.splice(edit.toIndex, 0, moved);
        return "Move session story";
      }
      case "focusSessionStory":
        for (const x of s.stories) if (x.state === "discussing") x.state = "pending";
        s.focus = edit.storyId;
        if (edit.storyId !== null && entry(edit.storyId).state === "pending") entry(edit.storyId).state = "discussing";
        return "Focus story";
      case "markSessionStoryRefined":
        entry(edit.storyId).state = "refined";
        return "Mark refined";
      case "parkSessionStory":
        Object.assign(entry(edit.storyId), { state: "parked", parkedReason: edit.reason });
        return "Park story";
      case "addSessionNote":
        s.notes.push({ id: id("note"), storyId: edit.storyId, kind: edit.noteKind, text: edit.text, at: new Date().toISOString(), author: "Ann" });
        return "Add note";
      case "addParticipant":
        s.participants.push({ id: id("p"), name: edit.name, skipsReading: false });
        dealReaders(s);
        return "Add participant";
      case "removeParticipant":
        s.participants = s.participants.filter((p) => p.id !== edit.participantId);
        dealReaders(s);
        return "Remove participant";
      case "setReader":
        entry(edit.storyId).reader = edit.participantId;
        return "Set reader";
      case "skipReader": {
        const who = s.participants.find((p) => p.id === edit.participantId);
        if (who) who.skipsReading = edit.skip;
        dealReaders(s);
        return edit.skip ? "Skip reader" : "Reads again";
      }
      case "setSessionDeck":
        s.deck = edit.deck;
        return "Set deck";
      case "newPokerRound":
        s.rounds.push({ id: id("round"), storyId: edit.storyId, number: s.rounds.filter((r) => r.storyId === edit.storyId).length + 1, votes: new Map(), revealed: false, accepted: null });
        return "New round";
      case "castVote":
        round(edit.roundId).votes.set(edit.participantId, edit.value);
        return "Vote";
      case "revealVotes":
        round(edit.roundId).revealed = true;
        return "Reveal votes";
      case "acceptEstimate": {
        const r = round(edit.roundId);
        r.accepted = edit.estimate;
        const story = map.stories.find((candidate) => candidate.id === r.storyId);
        if (story) story.estimate = edit.estimate;
        return "Accept estimate";
      }
    }
  }

  private of(mapId: string): Session[] {
    let list = this.byMap.get(mapId);
    if (!list) {
      list = [];
      this.byMap.set(mapId, list);
    }
    return list;
  }

  private find(mapId: string, sessionId: string): Session {
    const found = this.of(mapId).find((s) => s.id === sessionId);
    if (!found) throw { code: "notFound", message: `No session ${sessionId}` };
    return found;
  }
}

/** A rough stand-in for Rust's poker statistics, on the deck's order. */
function stats(votes: Map<string, string>, cards: string[]): PokerStatsView {
  const sizing = [...votes].filter(([, value]) => value !== "?" && value !== "☕");
  const indexes = sizing.map(([, value]) => cards.indexOf(value)).sort((a, b) => a - b);
  const middle = indexes[Math.floor((indexes.length - 1) / 2)];
  const median = middle === undefined ? null : (cards[middle] ?? null);
  const low = indexes[0];
  const high = indexes.at(-1);
  return {
    votes: votes.size,
    median,
    min: low === undefined ? null : (cards[low] ?? null),
    max: high === undefined ? null : (cards[high] ?? null),
    spread: low === undefined || high === undefined ? 0 : high - low,
    outliers: middle === undefined ? [] : sizing.filter(([, value]) => Math.abs(cards.indexOf(value) - middle) >= 2).map(([id]) => id),
    unknown: [...votes.values()].filter((value) => value === "?").length,
    coffee: [...votes.values()].filter((value) => value === "☕").length,
    consensus: low !== undefined && low === high,
  };
}

/**
 * A stand-in for Rust's rotation: the stories not read yet (pending, not in focus; at the start
 * every story) get the participants who read, in turn.
 */
function dealReaders(s: Session, all = false): void {
  const rotation = s.participants.filter((p) => !p.skipsReading);
  const pending = s.stories.filter((x) => all || (x.state === "pending" && x.storyId !== s.focus));
  pending.forEach((x, index) => {
    x.reader = rotation.length === 0 ? null : (rotation[index % rotation.length]?.id ?? null);
  });
}

function readerCredits(s: Session): Array<{ name: string; stories: string[] }> {
  const credits: Array<{ name: string; stories: string[] }> = [];
  for (const x of s.stories.filter((story) => story.state !== "pending")) {
    const name = s.participants.find((p) => p.id === x.reader)?.name;
    if (name === undefined) continue;
    const credit = credits.find((c) => c.name === name);
    if (credit) credit.stories.push(x.storyId);
    else credits.push({ name, stories: [x.storyId] });
  }
  return credits;
}

/** Rust's `objective_label` for the fake only: "Faster checkout (committed, value 8)". */
function objectiveLabel(map: MapView, objectiveId: string | undefined): string | null {
  const objective = map.objectives.find((o) => o.id === objectiveId);
  if (!objective) return null;
  return `${objective.title} (${objective.committed ? "committed" : "stretch"}, value ${objective.businessValue.toString()})`;
}
