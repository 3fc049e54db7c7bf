import type { MapView } from "../bindings/MapView";
import type { StoryStatus } from "../bindings/StoryStatus";
import type { StoryView } from "../bindings/StoryView";

export function story(
  id: string,
  title: string,
  activityId: string,
  stepId: string,
  releaseId: string,
  status: StoryStatus = "todo",
  estimate: string | null = null,
): StoryView {
  return {
    id,
    title,
    description: "",
    activityId,
    stepId,
    releaseId,
    rank: id,
    status,
    estimate,
    acceptanceCriteria: [],
  };
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
      { id: "r-mvp", title: "MVP", rank: "a" },
      { id: "r-2", title: "Release 2", rank: "b" },
    ],
    stories: [
      // Deliberately not in rank order inside a cell: the UI must keep the given order.
      story("st-2", "Browse by aisle", "a-discover", "s-browse", "r-mvp", "done", "3"),
      story("st-1", "See prices per kg", "a-discover", "s-browse", "r-mvp", "inProgress"),
      story("st-3", "Seasonal picks", "a-discover", "s-browse", "r-2"),
      story("st-4", "Search by name", "a-discover", "s-search", "r-mvp", "todo", "5"),
      story("st-5", "Pay by card", "a-checkout", "s-pay", "r-mvp", "todo", "M"),
    ],
  };
}

export function emptyMap(): MapView {
  return {
    schemaVersion: 1,
    map: { id: "map-empty", name: "Loyalty programme" },
    activities: [],
    releases: [{ id: "r-e-mvp", title: "MVP", rank: "a" }],
    stories: [],
  };
}
