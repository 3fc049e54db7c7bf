//! The app's backend: the Rust commands behind Tauri IPC, the system's file dialogs, and the
//! events the Rust side pushes.
import { open, save } from "@tauri-apps/plugin-dialog";
import { openUrl } from "@tauri-apps/plugin-opener";
import { commands } from "../bindings/commands";
import type { Backend, FileKind } from "./backend";
import { subscribe } from "./tauriEvents";

/** What the file dialogs say and which files they offer, per kind of file. */
const FILE_DIALOGS: Record<FileKind, { save: string; open: string; name: string; extensions: string[] }> = {
  storymap: { save: "Export map", open: "Import a map", name: "Story map", extensions: ["storymap"] },
  jiraCsv: { save: "Export for Jira", open: "Import from Jira", name: "Jira CSV export", extensions: ["csv"] },
  markdown: { save: "Export as Markdown", open: "Open a Markdown file", name: "Markdown", extensions: ["md"] },
  text: { save: "Save as text", open: "Open a text file", name: "Plain text", extensions: ["txt"] },
  png: { save: "Export as PNG", open: "Open a PNG image", name: "PNG image", extensions: ["png"] },
  svg: { save: "Export as SVG", open: "Open an SVG image", name: "SVG image", extensions: ["svg"] },
  pdf: { save: "Export as PDF", open: "Open a PDF", name: "PDF document", extensions: ["pdf"] },
  html: { save: "Export the stakeholder page", open: "Open a web page", name: "Web page", extensions: ["html"] },
};

function filters(kind: FileKind) {
  const { name, extensions } = FILE_DIALOGS[kind];
  return [{ name, extensions }];
}

export const tauriBackend: Backend = {
  listMaps: () => commands.listMaps(),
  openStartMap: () => commands.openStartMap(),
  openMap: (mapId) => commands.openMap(mapId),
  createMap: (name) => commands.createMap(name),
  applyEdit: (mapId, edit) => commands.applyEdit(mapId, edit),
  undo: (mapId) => commands.undo(mapId),
  redo: (mapId) => commands.redo(mapId),
  backlog: (mapId, query) => commands.backlog(mapId, query),
  backlogHealth: (mapId) => commands.backlogHealth(mapId),
  splitPatterns: (title) => commands.splitPatterns(title),
  viewPrefs: (mapId) => commands.viewPrefs(mapId),
  saveViewPrefs: async (mapId, prefs) => {
    await commands.saveViewPrefs(mapId, prefs);
  },
  syncSettings: (mapId) => commands.syncSettings(mapId),
  saveSyncSettings: (mapId, settings) => commands.saveSyncSettings(mapId, settings),
  syncStatus: (mapId) => commands.syncStatus(mapId),
  joinMap: (url, serverUrl) => commands.joinMap(url, serverUrl),
  cancelJoin: () => commands.cancelJoin(),
  syncStatuses: () => commands.syncStatuses(),
  exportMapFile: async (mapId, path) => {
    await commands.exportMapFile(mapId, path);
  },
  importMapFile: (path) => commands.importMapFile(path),
  about: () => commands.about(),
  receiveDroppedFile: (fileName, bytes) => commands.receiveDroppedFile(fileName, bytes),
  previewMapFile: (path) => commands.previewMapFile(path),
  takeLaunchRequest: () => commands.takeLaunchRequest(),
  backups: (mapId) => commands.backups(mapId),
  restoreBackup: (path) => commands.restoreBackup(path),
  repairDatabase: (backupsOnly) => commands.repairDatabase(backupsOnly),
  changesSince: (mapId, since) => commands.changesSince(mapId, since),
  storyTimeline: (mapId, storyId) => commands.storyTimeline(mapId, storyId),
  conflicts: (mapId) => commands.conflicts(mapId),
  historyPoints: (mapId, limit) => commands.historyPoints(mapId, limit),
  mapAt: (mapId, hash) => commands.mapAt(mapId, hash),
  chooseSavePath: (defaultName, kind = "storymap") =>
    save({ title: FILE_DIALOGS[kind].save, defaultPath: defaultName, filters: filters(kind) }),
  chooseOpenPath: (kind = "storymap") =>
    open({ title: FILE_DIALOGS[kind].open, multiple: false, directory: false, filters: filters(kind) }),
  openLink: (url) => openUrl(url),
  previewJiraCsvFile: (path, target, statusMap) => commands.previewJiraCsvFile(path, target, statusMap),
  importJiraCsvFile: (path, target, statusMap) => commands.importJiraCsvFile(path, target, statusMap),
  exportJiraCsvFile: async (mapId, path) => {
    await commands.exportJiraCsvFile(mapId, path);
  },
  saveStakeholderUpdate: async (path, text) => {
    await commands.saveStakeholderUpdate(path, text);
  },
  exportMarkdownFile: async (mapId, path) => {
    await commands.exportMarkdownFile(mapId, path);
  },
  exportImage: async (mapId, format, scope, path) => {
    await commands.exportImage(mapId, format, scope, path);
  },
  exportHtml: async (mapId, scope, path) => {
    await commands.exportHtml(mapId, scope, path);
  },
  sessions: (mapId) => commands.sessions(mapId),
  session: (mapId, sessionId) => commands.session(mapId, sessionId),
  sessionSummary: (mapId, sessionId) => commands.sessionSummary(mapId, sessionId),
  presentation: (mapId, focus) => commands.presentation(mapId, focus),
  onSyncStatus: (listener) => subscribe("sync-status", listener),
  onRemoteChange: (listener) => subscribe("remote-change", listener),
  onMapsChanged: (listener) =>
    subscribe("maps-changed", () => {
      listener();
    }),
  onProgress: (listener) => subscribe("progress", listener),
  onBackupFailed: (listener) => subscribe("backup-failed", listener),
  onLaunchRequest: (listener) =>
    subscribe("launch-request", () => {
      listener();
    }),
};
