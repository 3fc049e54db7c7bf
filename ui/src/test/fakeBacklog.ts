//! The backlog for the fake backend (Vitest only): the map's stories in backlog order, filtered
//! and sorted, with the headline, as the Rust core answers it. Checked against Rust's answers
//! in `fakeRefinement.test.ts`.
import type { BacklogQuery } from "../bindings/BacklogQuery";
import type { BacklogView } from "../bindings/BacklogView";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import { matchesObjective, objectivePosition } from "./fakeObjectives";
import { compareKeys, mapIndex } from "./fakeRefinement";

const isBlocked = (story: StoryView) => story.blockedReason !== null || story.parkedReason !== null;

function matches(view: MapView, story: StoryView, query: BacklogQuery): boolean {
  return (
    matchesObjective(view, story, query.objective) &&
    (query.crossTeam === null || story.externalDependencies.some((d) => d.status !== "done") === query.crossTeam) &&
    (query.releaseId === null || story.releaseId === query.releaseId) &&
    (query.activityId === null || story.activityId === query.activityId) &&
    (query.status === null || story.status === query.status) &&
    (query.label === null || story.labels.includes(query.label)) &&
    (query.flag === null || story.flags.includes(query.flag)) &&
    (query.ready === null || story.refinement.ready === query.ready) &&
    (query.blocked === null || isBlocked(story) === query.blocked)
  );
}

/** Ascending, with `null` last. */
function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

const failing = (story: StoryView) => story.refinement.dor.filter((check) => !check.passed).length;

const SORTS: Record<Exclude<BacklogQuery["sort"], "objective">, ((a: StoryView, b: StoryView) => number) | null> = {
  rank: null,
  wsjf: (a, b) => nullsLast(negated(a.refinement.wsjf?.score), negated(b.refinement.wsjf?.score)),
  readiness: (a, b) => Number(b.refinement.ready) - Number(a.refinement.ready) || failing(a) - failing(b),
  estimate: (a, b) => nullsLast(a.refinement.points, b.refinement.points),
};

function negated(score: number | undefined): number | null {
  return score === undefined ? null : -score;
}

/** "12 ready (34 pts), 3 blocked, 2 need input", leaving out what is zero. */
export function headline(ready: number, readyPoints: number, blocked: number, needsInput: number): string {
  const points = Number.isInteger(readyPoints) ? readyPoints.toString() : readyPoints.toFixed(1);
  const parts = [`${ready.toString()} ready (${points} pts)`];
  if (blocked > 0) parts.push(`${blocked.toString()} blocked`);
  if (needsInput > 0) parts.push(`${needsInput.toString()} ${needsInput === 1 ? "needs" : "need"} input`);
  return parts.join(", ");
}

/** The backlog in map order (slice, step, rank, id), filtered, then sorted (stably) by the query's sort. */
export function fakeBacklog(view: MapView, query: BacklogQuery): BacklogView {
  const index = mapIndex(view);
  const rows = view.stories
    .filter((story) => matches(view, story, query))
    .sort((a, b) => compareKeys(index.key(a), index.key(b)));
  const byObjective = (a: StoryView, b: StoryView) => {
    const [pa, pb] = [objectivePosition(view, a), objectivePosition(view, b)];
    return pa === pb ? 0 : pa - pb;
  };
  const sort = query.sort === "objective" ? byObjective : SORTS[query.sort];
  if (sort) rows.sort(sort);
  const ready = rows.filter((story) => story.refinement.ready);
  const readyPoints = ready.reduce((sum, story) => sum + (story.refinement.points ?? 0), 0);
  const blocked = rows.filter(isBlocked).length;
  const needsInput = rows.filter((story) => story.needsInputFrom !== null).length;
  return {
    storyIds: rows.map((story) => story.id),
    stories: rows.length,
    ready: ready.length,
    readyPoints,
    blocked,
    needsInput,
    headline: headline(ready.length, readyPoints, blocked, needsInput),
  };
}
