//! Refinement for the fake backend (Vitest only): readiness (Definition of Ready), INVEST hints,
//! WSJF, dependency warnings and the slices' roll-ups, as the Rust core words them. This is a
//! copy of the rules, so `fakeRefinement.test.ts` checks it against what Rust computes for the
//! maps in `fixtures/` (written by `crates/storymap-api/tests/ui_fixtures`): where they
//! disagree, Rust is right.
import { servesPersonaId } from "./fakePersonas";
import type { DorCheckView } from "../bindings/DorCheckView";
import type { DorRule } from "../bindings/DorRule";
import type { InvestHintView } from "../bindings/InvestHintView";
import type { MapSettingsView } from "../bindings/MapSettingsView";
import type { MapView } from "../bindings/MapView";
import type { RefinementView } from "../bindings/RefinementView";
import type { SliceRollup } from "../bindings/SliceRollup";
import type { SplitPatternView } from "../bindings/SplitPatternView";
import type { StoryView } from "../bindings/StoryView";
import type { WsjfScoreView } from "../bindings/WsjfScoreView";
import { POINT_SCALE, TSHIRT_SIZES, UNKNOWN_ESTIMATE, WSJF_SCALE } from "../bindings/rules";

const POINTS: readonly string[] = POINT_SCALE;
const SIZES: readonly string[] = TSHIRT_SIZES;
/** More criteria than this leave little to negotiate. */
const NEGOTIABLE_CRITERIA = 8;

const pointValue = (point: string) => (point === "½" ? 0.5 : Number(point));

/** The estimate as stored ("5", "½", "?", "XL"), or an error message like the core's. */
export function parseEstimate(text: string): string {
  const trimmed = text.trim();
  if (trimmed === UNKNOWN_ESTIMATE) return trimmed;
  const size = SIZES.find((item) => item === trimmed.toUpperCase());
  if (size !== undefined) return size;
  const number = trimmed === "½" ? 0.5 : trimmed === "" ? Number.NaN : Number(trimmed);
  const point = POINTS.find((item) => pointValue(item) === number);
  if (point !== undefined) return point;
  throw {
    code: "invalidInput",
    message: `'${trimmed}' is not an estimate: use story points (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100), ? or a T-shirt size (XS, S, M, L, XL, XXL)`,
  };
}

/** A stored estimate read leniently: one off today's scale counts as none. */
function readEstimate(estimate: string | null): string | null {
  if (estimate === null) return null;
  try {
    return parseEstimate(estimate);
  } catch {
    return null;
  }
}

/** The estimate in points, T-shirt sizes mapped by the map's table; `null` when unknown. */
export function pointsOf(estimate: string | null, settings: MapSettingsView): number | null {
  const read = readEstimate(estimate);
  if (read === null || read === UNKNOWN_ESTIMATE) return null;
  const size = settings.tshirtPoints.find((row) => row.size === read);
  return size ? size.points : pointValue(read);
}

/** A title quoted for a message, shortened past 60 characters. */
function quoted(title: string): string {
  const chars = Array.from(title);
  return `'${chars.slice(0, 60).join("")}${chars.length > 60 ? "…" : ""}'`;
}

/** The other stories as the rules need them: by id, and where each sits in the backlog. */
export interface MapIndex {
  byId: Map<string, StoryView>;
  /** Slice, step, rank, id: the backlog order. */
  key: (story: StoryView) => readonly [number, number, string, string];
  sliceTitle: (releaseId: string) => string;
  /** The stories that depend on each story, in map order. */
  dependents: Map<string, string[]>;
}

export function mapIndex(view: MapView): MapIndex {
  const slices = new Map(view.releases.map((slice, index) => [slice.id, index]));
  const steps = new Map(view.activities.flatMap((activity) => activity.steps).map((step, index) => [step.id, index]));
  const dependents = new Map<string, string[]>();
  for (const story of view.stories) {
    for (const id of story.dependsOn) dependents.set(id, [...(dependents.get(id) ?? []), story.id]);
  }
  return {
    dependents,
    byId: new Map(view.stories.map((story) => [story.id, story])),
    key: (story) => [slices.get(story.releaseId) ?? Infinity, steps.get(story.stepId) ?? Infinity, story.rank, story.id],
    sliceTitle: (releaseId) => view.releases.find((slice) => slice.id === releaseId)?.title ?? "?",
  };
}

