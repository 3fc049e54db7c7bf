//! The words and scales the refinement screens offer: estimate cards, WSJF scores, INVEST
//! letters, whose input a story waits for. Readiness itself is computed by the core, never here.
import type { InvestLetter } from "../bindings/InvestLetter";
import type { StoryView } from "../bindings/StoryView";
import type { WsjfPart } from "../bindings/WsjfPart";
import type { WsjfScoreView } from "../bindings/WsjfScoreView";

// The scales come from the Rust that checks them.
export { POINT_SCALE, TSHIRT_SIZES, UNKNOWN_ESTIMATE, WSJF_SCALE } from "../bindings/rules";

export const WSJF_PARTS: ReadonlyArray<{ part: WsjfPart; label: string; hint: string }> = [
  { part: "value", label: "User / business value", hint: "How much do users or the business gain?" },
  { part: "timeCriticality", label: "Time criticality", hint: "Does the value fall off if we wait?" },
  { part: "riskReduction", label: "Risk reduction / opportunity", hint: "Does it lower risk or enable other work?" },
  { part: "jobSize", label: "Job size", hint: "Follows the estimate unless scored here." },
];

export const INVEST_LETTERS: ReadonlyArray<{ letter: InvestLetter; initial: string; name: string }> = [
  { letter: "independent", initial: "I", name: "Independent" },
  { letter: "negotiable", initial: "N", name: "Negotiable" },
  { letter: "valuable", initial: "V", name: "Valuable" },
  { letter: "estimable", initial: "E", name: "Estimable" },
  { letter: "small", initial: "S", name: "Small" },
  { letter: "testable", initial: "T", name: "Testable" },
];

export function investName(letter: InvestLetter): string {
  return INVEST_LETTERS.find((item) => item.letter === letter)?.name ?? letter;
}

/** Whose input a story commonly waits for; anything else is typed in. */
export const INPUT_SOURCES = ["UX", "Architecture", "Legal"] as const;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toString() : value.toFixed(1);
}

/** "13 ÷ 3 = 4.3": the score with its parts, as the core computed it. */
export function wsjfFormula(score: WsjfScoreView): string {
  return `${formatNumber(score.costOfDelay)} ÷ ${formatNumber(score.jobSize)} = ${formatNumber(score.score)}`;
}

export function wsjfScoreLabel(score: WsjfScoreView | null): string {
  return score === null ? "–" : formatNumber(score.score);
}

/**
 * Other stories whose title contains `query` (any case), leaving out the story itself and
 * those already linked, at most `limit`, in map order.
 */
export function dependencyCandidates(
  stories: readonly StoryView[],
  story: Pick<StoryView, "id">,
  linked: readonly string[],
  query: string,
  limit = 8,
): StoryView[] {
  const needle = query.trim().toLowerCase();
  const skip = new Set([story.id, ...linked]);
  return stories
    .filter((other) => !skip.has(other.id) && (needle === "" || other.title.toLowerCase().includes(needle)))
    .slice(0, limit);
}

/** The index among the other criteria a criterion moves to by one step, or `null` at the edge. */
export function criterionStepIndex(ids: readonly string[], id: string, delta: -1 | 1): number | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= ids.length) return null;
  return to;
}

/** Every label used on the map, sorted, for suggestions. */
export function mapLabels(stories: readonly StoryView[]): string[] {
  return [...new Set(stories.flatMap((story) => story.labels))].sort((a, b) => a.localeCompare(b));
}
