import type { ApiError } from "../bindings/ApiError";
import type { BacklogQuery } from "../bindings/BacklogQuery";
import type { BacklogView } from "../bindings/BacklogView";
import type { BackupView } from "../bindings/BackupView";
import type { HealthView } from "../bindings/HealthView";
import type { RepairReport } from "../bindings/RepairReport";
import type { ChangeEntryView } from "../bindings/ChangeEntryView";
import type { ChangesSince } from "../bindings/ChangesSince";
import type { ChangesView } from "../bindings/ChangesView";
import type { ConflictView } from "../bindings/ConflictView";
import type { HistoryPointView } from "../bindings/HistoryPointView";
import type { ImageFormat } from "../bindings/ImageFormat";
import type { ImageScope } from "../bindings/ImageScope";
import type { JiraImportView } from "../bindings/JiraImportView";
import type { JiraPreviewView } from "../bindings/JiraPreviewView";
import type { JiraStatusMapping } from "../bindings/JiraStatusMapping";
import type { JiraTarget } from "../bindings/JiraTarget";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import type { PresentationFocus } from "../bindings/PresentationFocus";
import type { PresentationView } from "../bindings/PresentationView";
import type { ProgressView } from "../bindings/ProgressView";
import type { ReceivedMapView } from "../bindings/ReceivedMapView";
import type { MapFilePreview } from "../bindings/MapFilePreview";
import type { AboutView } from "../bindings/AboutView";
import type { LaunchRequest } from "../bindings/LaunchRequest";
import type { RemoteChange } from "../bindings/RemoteChange";
import type { SessionListItem } from "../bindings/SessionListItem";
import type { SessionSummaryView } from "../bindings/SessionSummaryView";
import type { SessionView } from "../bindings/SessionView";
import type { SplitPatternView } from "../bindings/SplitPatternView";
import type { SyncSettingsInput } from "../bindings/SyncSettingsInput";
import type { SyncSettingsView } from "../bindings/SyncSettingsView";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { ViewPrefs } from "../bindings/ViewPrefs";

/**
 * Everything the UI may ask of the application core. Components and the store talk only to
 * this interface; the shipped app implements it over Tauri IPC (`tauriBackend`).
 * Every method rejects with an `ApiError` (`{ code, message }`).
 */
export interface Backend {
  listMaps(): Promise<MapSummary[]>;
  /** The last opened map, or the sample map on first run. */
  openStartMap(): Promise<MapView>;
  openMap(mapId: string): Promise<MapView>;
  /** A new map with one release slice ("MVP"). */
  createMap(name: string): Promise<MapView>;
  /** One edit, saved before it resolves; answers what changed, for the UI to patch its copy. */
  applyEdit(mapId: string, edit: MapEdit): Promise<MapChange>;
  /** Reverts the local user's last edit; rejects with `invalidInput` when there is none. */
  undo(mapId: string): Promise<MapChange>;
  redo(mapId: string): Promise<MapChange>;
  /** The stories as one ranked list, sorted and filtered, with its header counts. */
  backlog(mapId: string, query: BacklogQuery): Promise<BacklogView>;
  /** Ready sprints against the team's target, what each slice needs, and the trend over past sessions. */
  backlogHealth(mapId: string): Promise<HealthView>;
  /** Every splitting pattern with the titles it suggests for a story with this title. */
  splitPatterns(title: string): Promise<SplitPatternView[]>;
  /** How this device shows the map (collapsed slices, zoom). */
  viewPrefs(mapId: string): Promise<ViewPrefs>;
  saveViewPrefs(mapId: string, prefs: ViewPrefs): Promise<void>;

  /** The map's sync settings on this device, its share link and the display name. */
  syncSettings(mapId: string): Promise<SyncSettingsView>;
  /** Turns sync on or off and sets the server and display name; rejects with the reason. */
  saveSyncSettings(mapId: string, settings: SyncSettingsInput): Promise<SyncSettingsView>;
  /** Where the map's sync stands now; later changes arrive through `onSyncStatus`. */
  syncStatus(mapId: string): Promise<SyncStatus>;
  /** Every shared map's sync status (all of them sync, open or not). */
  syncStatuses(): Promise<SyncStatus[]>;
  /** Fetches a shared map by its link and keeps it in sync with that server. */
  joinMap(url: string, serverUrl: string): Promise<ReceivedMapView>;
  /** Stops the join under way; it then rejects with `cancelled` and nothing is kept. */
  cancelJoin(): Promise<boolean>;
  /** Writes the map with its whole history as a `.storymap` file. */
  exportMapFile(mapId: string, path: string): Promise<void>;
  /** Reads a `.storymap` file: merged into the same map when we have it, else added. */
  importMapFile(path: string): Promise<ReceivedMapView>;
  /** A `.storymap` file dropped on the window, by name and bytes: kept by Rust and previewed; import it by the preview's path. */
  receiveDroppedFile(fileName: string, bytes: number[]): Promise<MapFilePreview>;
  /** The app's version, its data directory and the licences of what it ships. */
  about(): Promise<AboutView>;
  /** What a `.storymap` file holds (map, stories, newest change, whether we have it); writes nothing. */
  previewMapFile(path: string): Promise<MapFilePreview>;
  /** What Storymap was started (or started again) to do — open a file, join an invitation's map — once; else `null`. */
  takeLaunchRequest(): Promise<LaunchRequest | null>;
  /** Storymap was started again with a file or an invitation: call `takeLaunchRequest`. */
  onLaunchRequest(listener: () => void): Unsubscribe;
  /** The rolling backups of one map (or of every map when `null`), newest first. */
  backups(mapId: string | null): Promise<BackupView[]>;
  /** Brings a backup back: beside the map as a copy, or as the map itself when it is gone. */
  restoreBackup(path: string): Promise<MapSummary>;
  /** Repairs the damaged database found at start (from the map data, or from backups only). */
  repairDatabase(backupsOnly: boolean): Promise<RepairReport>;
  /** Asks where to save a file of this kind (`.storymap` unless told); `null` when the person cancels. */
  chooseSavePath(defaultName: string, kind?: FileKind): Promise<string | null>;
  /**
   * Asks the system to open a story's link in the browser or mail client, never in this
   * window; only http, https and mailto URLs (the capability allows no other).
   */
  openLink(url: string): Promise<void>;
  /** Asks which file of this kind (`.storymap` unless told) to open; `null` when the person cancels. */
  chooseOpenPath(kind?: FileKind): Promise<string | null>;

