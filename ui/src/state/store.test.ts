import { describe, expect, it } from "vitest";
import type { MapChange } from "../bindings/MapChange";
import { toDisplayError } from "../model/errors";
import { emptyMap, sampleMap } from "../test/sampleMap";
import { initialState, MAX_TOASTS, storeReducer, type StoreState } from "./store";

const ready = (): StoreState => storeReducer(initialState, { type: "mapOpened", view: sampleMap() });

function change(overrides: Partial<MapChange> = {}): MapChange {
  return {
    mapId: "map-1",
    name: null,
    activities: null,
    releases: sampleMap().releases,
    stories: [],
    settings: null,
    objectives: null,
    personas: null,
    removedStoryIds: [],
    createdId: null,
    history: { undo: "Rename map", redo: null },
    notice: null,
    session: null,
    ...overrides,
  };
}

const cellIds = (state: StoreState, stepId: string, releaseId: string) =>
  (state.view?.stories ?? [])
    .filter((story) => story.stepId === stepId && story.releaseId === releaseId)
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .map((story) => story.id);

describe("storeReducer", () => {
  it("shows the first map once it is opened", () => {
    expect(initialState.phase).toBe("loading");
    const state = ready();
    expect(state.phase).toBe("ready");
    expect(state.view?.map.name).toBe("Online grocery shop");
  });

  it("patches the shown map with an edit's change and takes its history", () => {
    let state = storeReducer(ready(), { type: "editStarted", seq: 1, edit: { kind: "renameMap", name: "Renamed" } });
    expect(state.pendingEdits).toBe(1);
    state = storeReducer(state, { type: "editApplied", seq: 1, change: change({ name: "Renamed" }) });
    expect(state.view?.map.name).toBe("Renamed");
    expect(state.history.undo).toBe("Rename map");
    expect(state.pendingEdits).toBe(0);
  });

  it("shows a move at once, then replaces the preview with the backend's answer", () => {
    const edit = { kind: "moveStory", storyId: "st-5", stepId: "s-browse", releaseId: "r-mvp", toIndex: 1 } as const;
    let state = storeReducer(ready(), { type: "editStarted", seq: 7, edit });
    expect(cellIds(state, "s-browse", "r-mvp")).toEqual(["st-2", "st-5", "st-1"]);
    expect(state.confirmed?.stories.find((story) => story.id === "st-5")?.stepId).toBe("s-pay");

    const original = sampleMap().stories.find((story) => story.id === "st-5");
    if (!original) throw new Error("sample map changed");
    const moved = { ...original, stepId: "s-browse", activityId: "a-discover", rank: "aa" };
    state = storeReducer(state, { type: "editApplied", seq: 7, change: change({ stories: [moved] }) });
    expect(state.previews).toEqual([]);
    expect(cellIds(state, "s-browse", "r-mvp")).toEqual(["st-2", "st-5", "st-1"]);
    expect(state.view?.stories.find((story) => story.id === "st-5")?.rank).toBe("aa");
  });

  it("puts a move back where it was when the backend refuses it", () => {
    const edit = { kind: "moveRelease", releaseId: "r-2", toIndex: 0 } as const;
    let state = storeReducer(ready(), { type: "editStarted", seq: 3, edit });
    expect(state.view?.releases.map((release) => release.id)).toEqual(["r-2", "r-mvp"]);
    state = storeReducer(state, { type: "editFailed", seq: 3, error: toDisplayError({ code: "storage", message: "disk" }) });
    expect(state.view?.releases.map((release) => release.id)).toEqual(["r-mvp", "r-2"]);
    expect(state.toasts).toHaveLength(1);
    expect(state.lastEditFailed).toBe(true);
  });

  it("ignores a change for a map that is no longer shown", () => {
    let state = storeReducer(ready(), { type: "editStarted", seq: 1, edit: null });
    state = storeReducer(state, { type: "mapOpened", view: emptyMap() });
    state = storeReducer(state, { type: "editApplied", seq: 1, change: change({ name: "Stale" }) });
    expect(state.view?.map.name).toBe("Loyalty programme");
    expect(state.history.undo).toBeNull();
    expect(state.pendingEdits).toBe(0);
  });

  it("shows an undo's notice as an info toast", () => {
    let state = storeReducer(ready(), { type: "editStarted", seq: 1, edit: null });
    state = storeReducer(state, { type: "editApplied", seq: 1, change: change({ notice: "Kept a teammate's move" }) });
    expect(state.toasts).toMatchObject([{ kind: "info", message: "Kept a teammate's move" }]);
  });

  it("withdraws 'Deleted … Undo' toasts once another edit is made", () => {
    let state = storeReducer(ready(), { type: "toastAdded", toast: { kind: "undo", message: "Deleted story 'A'" } });
    state = storeReducer(state, { type: "toastAdded", toast: { kind: "info", message: "Note" } });
    state = storeReducer(state, { type: "editStarted", seq: 1, edit: null });
    expect(state.toasts).toHaveLength(2);
    state = storeReducer(state, { type: "editStarted", seq: 2, edit: { kind: "renameMap", name: "B" } });
    expect(state.toasts.map((toast) => toast.kind)).toEqual(["info"]);
  });

  it("drops an undo with nothing to undo without an error", () => {
    let state = storeReducer(ready(), { type: "editStarted", seq: 1, edit: null });
    state = storeReducer(state, { type: "editDropped", seq: 1 });
    expect(state.pendingEdits).toBe(0);
    expect(state.toasts).toEqual([]);
  });

  it("keeps the latest few toasts and dismisses them by id", () => {
    let state = ready();
    for (let index = 0; index < MAX_TOASTS + 2; index += 1) {
      state = storeReducer(state, { type: "toastAdded", toast: { kind: "info", message: `n${index.toString()}` } });
    }
    expect(state.toasts.map((toast) => (toast.kind === "info" ? toast.message : ""))).toEqual(["n2", "n3", "n4"]);
    state = storeReducer(state, { type: "toastDismissed", id: 4 });
    expect(state.toasts.map((toast) => toast.id)).toEqual([3, 5]);
  });

  it("takes view prefs only for the shown map", () => {
    const prefs = { collapsedReleaseIds: ["r-2"], zoom: 0.8 };
    expect(storeReducer(ready(), { type: "prefsLoaded", mapId: "map-1", prefs }).prefs).toEqual(prefs);
    expect(storeReducer(ready(), { type: "prefsLoaded", mapId: "other", prefs }).prefs.zoom).toBe(1);
  });

  it("fails the start only while no map is shown", () => {
    const error = toDisplayError({ code: "corruptData", message: "bad" });
    const failed = storeReducer(initialState, { type: "startFailed", error });
    expect(failed.phase).toBe("failed");
    expect(storeReducer(failed, { type: "startRequested" }).phase).toBe("loading");
    const shown = storeReducer(ready(), { type: "startFailed", error });
    expect(shown.phase).toBe("ready");
    expect(shown.toasts).toHaveLength(1);
  });
});
