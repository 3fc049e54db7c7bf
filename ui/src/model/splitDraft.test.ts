import { describe, expect, it } from "vitest";
import {
  addChild,
  assignCriterion,
  MAX_CHILDREN,
  newSplitDraft,
  removeChild,
  renameChild,
  splitChildren,
  splitProblem,
  withTitles,
} from "./splitDraft";

const criteria = ["c1", "c2", "c3"];

describe("split draft", () => {
  it("starts with two to ten children and every criterion on the first", () => {
    const draft = newSplitDraft(["Only one"], criteria);
    expect(draft.titles).toEqual(["Only one", ""]);
    expect(splitChildren(draft, criteria)).toEqual([
      { title: "Only one", criterionIds: ["c1", "c2", "c3"] },
      { title: "", criterionIds: [] },
    ]);
    const many = newSplitDraft(Array.from({ length: 12 }, (_, i) => `S${i.toString()}`), []);
    expect(many.titles).toHaveLength(MAX_CHILDREN);
  });

  it("gives each criterion to exactly one child", () => {
    let draft = newSplitDraft(["A", "B", "C"], criteria);
    draft = assignCriterion(draft, "c2", 1, true);
    draft = assignCriterion(draft, "c3", 2, true);
    draft = assignCriterion(draft, "c3", 1, true);
    expect(splitChildren(draft, criteria).map((child) => child.criterionIds)).toEqual([["c1"], ["c2", "c3"], []]);
    // Unticking returns it to the first child; unticking elsewhere changes nothing.
    draft = assignCriterion(draft, "c2", 2, false);
    expect(draft.owners.c2).toBe(1);
    draft = assignCriterion(draft, "c2", 1, false);
    expect(draft.owners.c2).toBe(0);
  });

  it("hands a removed child's criteria back to the first and shifts the later ones", () => {
    let draft = newSplitDraft(["A", "B", "C"], criteria);
    draft = assignCriterion(draft, "c1", 1, true);
    draft = assignCriterion(draft, "c2", 2, true);
    draft = removeChild(draft, 1);
    expect(draft.titles).toEqual(["A", "C"]);
    expect(draft.owners).toEqual({ c1: 0, c2: 1, c3: 0 });
    expect(removeChild(draft, 0).titles).toEqual(["A", "C"]); // never below two
  });

  it("keeps criteria with children that survive a new pattern", () => {
    let draft = newSplitDraft(["A", "B", "C"], criteria);
    draft = assignCriterion(draft, "c1", 2, true);
    draft = assignCriterion(draft, "c2", 1, true);
    draft = withTitles(draft, ["X", "Y"]);
    expect(draft.owners).toEqual({ c1: 0, c2: 1, c3: 0 });
  });

  it("asks for a title on every child and trims them", () => {
    let draft = addChild(newSplitDraft(["A", "B"], []));
    expect(splitProblem(draft)).toBe("Give story 3 a title.");
    draft = renameChild(draft, 2, "  C  ");
    expect(splitProblem(draft)).toBeNull();
    expect(splitChildren(draft, []).map((child) => child.title)).toEqual(["A", "B", "C"]);
  });
});
