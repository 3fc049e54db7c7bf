import type { MapView } from "../bindings/MapView";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StoryStatus } from "../bindings/StoryStatus";
import type { StoryView } from "../bindings/StoryView";

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
  };
}

export function release(id: string, title: string, rank: string): ReleaseView {
  return { id, title, rank, rollup: { stories: 0, points: 0, unestimated: 0, ready: 0, done: 0 } };
}

/** A small grocery-shop map, in display order as the backend sends it. */
export function sampleMap(): MapView {
  return {
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
      { id: "r-mvp", title: "MVP", rank: "a", rollup: { stories: 4, points: 8, unestimated: 2, ready: 2, done: 1 } },
      { id: "r-2", title: "Release 2", rank: "b", rollup: { stories: 1, points: 0, unestimated: 1, ready: 0, done: 0 } },
    ],
    stories: [
      // Listed out of order inside a cell: the UI orders cards by rank.
      story("st-1", "See prices per kg", "a-discover", "s-browse", "r-mvp", "refining", null, "b"),
      story("st-2", "Browse by aisle", "a-discover", "s-browse", "r-mvp", "done", "3", "a"),
      story("st-3", "Seasonal picks", "a-discover", "s-browse", "r-2"),
      story("st-4", "Search by name", "a-discover", "s-search", "r-mvp", "ready", "5"),
      story("st-5", "Pay by card", "a-checkout", "s-pay", "r-mvp", "ready", "M"),
    ],
  };
}

export function emptyMap(): MapView {
  return {
    schemaVersion: 1,
    map: { id: "map-empty", name: "Loyalty programme" },
    activities: [],
    releases: [release("r-e-mvp", "MVP", "a")],
    stories: [],
  };
}