/** Compares two backlog keys like a Rust tuple. */
export function compareKeys(a: readonly [number, number, string, string], b: readonly [number, number, string, string]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

interface Facts {
  story: StoryView;
  settings: MapSettingsView;
  index: MapIndex;
  estimate: string | null;
  points: number | null;
  criteria: number;
  why: boolean;
}

function dependencyProblems({ story, index }: Facts): string | null {
  const problems = story.dependsOn.flatMap((id) => {
    const other = index.byId.get(id);
    if (!other) return ["a story it depends on was deleted or split"];
    if (other.blockedReason !== null) return [`${quoted(other.title)} is blocked`];
    if (other.parkedReason !== null) return [`${quoted(other.title)} is parked`];
    return [];
  });
  return problems.length > 0 ? `Check its dependencies: ${problems.join("; ")}.` : null;
}

/** Why an automatic Definition-of-Ready rule fails, or `null` when it passes. */
function ruleFails(rule: DorRule, facts: Facts): string | null {
  const { story, settings, estimate, points } = facts;
  switch (rule) {
    case "whyClear":
      return facts.why ? null : "Add a 'so that' or why it matters.";
    case "criteriaExplicit":
      return facts.criteria > 0 ? null : "Add at least one acceptance criterion.";
    case "estimated":
      if (estimate === null) return "Not estimated yet.";
      return estimate === UNKNOWN_ESTIMATE ? "Estimated as '?': the team could not size it." : null;
    case "dependenciesKnown":
      return dependencyProblems(facts);
    case "smallEnough":
      if (points === null) return "Size unknown until it is estimated.";
      return points > settings.smallLimit ? tooBig(points, settings) : null;
    case "noOpenBlocker":
      if (story.blockedReason !== null) return `Blocked: ${story.blockedReason}`;
      return story.parkedReason === null ? null : `Parked: ${story.parkedReason}`;
  }
}

const tooBig = (points: number, settings: MapSettingsView) =>
  `${points.toString()} points is above the limit of ${settings.smallLimit.toString()} for a sprint: split it.`;

function definitionOfReady(facts: Facts): DorCheckView[] {
  return facts.settings.definitionOfReady.map((item) => {
    const detail = item.rule === null ? null : ruleFails(item.rule, facts);
    const passed = item.rule === null ? facts.story.readyChecks.includes(item.id) : detail === null;
    return { itemId: item.id, text: item.text, automatic: item.rule !== null, passed, detail: detail ?? "" };
  });
}

type Failure = [InvestHintView["verdict"], string] | null;

/** I: stories it depends on that are not done yet (a deleted one is not counted). */
function independent({ story, index }: Facts): Failure {
  const open = story.dependsOn.flatMap((id) => {
    const other = index.byId.get(id);
    return other && other.status !== "done" ? [quoted(other.title)] : [];
  });
  if (open.length === 0) return null;
  if (open.length === 1) return ["warn", `Depends on ${open.join("")}, not done yet.`];
  return ["warn", `Depends on ${open.length.toString()} stories not done yet: ${open.join(", ")}.`];
}

/** E and S: whether the team could size it, and whether that size fits a sprint. */
function estimableAndSmall({ settings, estimate, points }: Facts): [Failure, Failure] {
  const estimable: Failure =
    estimate === null
      ? ["fail", "Not estimated: can the team size it?"]
      : estimate === UNKNOWN_ESTIMATE
        ? ["fail", "Estimated as '?': something is unclear. A spike may help."]
        : null;
  const small: Failure =
    points === null
      ? ["warn", "Size unknown until estimated."]
      : points > settings.smallLimit
        ? ["fail", tooBig(points, settings)]
        : null;
  return [estimable, small];
}

function invest(facts: Facts): InvestHintView[] {
  const { criteria } = facts;
  const hint = (letter: InvestHintView["letter"], failure: Failure): InvestHintView =>
    failure ? { letter, verdict: failure[0], message: failure[1] } : { letter, verdict: "pass", message: "" };
  const negotiable: Failure =
    criteria > NEGOTIABLE_CRITERIA
      ? ["warn", `${criteria.toString()} acceptance criteria leave little to negotiate; is it a specification?`]
      : null;
  const [estimable, small] = estimableAndSmall(facts);
  return [
    hint("independent", independent(facts)),
    hint("negotiable", negotiable),
    hint("valuable", facts.why ? null : ["warn", "No 'so that' or why: whose value does it serve?"]),
    hint("estimable", estimable),
    hint("small", small),
    hint("testable", criteria > 0 ? null : ["fail", "No acceptance criteria: how will we know it is done?"]),
  ];
}

/** WSJF once value, time criticality and risk reduction are scored and a job size is known. */
function wsjf(story: StoryView, points: number | null): WsjfScoreView | null {
  const { value, timeCriticality, riskReduction, jobSize } = story.wsjf;
  if (value === null || timeCriticality === null || riskReduction === null) return null;
  if (jobSize === null && points === null) return null;
  const size = jobSize ?? WSJF_SCALE.find((item) => item >= (points ?? 0)) ?? 20;
  const costOfDelay = value + timeCriticality + riskReduction;
  const score = costOfDelay / Math.max(size, 1);
  // The levels' floors as the core's `WSJF_HEAT_FLOORS` sets them (1, 2, 4, 8).
  const heat = 1 + [1, 2, 4, 8].filter((floor) => score >= floor).length;
  return { costOfDelay, jobSize: size, jobSizeFromEstimate: jobSize === null, score, heat };
}

/** Dependencies not done yet planned after the story: in a later slice, or further down its slice. */
function orderWarnings(story: StoryView, index: MapIndex): string[] {
  const own = index.key(story);
  return story.dependsOn.flatMap((id) => {
    const other = index.byId.get(id);
    if (!other || other.status === "done") return [];
    const theirs = index.key(other);
    if (theirs[0] > own[0]) return [`Depends on ${quoted(other.title)}, planned in a later slice (${index.sliceTitle(other.releaseId)}).`];
    if (theirs[0] === own[0] && compareKeys(theirs, own) > 0) return [`Depends on ${quoted(other.title)}, which comes after it in the backlog.`];
    return [];
  });
}

/** What the core concludes about one story of `view`. */
export function refine(story: StoryView, view: MapView, index: MapIndex = mapIndex(view)): RefinementView {
  const estimate = readEstimate(story.estimate);
  const facts: Facts = {
    story,
    settings: view.settings,
    index,
    estimate,
    points: pointsOf(estimate, view.settings),
    criteria: story.acceptanceCriteria.filter((criterion) => criterion.text.trim() !== "").length,
    why: story.soThat.trim() !== "" || story.why.trim() !== "",
  };
  const dor = definitionOfReady(facts);
  const hints = invest(facts);
  return {
    ready: dor.every((check) => check.passed),
    points: facts.points,
    dor,
    invest: hints,
    tooBigOrVague: hints.filter((item) => item.verdict === "fail").length >= 2,
    wsjf: wsjf(story, facts.points),
    openDependencies: story.dependsOn.filter((id) => index.byId.get(id)?.status !== "done"),
    dependencyWarnings: orderWarnings(story, index),
    dependents: index.dependents.get(story.id) ?? [],
    // Judged by Rust on today's date; the fake leaves them out.
    crossTeamWarnings: [],
    servesPersonaId: servesPersonaId(story, view),
  };
}

/** Each slice's counts over its stories, readiness as refined. */
export function rollup(view: MapView, releaseId: string): SliceRollup {
  const stories = view.stories.filter((item) => item.releaseId === releaseId);
  const points = stories.map((item) => item.refinement.points).filter((value) => value !== null);
  return {
    stories: stories.length,
    points: points.reduce((sum, value) => sum + value, 0),
    unestimated: stories.length - points.length,
    ready: stories.filter((item) => item.refinement.ready).length,
    done: stories.filter((item) => item.status === "done").length,
  };
}

/** Every story's refinement and every slice's roll-up computed afresh from the map. */
export function refineAll(view: MapView): void {
  const index = mapIndex(view);
  for (const story of view.stories) story.refinement = refine(story, view, index);
  for (const slice of view.releases) slice.rollup = rollup(view, slice.id);
}

export function fakeSplitPatterns(title: string): SplitPatternView[] {
  return [
    {
      pattern: "workflowSteps",
      name: "Workflow steps",
      question: "Which steps of the workflow could ship on their own?",
      titles: [`${title}: first step`, `${title}: remaining steps`],
    },
    {
      pattern: "happyUnhappy",
      name: "Happy path first",
      question: "What is the simplest path that works, and which failures can wait?",
      titles: [`${title} (happy path)`, `${title} (errors and edge cases)`],
    },
    {
      pattern: "crud",
      name: "Operations (CRUD)",
      question: "Which operations does it bundle?",
      titles: [`Create: ${title}`, `View: ${title}`, `Change: ${title}`, `Remove: ${title}`],
    },
  ];
}
