import { describe, expect, it } from "vitest";
import type { MapChange } from "../bindings/MapChange";
import { sampleMap } from "../test/sampleMap";
import { initialState, storeReducer, type StoreState } from "./store";

const ready = (): StoreState => storeReducer(initialState, { type: "mapOpened", view: sampleMap() });

function storyOf(id: string) {
  const found = sampleMap().stories.find((story) => story.id === id);
  if (!found) throw new Error(`no story ${id}`);
  return found;
}

function teammateChange(overrides: Partial<MapChange> = {}): MapChange {
  const renamed = { ...storyOf("st-4"), title: "Search by name or brand" };
  return {
    mapId: "map-1",
    name: null,
    activities: null,
    releases: sampleMap().releases,
    stories: [renamed],
    settings: null,
    objectives: null,
    personas: null,
    removedStoryIds: ["st-3"],
    createdId: null,
    history: { undo: "Rename map", redo: null },
    notice: null,
    session: null,
    ...overrides,
  };
}

const remote = (change: MapChange, label = "Merged 2 changes by ben") => ({ type: "remoteChanged" as const, remote: { label, change } });
const titles = (state: StoreState) => state.view?.stories.map((story) => story.title);
const messages = (state: StoreState) => state.toasts.map((toast) => `${toast.kind}: ${"message" in toast ? toast.message : toast.title}`);

describe("teammates' changes", () => {
  it("patch the open map like an edit's answer, say what arrived and outline what changed", () => {
    const state = storeReducer(ready(), remote(teammateChange()));
    expect(titles(state)).toContain("Search by name or brand");
    expect(titles(state)).not.toContain("Seasonal picks");
    expect(state.history).toEqual({ undo: "Rename map", redo: null });
    expect(messages(state)).toEqual(["remote: Merged 2 changes by ben"]);
    expect(state.arrived?.storyIds).toEqual(["st-4"]);
    expect(state.pendingEdits).toBe(0);
  });

  it("keep moves still waiting for their answer on top", () => {
    let state = storeReducer(ready(), {
      type: "editStarted",
      seq: 1,
      edit: { kind: "moveStory", storyId: "st-1", stepId: "s-search", releaseId: "r-mvp", toIndex: 0 },
    });
    state = storeReducer(state, remote(teammateChange()));
    expect(state.view?.stories.find((story) => story.id === "st-1")?.stepId).toBe("s-search");
    expect(state.confirmed?.stories.find((story) => story.id === "st-1")?.stepId).toBe("s-browse");
    expect(titles(state)).toContain("Search by name or brand");
  });

  it("are ignored when they are another map's", () => {
    const before = ready();
    const state = storeReducer(before, remote(teammateChange({ mapId: "map-empty" })));
    expect(state).toBe(before);
  });

  it("replace the previous arrival toast instead of piling up, and leave other toasts", () => {
    let state = storeReducer(ready(), { type: "toastAdded", toast: { kind: "info", message: "Exported" } });
    state = storeReducer(state, remote(teammateChange(), "Merged 1 change by ben"));
    state = storeReducer(state, remote(teammateChange({ removedStoryIds: [] }), "Merged 1 change by cleo"));
    expect(messages(state)).toEqual(["info: Exported", "remote: Merged 1 change by cleo"]);
  });

  it("stop outlining after they fade, but only the latest arrival ends it", () => {
    const first = storeReducer(ready(), remote(teammateChange()));
    const second = storeReducer(first, remote(teammateChange({ stories: [storyOf("st-1")] })));
    expect(second.arrived?.storyIds).toEqual(["st-1"]);
    const firstId = first.arrived?.id ?? -1;
    expect(storeReducer(second, { type: "arrivedFaded", id: firstId }).arrived).toBe(second.arrived);
    expect(storeReducer(second, { type: "arrivedFaded", id: second.arrived?.id ?? -1 }).arrived).toBeNull();
  });

  it("outline nothing when the map's settings changed (every story is re-sent then)", () => {
    const settings = sampleMap().settings;
    const state = storeReducer(ready(), remote(teammateChange({ settings, stories: sampleMap().stories })));
    expect(state.arrived).toBeNull();
    expect(messages(state)).toEqual(["remote: Merged 2 changes by ben"]);
  });
});
