import { describe, expect, it } from "vitest";
import { toDisplayError } from "../model/errors";
import { emptyMap, sampleMap } from "../test/sampleMap";
import { initialState, MAX_TOASTS, storeReducer, type StoreState } from "./store";

const ready = (): StoreState => storeReducer(initialState, { type: "mapOpened", view: sampleMap() });

describe("storeReducer", () => {
  it("shows the first map once it is opened", () => {
    expect(initialState.phase).toBe("loading");
    const state = ready();
    expect(state.phase).toBe("ready");
    expect(state.view?.map.name).toBe("Online grocery shop");
  });

  it("replaces the view with the outcome of an edit", () => {
    let state = storeReducer(ready(), { type: "editStarted" });
    expect(state.pendingEdits).toBe(1);
    const view = sampleMap();
    view.map.name = "Renamed";
    state = storeReducer(state, { type: "editApplied", outcome: { view, createdId: null } });
    expect(state.view).toBe(view);
    expect(state.pendingEdits).toBe(0);
  });

  it("ignores an edit outcome for a map that is no longer shown", () => {
    let state = storeReducer(ready(), { type: "editStarted" });
    state = storeReducer(state, { type: "mapOpened", view: emptyMap() });
    const stale = sampleMap();
    state = storeReducer(state, { type: "editApplied", outcome: { view: stale, createdId: null } });
    expect(state.view?.map.id).toBe("map-empty");
    expect(state.pendingEdits).toBe(0);
  });

  it("records a failed edit as a toast and marks the save as failed until the next success", () => {
    let state = storeReducer(ready(), { type: "editStarted" });
    state = storeReducer(state, { type: "editFailed", error: toDisplayError({ code: "storage", message: "disk" }) });
    expect(state.lastEditFailed).toBe(true);
    expect(state.toasts).toHaveLength(1);
    expect(state.toasts[0]).toMatchObject({ code: "storage", detail: "disk", id: 1 });
    state = storeReducer(state, { type: "editApplied", outcome: { view: sampleMap(), createdId: null } });
    expect(state.lastEditFailed).toBe(false);
  });

  it("keeps the latest few toasts and dismisses them by id", () => {
    let state = ready();
    for (let index = 0; index < MAX_TOASTS + 2; index += 1) {
      state = storeReducer(state, { type: "failed", error: toDisplayError({ code: "internal", message: `e${index.toString()}` }) });
    }
    expect(state.toasts.map((toast) => toast.detail)).toEqual(["e2", "e3", "e4"]);
    state = storeReducer(state, { type: "toastDismissed", id: 4 });
    expect(state.toasts.map((toast) => toast.detail)).toEqual(["e2", "e4"]);
  });

  it("fails the start only while no map is shown", () => {
    const error = toDisplayError({ code: "corruptData", message: "bad" });
    const failed = storeReducer(initialState, { type: "startFailed", error });
    expect(failed.phase).toBe("failed");
    expect(failed.startError).toBe(error);
    const retried = storeReducer(failed, { type: "startRequested" });
    expect(retried.phase).toBe("loading");
    const shown = storeReducer(ready(), { type: "startFailed", error });
    expect(shown.phase).toBe("ready");
    expect(shown.toasts).toHaveLength(1);
  });
});
