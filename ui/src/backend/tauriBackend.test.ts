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
    await tauriBackend.listMaps();
    await tauriBackend.openStartMap();
    await tauriBackend.openMap("m1");
    await tauriBackend.createMap("New");
    await tauriBackend.applyEdit("m1", { kind: "addRelease", title: "Later" });
    expect(invoke.mock.calls).toEqual([
      ["list_maps"],
      ["open_start_map"],
      ["open_map", { mapId: "m1" }],
      ["create_map", { name: "New" }],
      ["apply_edit", { mapId: "m1", edit: { kind: "addRelease", title: "Later" } }],
    ]);
  });

  it("passes the backend's ApiError through unchanged", async () => {
    invoke.mockRejectedValue({ code: "notFound", message: "gone" });
    await expect(tauriBackend.openMap("x")).rejects.toEqual({ code: "notFound", message: "gone" });
  });
});