  /** What importing a Jira CSV export would create and update, its columns and warnings; writes nothing. */
  previewJiraCsvFile(path: string, target: JiraTarget, statusMap: JiraStatusMapping[]): Promise<JiraPreviewView>;
  /** Imports a Jira CSV export as one change; a file that is not a table is refused whole (row named). */
  importJiraCsvFile(path: string, target: JiraTarget, statusMap: JiraStatusMapping[]): Promise<JiraImportView>;
  /** Writes the map as a CSV for Jira's External System Import. */
  exportJiraCsvFile(mapId: string, path: string): Promise<void>;
  /** Writes the map as a Markdown outline. */
  exportMarkdownFile(mapId: string, path: string): Promise<void>;
  /** Saves a session's stakeholder update, as edited, to a `.md` or `.txt` file. */
  saveStakeholderUpdate(path: string, text: string): Promise<void>;
  /** Draws the whole map or one slice as PNG, SVG or PDF and writes it to the path. */
  exportImage(mapId: string, format: ImageFormat, scope: ImageScope, path: string): Promise<void>;
  /** Writes the stakeholder page of the whole map or one slice: one self-contained, read-only HTML file. */
  exportHtml(mapId: string, scope: ImageScope, path: string): Promise<void>;

  /**
   * What changed since the last sync, the last opening or a date: per story, who and when.
   * `lastSync` on a map never synced answers everything since the map was created.
   */
  changesSince(mapId: string, since: ChangesSince): Promise<ChangesView>;
  /** One story's whole history, newest first. */
  storyTimeline(mapId: string, storyId: string): Promise<ChangeEntryView[]>;
  /** Fields teammates set differently at the same time; settled with a `resolveConflict` edit. */
  conflicts(mapId: string): Promise<ConflictView[]>;
  /** Points in the map's history to view or restore, newest first. */
  historyPoints(mapId: string, limit: number): Promise<HistoryPointView[]>;
  /** The map as it was right after one change, to look at (read only). */
  mapAt(mapId: string, hash: string): Promise<MapView>;

  /** The map's refinement sessions, past and open, newest first. */
  sessions(mapId: string): Promise<SessionListItem[]>;
  /** One session as the room sees it; votes stay hidden until revealed. */
  session(mapId: string, sessionId: string): Promise<SessionView>;
  /** What a session did (the latest when `sessionId` is null) and the stakeholder update. */
  sessionSummary(mapId: string, sessionId: string | null): Promise<SessionSummaryView>;
  /** What the projector shows: a story, a slice or an activity; never private notes. */
  presentation(mapId: string, focus: PresentationFocus): Promise<PresentationView>;

  /** Every change of any map's sync state. Returns the unsubscribe. */
  onSyncStatus(listener: (status: SyncStatus) => void): Unsubscribe;
  /** Teammates' changes merged into a map, to patch the shown copy with. */
  onRemoteChange(listener: (remote: RemoteChange) => void): Unsubscribe;
  /** The list of maps changed (one joined, imported or renamed elsewhere). */
  onMapsChanged(listener: () => void): Unsubscribe;
  /** Where long work (an import, a large image) stands, once it has run for a second. */
  onProgress(listener: (progress: ProgressView) => void): Unsubscribe;
  /** The day's backup could not be written; the next pass is within the hour. */
  onBackupFailed(listener: (error: ApiError) => void): Unsubscribe;
}

/** The kinds of file the app reads or writes through the system's file dialogs. */
export type FileKind = "storymap" | "jiraCsv" | "markdown" | "text" | "png" | "svg" | "pdf" | "html";

/** Stops a subscription; safe to call more than once. */
export type Unsubscribe = () => void;
