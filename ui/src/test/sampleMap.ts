import type { MapSettingsView } from "../bindings/MapSettingsView";
import type { MapView } from "../bindings/MapView";
import type { RefinementView } from "../bindings/RefinementView";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StoryStatus } from "../bindings/StoryStatus";
import type { StoryView } from "../bindings/StoryView";
import rustSampleJson from "./fixtures/sample-map.json";

export function story(
  id: string,
  title: string,
  activityId: string,
  stepId: string,
  releaseId: string,
  status: StoryStatus = "idea",
  estimate: string | null = null,
  rank: string = id,
): StoryView {
  return {
    id,
    title,
    description: "",
    activityId,
    stepId,
    releaseId,
    rank,
    status,
    estimate,
    acceptanceCriteria: [],
    asA: "",
    iWant: "",
    soThat: "",
    why: "",
    notes: "",
    notesPrivate: false,
    labels: [],
    flags: [],
    blockedReason: null,
    parkedReason: null,
    needsInputFrom: null,
    wsjf: { value: null, timeCriticality: null, riskReduction: null, jobSize: null },
    dependsOn: [],
    readyChecks: [],
    splitFrom: null,
    splitFromTitle: null,
    comments: [],
    links: [],
    externalDependencies: [],
    refinement: notRefined(),
  };
}

/** A refinement that passes nothing yet; the fake backend computes the real one. */
export function notRefined(): RefinementView {
  return {
    ready: false,
    points: null,
    dor: [],
    invest: [],
    tooBigOrVague: false,
    wsjf: null,
    openDependencies: [],
    dependencyWarnings: [],
    dependents: [],
    crossTeamWarnings: [],
    servesPersonaId: null,
  };
}

/** The settings a new map starts with (as in the Rust core). */
export function defaultSettings(): MapSettingsView {
  return {
    definitionOfReady: [
      { id: "dor-why", text: "The why is clear", rule: "whyClear" },
      { id: "dor-criteria", text: "Acceptance criteria are explicit", rule: "criteriaExplicit" },
      { id: "dor-estimated", text: "Estimated by the team", rule: "estimated" },
      { id: "dor-dependencies", text: "Dependencies are known", rule: "dependenciesKnown" },
      { id: "dor-small", text: "Small enough for a sprint", rule: "smallEnough" },
      { id: "dor-unblocked", text: "No open blocker", rule: "noOpenBlocker" },
      { id: "dor-questions", text: "No open questions", rule: null },
    ],
    velocity: null,
    sprintLengthDays: 10,
    readyTargetSprints: { min: 1, max: 2 },
    tshirtPoints: [
      { size: "XS", points: 1 },
      { size: "S", points: 2 },
      { size: "M", points: 3 },
      { size: "L", points: 5 },
      { size: "XL", points: 8 },
      { size: "XXL", points: 13 },
    ],
    statusLabels: [
      { status: "idea", label: "Idea" },
      { status: "draft", label: "Draft" },
      { status: "refining", label: "Refining" },
      { status: "ready", label: "Ready" },
      { status: "inSprint", label: "In sprint" },
      { status: "done", label: "Done" },
    ],
    smallLimit: 8,
    labelColors: {},
    labelTextColors: {},
  };
}

export function release(id: string, title: string, rank: string): ReleaseView {
  return { id, title, rank, rollup: { stories: 0, points: 0, unestimated: 0, ready: 0, done: 0 } };
}

/**
 * The sample map as Rust refines it (`fixtures/sample-map.json`, written by the Rust test
 * `crates/storymap-api/tests/ui_fixtures`): each story's refinement and each slice's roll-up.
 */
function refinedByRust(view: MapView): MapView {
  const rust = rustSampleJson as unknown as MapView;
  for (const item of view.stories) {
    const refinement = rust.stories.find((other) => other.id === item.id)?.refinement;
    if (refinement) item.refinement = structuredClone(refinement);
  }
  for (const slice of view.releases) {
    const rollup = rust.releases.find((other) => other.id === slice.id)?.rollup;
    if (rollup) slice.rollup = { ...rollup };
  }
  return view;
}

/** A small grocery-shop map, in display order as the backend sends it, refined by Rust. */
export function sampleMap(): MapView {
  return refinedByRust({
    schemaVersion: 1,
    map: { id: "map-1", name: "Online grocery shop" },
    activities: [
      {
        id: "a-discover",
        title: "Discover products",
        rank: "a",
        steps: [
          { id: "s-browse", title: "Browse", rank: "a" },
          { id: "s-search", title: "Search", rank: "b" },
        ],
      },
      {
        id: "a-checkout",
        title: "Check out",
        rank: "b",
        steps: [{ id: "s-pay", title: "Pay", rank: "a" }],
      },
    ],
    releases: [
      // Roll-ups from Rust.
      release("r-mvp", "MVP", "a"),
      release("r-2", "Release 2", "b"),
    ],
    stories: [
      // Listed out of order inside a cell: the UI orders cards by rank.
      story("st-1", "See prices per kg", "a-discover", "s-browse", "r-mvp", "refining", null, "b"),
      story("st-2", "Browse by aisle", "a-discover", "s-browse", "r-mvp", "done", "3", "a"),
      story("st-3", "Seasonal picks", "a-discover", "s-browse", "r-2"),
      story("st-4", "Search by name", "a-discover", "s-search", "r-mvp", "ready", "5"),
      story("st-5", "Pay by card", "a-checkout", "s-pay", "r-mvp", "ready", "M"),
    ],
    objectives: [],
    personas: [],
    settings: defaultSettings(),
  });
}

export function emptyMap(): MapView {
  return {
    schemaVersion: 1,
    map: { id: "map-empty", name: "Loyalty programme" },
    activities: [],
    releases: [release("r-e-mvp", "MVP", "a")],
    stories: [],
    objectives: [],
    personas: [],
    settings: defaultSettings(),
  };
}
