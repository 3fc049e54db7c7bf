import { describe, expect, it } from "vitest";
import type { SyncStateView } from "../bindings/SyncStateView";
import { syncPill } from "./syncStatus";

const now = new Date("2025-03-20T12:00:00Z");
const SERVER = "wss://sync.example.org";

function check(state: SyncStateView, lastSyncedAt: string | null, expected: [string, string, string]) {
  const pill = syncPill({ mapId: "m1", state, serverUrl: SERVER, lastSyncedAt }, now);
  expect([pill.label, pill.tone, pill.tooltip]).toEqual(expected);
  expect(pill.kind).toBe(state.kind);
}

describe("syncPill", () => {
  it("names each sync state, with its tone and tooltip", () => {
    check({ kind: "localOnly" }, null, [
      "Local only",
      "neutral",
      "This map stays on this computer. Click to share it with your team.",
    ]);
    check({ kind: "connecting" }, null, ["Connecting…", "busy", `Connecting to ${SERVER}`]);
    check({ kind: "syncing" }, null, ["Syncing…", "busy", `Exchanging changes with ${SERVER}`]);
    check({ kind: "offline", reason: "The server does not answer" }, null, [
      "Offline — retrying",
      "warn",
      "The server does not answer. Your edits are kept on this computer and sync when the server is back.",
    ]);
    check({ kind: "error", reason: "The server refused this map" }, null, [
      "Sync error",
      "error",
      "The server refused this map. Click to check the sync settings.",
    ]);
  });

  it("says how long ago the map was last in step", () => {
    check({ kind: "upToDate" }, "2025-03-20T11:58:00Z", ["Up to date", "ok", `Synced 2 min ago with ${SERVER}`]);
    check({ kind: "upToDate" }, "2025-03-20T11:59:50Z", ["Up to date", "ok", `Synced just now with ${SERVER}`]);
    check({ kind: "upToDate" }, null, ["Up to date", "ok", `In step with ${SERVER}`]);
    check({ kind: "upToDate" }, "garbled", ["Up to date", "ok", `In step with ${SERVER}`]);
  });

  it("shows a neutral pill until the first status arrives", () => {
    expect(syncPill(null, now)).toMatchObject({ kind: "unknown", label: "Sync", tone: "neutral" });
  });
});
