//! What the sync status pill says for each sync state: its words, its tone and its tooltip.
import type { SyncStatus } from "../bindings/SyncStatus";
import { formatUpdated } from "./time";

export type SyncTone = "neutral" | "busy" | "ok" | "warn" | "error";

export interface SyncPill {
  /** The state's kind, or "unknown" before the first answer. */
  kind: SyncStatus["state"]["kind"] | "unknown";
  label: string;
  tone: SyncTone;
  tooltip: string;
}

/** The pill for `status` (`null`: not known yet), with times relative to `now`. */
export function syncPill(status: SyncStatus | null, now: Date): SyncPill {
  if (status === null) return { kind: "unknown", label: "Sync", tone: "neutral", tooltip: "Checking this map's sync…" };
  const { state, serverUrl, lastSyncedAt } = status;
  const server = serverUrl ?? "the sync server";
  switch (state.kind) {
    case "localOnly":
      return {
        kind: state.kind,
        label: "Local only",
        tone: "neutral",
        tooltip: "This map stays on this computer. Click to share it with your team.",
      };
    case "connecting":
      return { kind: state.kind, label: "Connecting…", tone: "busy", tooltip: `Connecting to ${server}` };
    case "syncing":
      return { kind: state.kind, label: "Syncing…", tone: "busy", tooltip: `Exchanging changes with ${server}` };
    case "upToDate": {
      const ago = lastSyncedAt === null ? "" : formatUpdated(lastSyncedAt, now);
      return {
        kind: state.kind,
        label: "Up to date",
        tone: "ok",
        tooltip: ago === "" ? `In step with ${server}` : `Synced ${ago} with ${server}`,
      };
    }
    case "offline":
      return {
        kind: state.kind,
        label: "Offline — retrying",
        tone: "warn",
        tooltip: `${state.reason}. Your edits are kept on this computer and sync when the server is back.`,
      };
    case "error":
      return { kind: state.kind, label: "Sync error", tone: "error", tooltip: `${state.reason}. Click to check the sync settings.` };
  }
}
