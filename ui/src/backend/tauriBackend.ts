import { commands } from "../bindings/commands";
import type { Backend } from "./backend";

/** The app's backend: the Rust commands behind Tauri IPC. */
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
};
