import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const { tauriBackend } = await import("./tauriBackend");

describe("tauriBackend", () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue("answer");
  });

  it("calls the Rust commands by name with camelCase arguments", async () => {
    const query = { sort: "wsjf", releaseId: null, activityId: null, status: null, label: "ux", ready: true, blocked: null } as const;
    await tauriBackend.listMaps();
    await tauriBackend.openStartMap();
    await tauriBackend.openMap("m1");
    await tauriBackend.createMap("New");
    await tauriBackend.applyEdit("m1", { kind: "addRelease", title: "Later" });
    await tauriBackend.undo("m1");
    await tauriBackend.redo("m1");
    await tauriBackend.backlog("m1", query);
    await tauriBackend.splitPatterns("Pay by card");
    await tauriBackend.viewPrefs("m1");
    await tauriBackend.saveViewPrefs("m1", { collapsedReleaseIds: ["r1"], zoom: 0.8 });
    expect(invoke.mock.calls).toEqual([
      ["list_maps"],
      ["open_start_map"],
      ["open_map", { mapId: "m1" }],
      ["create_map", { name: "New" }],
      ["apply_edit", { mapId: "m1", edit: { kind: "addRelease", title: "Later" } }],
      ["undo", { mapId: "m1" }],
      ["redo", { mapId: "m1" }],
      ["backlog", { mapId: "m1", query }],
      ["split_patterns", { title: "Pay by card" }],
      ["view_prefs", { mapId: "m1" }],
      ["save_view_prefs", { mapId: "m1", prefs: { collapsedReleaseIds: ["r1"], zoom: 0.8 } }],
    ]);
  });

  it("passes the backend's ApiError through unchanged", async () => {
    invoke.mockRejectedValue({ code: "notFound", message: "gone" });
    await expect(tauriBackend.openMap("x")).rejects.toEqual({ code: "notFound", message: "gone" });
  });
});
