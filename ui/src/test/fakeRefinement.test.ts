import { describe, expect, it } from "vitest";
import type { BacklogQuery } from "../bindings/BacklogQuery";
import type { BacklogView } from "../bindings/BacklogView";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import { FakeBackend } from "./fakeBackend";
import type { HealthView } from "../bindings/HealthView";
import { fakeBacklog } from "./fakeBacklog";
import { fakeHealth } from "./fakeHealth";
import { refine, refineAll } from "./fakeRefinement";
import { sampleMap } from "./sampleMap";
import rulesBacklogJson from "./fixtures/rules-backlog.json";
import rulesHealthJson from "./fixtures/rules-health.json";
import rulesMapJson from "./fixtures/rules-map.json";
import sampleMapJson from "./fixtures/sample-map.json";

// Written by Rust (`UPDATE_BINDINGS=1 cargo test -p storymap-api --test ui_fixtures`): a map
// whose stories exercise every refinement rule, with each story's refinement as Rust computes
// it; the backlog Rust answers to a set of queries on it; and the UI's sample map as Rust
// refines it. The fake backend's copy of the rules must give the same answers.
const rulesMap = rulesMapJson as unknown as MapView;
const rulesBacklog = rulesBacklogJson as unknown as Array<{ name: string; query: BacklogQuery; view: BacklogView }>;
const rustSample = sampleMapJson as unknown as MapView;
const rulesHealth = rulesHealthJson as unknown as Array<{ name: string; velocity?: number; target?: { min: number; max: number }; view: HealthView }>;

/** What the rules read from a story: the sample must be the same map on both sides. */
function inputs(story: StoryView) {
  const { title, activityId, stepId, releaseId, status, estimate, acceptanceCriteria, soThat, why, labels } = story;
  const { blockedReason, parkedReason, needsInputFrom, wsjf, dependsOn, readyChecks } = story;
  const criteria = acceptanceCriteria.map(({ text, given, when, then }) => ({ text, given, when, then }));
  return { title, activityId, stepId, releaseId, status, estimate, criteria, soThat, why, labels, blockedReason, parkedReason, needsInputFrom, wsjf, dependsOn, readyChecks };
}

const byId = (view: MapView) => new Map(view.stories.map((story) => [story.id, story]));

describe("the fake backend's refinement agrees with Rust", () => {
  it("covers every rule in the fixture", () => {
    const refinements = rulesMap.stories.map((story) => story.refinement);
    expect(refinements.some((item) => item.ready)).toBe(true);
    expect(refinements.some((item) => item.tooBigOrVague)).toBe(true);
    expect(new Set(refinements.flatMap((item) => item.dor.filter((check) => !check.passed).map((check) => check.itemId))).size).toBe(
      rulesMap.settings.definitionOfReady.length,
    );
    expect(new Set(refinements.flatMap((item) => item.invest.filter((hint) => hint.verdict !== "pass").map((hint) => hint.letter))).size).toBe(6);
    expect(refinements.some((item) => item.wsjf?.jobSizeFromEstimate === true)).toBe(true);
    expect(refinements.some((item) => item.wsjf?.jobSizeFromEstimate === false)).toBe(true);
    expect(refinements.some((item) => item.dependencyWarnings.length > 1)).toBe(true);
  });

  it.each(rulesMap.stories.map((story) => [story.id, story] as const))("refines %s like Rust", (_id, story) => {
    expect(refine(story, rulesMap)).toEqual(story.refinement);
  });

  it("rolls the slices up like Rust", () => {
    const view = structuredClone(rulesMap);
    refineAll(view);
    expect(view.releases).toEqual(rulesMap.releases);
    expect(view.stories).toEqual(rulesMap.stories);
  });

  it.each(rulesBacklog.map((item) => [item.name, item] as const))("answers the backlog '%s' like Rust", (_name, item) => {
    expect(fakeBacklog(rulesMap, item.query)).toEqual(item.view);
  });
});

describe("the fake backend's backlog health agrees with Rust", () => {
  it.each(rulesHealth.map((item) => [item.name, item] as const))("weighs the backlog with %s like Rust", (_name, item) => {
    const view = structuredClone(rulesMap);
    view.settings.velocity = item.velocity ?? null;
    if (item.target) view.settings.readyTargetSprints = item.target;
    expect(fakeHealth(view)).toEqual(item.view);
  });
});

describe("the sample map", () => {
  it("is the map Rust refined for the fixture", () => {
    const rust = byId(rustSample);
    const sample = sampleMap();
    expect(sample.stories.map((story) => story.id).sort()).toEqual([...rust.keys()].sort());
    for (const story of sample.stories) expect(inputs(story)).toEqual(inputs(rust.get(story.id) ?? story));
    expect(sample.activities.map(({ id, title, steps }) => ({ id, title, steps: steps.map((step) => step.id) }))).toEqual(
      rustSample.activities.map(({ id, title, steps }) => ({ id, title, steps: steps.map((step) => step.id) })),
    );
    expect(sample.releases.map(({ id, title }) => ({ id, title }))).toEqual(rustSample.releases.map(({ id, title }) => ({ id, title })));
  });

  it("starts with Rust's refinement and roll-ups, and the fake backend keeps them", async () => {
    const rust = byId(rustSample);
    const sample = sampleMap();
    for (const story of sample.stories) expect(story.refinement).toEqual(rust.get(story.id)?.refinement);
    expect(sample.releases.map((slice) => slice.rollup)).toEqual(rustSample.releases.map((slice) => slice.rollup));
    const opened = await new FakeBackend().openStartMap();
    for (const story of opened.stories) expect(story.refinement).toEqual(rust.get(story.id)?.refinement);
    expect(opened.releases.map((slice) => slice.rollup)).toEqual(rustSample.releases.map((slice) => slice.rollup));
  });
});
