//! The app's backend: the Rust commands behind Tauri IPC, the system's file dialogs, and the
//! events the Rust side pushes.
import { open, save } from "@tauri-apps/plugin-dialog";
import { commands } from "../bindings/commands";
import type { Backend } from "./backend";
import { subscribe } from "./tauriEvents";

const STORYMAP_FILES = [{ name: "Story map", extensions: ["storymap"] }];

export const tauriBackend: Backend = {
  listMaps: () => commands.listMaps(),
  openStartMap: () => commands.openStartMap(),
  openMap: (mapId) => commands.openMap(mapId),
  createMap: (name) => commands.createMap(name),
  applyEdit: (mapId, edit) => commands.applyEdit(mapId, edit),
  undo: (mapId) => commands.undo(mapId),
  redo: (mapId) => commands.redo(mapId),
  backlog: (mapId, query) => commands.backlog(mapId, query),
  splitPatterns: (title) => commands.splitPatterns(title),
  viewPrefs: (mapId) => commands.viewPrefs(mapId),
  saveViewPrefs: async (mapId, prefs) => {
    await commands.saveViewPrefs(mapId, prefs);
  },
  syncSettings: (mapId) => commands.syncSettings(mapId),
  saveSyncSettings: (mapId, settings) => commands.saveSyncSettings(mapId, settings),
  syncStatus: (mapId) => commands.syncStatus(mapId),
  joinMap: (url, serverUrl) => commands.joinMap(url, serverUrl),
  exportMapFile: async (mapId, path) => {
    await commands.exportMapFile(mapId, path);
  },
  importMapFile: (path) => commands.importMapFile(path),
  changesSince: (mapId, since) => commands.changesSince(mapId, since),
  storyTimeline: (mapId, storyId) => commands.storyTimeline(mapId, storyId),
  conflicts: (mapId) => commands.conflicts(mapId),
  historyPoints: (mapId, limit) => commands.historyPoints(mapId, limit),
  mapAt: (mapId, hash) => commands.mapAt(mapId, hash),
  chooseSavePath: (defaultName) => save({ title: "Export map", defaultPath: defaultName, filters: STORYMAP_FILES }),
  chooseOpenPath: () => open({ title: "Import a map", multiple: false, directory: false, filters: STORYMAP_FILES }),
  onSyncStatus: (listener) => subscribe("sync-status", listener),
  onRemoteChange: (listener) => subscribe("remote-change", listener),
  onMapsChanged: (listener) =>
    subscribe("maps-changed", () => {
      listener();
    }),
};
