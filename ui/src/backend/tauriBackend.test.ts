import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

type Handler = (event: { payload: unknown }) => void;
const handlers = new Map<string, Handler>();
const unlistened: string[] = [];
let registered: Promise<void> = Promise.resolve();
const listen = vi.fn((event: string, handler: Handler) => {
  handlers.set(event, handler);
  const stop = () => {
    unlistened.push(event);
  };
  const answer = registered.then(() => stop);
  return answer;
});
vi.mock("@tauri-apps/api/event", () => ({ listen }));

const save = vi.fn();
const open = vi.fn();
vi.mock("@tauri-apps/plugin-dialog", () => ({ save, open }));

const { tauriBackend } = await import("./tauriBackend");

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("tauriBackend", () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue("answer");
    handlers.clear();
    unlistened.length = 0;
    registered = Promise.resolve();
  });

  it("calls the Rust commands by name with camelCase arguments", async () => {
    const query = { sort: "wsjf", releaseId: null, activityId: null, status: null, label: "ux", flag: null, objective: null, crossTeam: null, ready: true, blocked: null } as const;
    const settings = { enabled: true, serverUrl: "wss://sync.example.org", makeDefault: false, displayName: "Ann" };
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
    await tauriBackend.syncSettings("m1");
    await tauriBackend.saveSyncSettings("m1", settings);
    await tauriBackend.syncStatus("m1");
    await tauriBackend.joinMap("automerge:abc", "wss://sync.example.org");
    await tauriBackend.exportMapFile("m1", "/home/ann/Shop.storymap");
    await tauriBackend.importMapFile("/home/ann/Shop.storymap");
    await tauriBackend.changesSince("m1", { kind: "date", date: "2025-11-24" });
    await tauriBackend.storyTimeline("m1", "st-1");
    await tauriBackend.conflicts("m1");
    await tauriBackend.historyPoints("m1", 200);
    await tauriBackend.mapAt("m1", "a1b2c3");
    await tauriBackend.sessions("m1");
    await tauriBackend.session("m1", "se-1");
    await tauriBackend.sessionSummary("m1", null);
    await tauriBackend.presentation("m1", { kind: "story", storyId: "st-1" });
    const statusMap = [{ jiraStatus: "In QA", status: "inSprint" }] as const;
    await tauriBackend.previewJiraCsvFile("/home/ann/jira.csv", { kind: "newMap", name: "jira" }, [...statusMap]);
    await tauriBackend.importJiraCsvFile("/home/ann/jira.csv", { kind: "existingMap", mapId: "m1" }, []);
    await tauriBackend.exportJiraCsvFile("m1", "/home/ann/Shop.csv");
    await tauriBackend.exportMarkdownFile("m1", "/home/ann/Shop.md");
    await tauriBackend.exportImage("m1", { kind: "pdf", paper: "letter" }, { kind: "slice", releaseId: "r1" }, "/home/ann/Shop.pdf");
    await tauriBackend.exportHtml("m1", { kind: "wholeMap" }, "/home/ann/Shop.html");
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
      ["sync_settings", { mapId: "m1" }],
      ["save_sync_settings", { mapId: "m1", settings }],
      ["sync_status", { mapId: "m1" }],
      ["join_map", { url: "automerge:abc", serverUrl: "wss://sync.example.org" }],
      ["export_map_file", { mapId: "m1", path: "/home/ann/Shop.storymap" }],
      ["import_map_file", { path: "/home/ann/Shop.storymap" }],
      ["changes_since", { mapId: "m1", since: { kind: "date", date: "2025-11-24" } }],
      ["story_timeline", { mapId: "m1", storyId: "st-1" }],
      ["conflicts", { mapId: "m1" }],
      ["history_points", { mapId: "m1", limit: 200 }],
      ["map_at", { mapId: "m1", hash: "a1b2c3" }],
      ["sessions", { mapId: "m1" }],
      ["session", { mapId: "m1", sessionId: "se-1" }],
      ["session_summary", { mapId: "m1", sessionId: null }],
      ["presentation", { mapId: "m1", focus: { kind: "story", storyId: "st-1" } }],
      ["preview_jira_csv_file", { path: "/home/ann/jira.csv", target: { kind: "newMap", name: "jira" }, statusMap }],
      ["import_jira_csv_file", { path: "/home/ann/jira.csv", target: { kind: "existingMap", mapId: "m1" }, statusMap: [] }],
      ["export_jira_csv_file", { mapId: "m1", path: "/home/ann/Shop.csv" }],
      ["export_markdown_file", { mapId: "m1", path: "/home/ann/Shop.md" }],
      ["export_image", { mapId: "m1", format: { kind: "pdf", paper: "letter" }, scope: { kind: "slice", releaseId: "r1" }, path: "/home/ann/Shop.pdf" }],
      ["export_html", { mapId: "m1", scope: { kind: "wholeMap" }, path: "/home/ann/Shop.html" }],
    ]);
  });

  it("passes the backend's ApiError through unchanged", async () => {
    invoke.mockRejectedValue({ code: "notFound", message: "gone" });
    await expect(tauriBackend.openMap("x")).rejects.toEqual({ code: "notFound", message: "gone" });
    invoke.mockRejectedValue({ code: "invalidInput", message: "'http://x' is not a sync server address" });
    await expect(
      tauriBackend.saveSyncSettings("m1", { enabled: true, serverUrl: "http://x", makeDefault: false, displayName: "Ann" }),
    ).rejects.toEqual({ code: "invalidInput", message: "'http://x' is not a sync server address" });
  });

  it("asks for .storymap files through the dialog plugin", async () => {
    save.mockResolvedValue("/home/ann/Shop.storymap");
    open.mockResolvedValue(null);
    expect(await tauriBackend.chooseSavePath("Shop.storymap")).toBe("/home/ann/Shop.storymap");
    expect(await tauriBackend.chooseOpenPath()).toBeNull();
    const filters = [{ name: "Story map", extensions: ["storymap"] }];
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: "Shop.storymap", filters }));
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ multiple: false, directory: false, filters }));
  });

  it("offers only the files of the kind asked for", async () => {
    save.mockResolvedValue("/home/ann/Shop.pdf");
    open.mockResolvedValue("/home/ann/jira.csv");
    expect(await tauriBackend.chooseSavePath("Shop.pdf", "pdf")).toBe("/home/ann/Shop.pdf");
    expect(await tauriBackend.chooseOpenPath("jiraCsv")).toBe("/home/ann/jira.csv");
    await tauriBackend.chooseSavePath("Shop.md", "markdown");
    await tauriBackend.chooseSavePath("Shop.png", "png");
    await tauriBackend.chooseSavePath("Shop.svg", "svg");
    await tauriBackend.chooseSavePath("Shop.csv", "jiraCsv");
    const extensions = (call: unknown[]) => (call[0] as { filters: Array<{ extensions: string[] }> }).filters[0]?.extensions;
    expect(save.mock.calls.slice(-5).map(extensions)).toEqual([["pdf"], ["md"], ["png"], ["svg"], ["csv"]]);
    expect(open).toHaveBeenLastCalledWith(expect.objectContaining({ title: "Import from Jira", multiple: false, directory: false }));
    expect(extensions(open.mock.calls.at(-1) ?? [])).toEqual(["csv"]);
  });

  it("hands each event's payload to its listener until unsubscribed", async () => {
    const statuses: unknown[] = [];
    const remote: unknown[] = [];
    let listed = 0;
    const stops = [
      tauriBackend.onSyncStatus((status) => statuses.push(status)),
      tauriBackend.onRemoteChange((change) => remote.push(change)),
      tauriBackend.onMapsChanged(() => {
        listed += 1;
      }),
    ];
    await settle();
    expect([...handlers.keys()]).toEqual(["sync-status", "remote-change", "maps-changed"]);
    const status = { mapId: "m1", state: { kind: "upToDate" }, serverUrl: null, lastSyncedAt: null };
    handlers.get("sync-status")?.({ payload: status });
    handlers.get("remote-change")?.({ payload: { label: "Merged 1 change by ben" } });
    handlers.get("maps-changed")?.({ payload: null });
    expect(statuses).toEqual([status]);
    expect(remote).toEqual([{ label: "Merged 1 change by ben" }]);
    expect(listed).toBe(1);

    for (const stop of stops) stop();
    handlers.get("maps-changed")?.({ payload: null });
    expect(listed).toBe(1);
    expect(unlistened).toEqual(["sync-status", "remote-change", "maps-changed"]);
  });

  it("unlistens once registered when unsubscribed before Tauri answered", async () => {
    let finish: (value: undefined) => void = () => undefined;
    registered = new Promise((resolve) => {
      finish = resolve;
    });
    const seen: unknown[] = [];
    const stop = tauriBackend.onSyncStatus((status) => seen.push(status));
    stop();
    handlers.get("sync-status")?.({ payload: "late" });
    finish(undefined);
    await settle();
    expect(seen).toEqual([]);
    expect(unlistened).toEqual(["sync-status"]);
  });
});
