import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { criterionStepIndex, dependencyCandidates, mapLabels, wsjfFormula, wsjfScoreLabel } from "./refinement";

describe("refinement words", () => {
  it("writes the WSJF score with its parts", () => {
    expect(wsjfFormula({ costOfDelay: 13, jobSize: 3, jobSizeFromEstimate: true, score: 4.333, heat: 4 })).toBe("13 ÷ 3 = 4.3");
    expect(wsjfScoreLabel(null)).toBe("–");
    expect(wsjfScoreLabel({ costOfDelay: 10, jobSize: 2, jobSizeFromEstimate: false, score: 5, heat: 4 })).toBe("5");
  });

  it("finds other stories to depend on by title, leaving out itself and those linked", () => {
    const stories = sampleMap().stories;
    const ids = (query: string, linked: string[] = []) =>
      dependencyCandidates(stories, { id: "st-1" }, linked, query).map((story) => story.id);
    expect(ids("BY")).toEqual(["st-2", "st-4", "st-5"]);
    expect(ids("by", ["st-4"])).toEqual(["st-2", "st-5"]);
    expect(ids("per kg")).toEqual([]);
    expect(ids("")).toHaveLength(4);
  });

  it("moves a criterion one step within the list, not past its ends", () => {
    expect(criterionStepIndex(["a", "b", "c"], "b", -1)).toBe(0);
    expect(criterionStepIndex(["a", "b", "c"], "b", 1)).toBe(2);
    expect(criterionStepIndex(["a", "b", "c"], "a", -1)).toBeNull();
    expect(criterionStepIndex(["a", "b", "c"], "c", 1)).toBeNull();
  });

  it("lists the map's labels once each, sorted", () => {
    const stories = sampleMap().stories.map((story, index) => ({ ...story, labels: index % 2 ? ["ux", "api"] : ["ux"] }));
    expect(mapLabels(stories)).toEqual(["api", "ux"]);
  });
});
