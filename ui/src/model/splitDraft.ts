//! A split being prepared: the children's titles and which child each acceptance criterion
//! goes to (every criterion to exactly one child; the first by default).
import { SPLIT_MAX_STORIES, SPLIT_MIN_STORIES } from "../bindings/rules";
import type { SplitChildInput } from "../bindings/SplitChildInput";

/** The split's limits, as the core enforces them. */
export const MIN_CHILDREN = SPLIT_MIN_STORIES;
export const MAX_CHILDREN = SPLIT_MAX_STORIES;

export interface SplitDraft {
  titles: string[];
  /** Criterion id → index of the child it goes to. */
  owners: Record<string, number>;
}

function fit(titles: readonly string[]): string[] {
  const kept = titles.slice(0, MAX_CHILDREN);
  while (kept.length < MIN_CHILDREN) kept.push("");
  return kept;
}

/** A fresh draft: these titles (two to ten), every criterion with the first child. */
export function newSplitDraft(titles: readonly string[], criterionIds: readonly string[]): SplitDraft {
  return { titles: fit(titles), owners: Object.fromEntries(criterionIds.map((id) => [id, 0])) };
}

/** The draft with new titles (a pattern picked), keeping criteria with children that remain. */
export function withTitles(draft: SplitDraft, titles: readonly string[]): SplitDraft {
  const next = fit(titles);
  const owners = Object.fromEntries(
    Object.entries(draft.owners).map(([id, owner]) => [id, owner < next.length ? owner : 0]),
  );
  return { titles: next, owners };
}

export function renameChild(draft: SplitDraft, index: number, title: string): SplitDraft {
  return { ...draft, titles: draft.titles.map((old, at) => (at === index ? title : old)) };
}

export function addChild(draft: SplitDraft): SplitDraft {
  if (draft.titles.length >= MAX_CHILDREN) return draft;
  return { ...draft, titles: [...draft.titles, ""] };
}

/** Removes a child; its criteria go back to the first child. */
export function removeChild(draft: SplitDraft, index: number): SplitDraft {
  if (draft.titles.length <= MIN_CHILDREN || index < 0 || index >= draft.titles.length) return draft;
  const owners = Object.fromEntries(
    Object.entries(draft.owners).map(([id, owner]) => [id, owner === index ? 0 : owner > index ? owner - 1 : owner]),
  );
  return { titles: draft.titles.filter((_, at) => at !== index), owners };
}

/** Ticks a criterion for a child (taking it from the others); unticking gives it to the first. */
export function assignCriterion(draft: SplitDraft, criterionId: string, child: number, on: boolean): SplitDraft {
  if (!(criterionId in draft.owners)) return draft;
  const owner = on ? child : draft.owners[criterionId] === child ? 0 : (draft.owners[criterionId] ?? 0);
  return { ...draft, owners: { ...draft.owners, [criterionId]: owner } };
}

/** Why the split cannot be confirmed yet, or `null`. */
export function splitProblem(draft: SplitDraft): string | null {
  const empty = draft.titles.findIndex((title) => title.trim() === "");
  if (empty !== -1) return `Give story ${(empty + 1).toString()} a title.`;
  return null;
}

/** What `splitStory` sends: trimmed titles, each with its criteria in the story's order. */
export function splitChildren(draft: SplitDraft, criterionIds: readonly string[]): SplitChildInput[] {
  return draft.titles.map((title, index) => ({
    title: title.trim(),
    criterionIds: criterionIds.filter((id) => (draft.owners[id] ?? 0) === index),
  }));
}
