//! The sync half of the in-memory Backend for Vitest: sync settings and states per map, links
//! that can be joined, `.storymap` files to import, the file dialogs' answers, and events that
//! tests push as the Rust side would.
import type { Unsubscribe } from "../backend/backend";
import type { ApiError } from "../bindings/ApiError";
import type { BackupView } from "../bindings/BackupView";
import type { AboutView } from "../bindings/AboutView";
import type { LaunchRequest } from "../bindings/LaunchRequest";
import type { MapFilePreview } from "../bindings/MapFilePreview";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import type { ProgressView } from "../bindings/ProgressView";
import type { ReceivedMapView } from "../bindings/ReceivedMapView";
import type { RepairReport } from "../bindings/RepairReport";
import type { RemoteChange } from "../bindings/RemoteChange";
import type { SyncSettingsInput } from "../bindings/SyncSettingsInput";
import type { SyncSettingsView } from "../bindings/SyncSettingsView";
import type { SyncStatus } from "../bindings/SyncStatus";

function listenersOf<T>(set: Set<T>, listener: T): Unsubscribe {
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

export abstract class FakeSync {
  displayName = "Ann";
  defaultServerUrl: string | null = null;
  readonly syncSettingsByMap = new Map<string, Omit<SyncSettingsView, "displayName" | "defaultServerUrl" | "invitationUrl">>();
  readonly statuses = new Map<string, SyncStatus>();
  readonly savedSyncSettings: Array<{ mapId: string; settings: SyncSettingsInput }> = [];
  /** Links `joinMap` can fetch, with the map behind each. */
  readonly joinable = new Map<string, MapView>();
  readonly joined: Array<{ url: string; serverUrl: string }> = [];
  /** Files `importMapFile` can read. */
  readonly files = new Map<string, MapView>();
  readonly exported: Array<{ mapId: string; path: string }> = [];
  /** What the save and open dialogs answer (`null`: cancelled). */
  savePath: string | null = null;
  openPath: string | null = null;
  readonly savePathsAsked: string[] = [];
  private syncFailures: ApiError[] = [];
  private statusListeners = new Set<(status: SyncStatus) => void>();
  private remoteListeners = new Set<(remote: RemoteChange) => void>();
  private mapsListeners = new Set<() => void>();
  private progressListeners = new Set<(progress: ProgressView) => void>();
  private backupFailedListeners = new Set<(error: ApiError) => void>();

  /** Adds (or merges) a received map into the fake's store. */
  protected abstract receive(view: MapView): ReceivedMapView;

  /** The next `saveSyncSettings` or `joinMap` rejects with this error. */
  failNextSync(error: ApiError): void {
    this.syncFailures.push(error);
  }

  syncSettings(mapId: string): Promise<SyncSettingsView> {
    const own = this.syncSettingsByMap.get(mapId) ?? { mapId, enabled: false, serverUrl: null, shareUrl: `automerge:${mapId}` };
    // Rust makes the invitation; this stands in for it with the same parts.
    const server = own.serverUrl ?? this.defaultServerUrl;
    const invitationUrl =
      own.shareUrl !== null && server !== null
        ? `storymap://join?map=${encodeURIComponent(own.shareUrl)}&server=${encodeURIComponent(server)}`
        : null;
    return Promise.resolve({ ...own, displayName: this.displayName, defaultServerUrl: this.defaultServerUrl, invitationUrl });
  }

  async saveSyncSettings(mapId: string, settings: SyncSettingsInput): Promise<SyncSettingsView> {
    this.savedSyncSettings.push({ mapId, settings: structuredClone(settings) });
    const failure = this.syncFailures.shift();
    if (failure) throw failure;
    const before = await this.syncSettings(mapId);
    this.displayName = settings.displayName;
    if (settings.makeDefault) this.defaultServerUrl = settings.serverUrl;
    this.syncSettingsByMap.set(mapId, {
      mapId,
      enabled: settings.enabled,
      serverUrl: settings.makeDefault ? null : settings.serverUrl,
      shareUrl: before.shareUrl,
    });
    return this.syncSettings(mapId);
  }

  syncStatus(mapId: string): Promise<SyncStatus> {
    return Promise.resolve(
      this.statuses.get(mapId) ?? { mapId, state: { kind: "localOnly" }, serverUrl: null, lastSyncedAt: null },
    );
  }

  /** When set, joins wait until `cancelJoin` (a big map still arriving). */
  holdJoins = false;
  private stopJoin: (() => void) | null = null;
  cancelledJoins = 0;

  cancelJoin(): Promise<boolean> {
    const stop = this.stopJoin;
    this.stopJoin = null;
    if (stop === null) return Promise.resolve(false);
    this.cancelledJoins += 1;
    stop();
    return Promise.resolve(true);
  }

  syncStatuses(): Promise<SyncStatus[]> {
    return Promise.resolve([...this.statuses.values()].filter((status) => status.state.kind !== "localOnly"));
  }

  joinMap(url: string, serverUrl: string): Promise<ReceivedMapView> {
    this.joined.push({ url, serverUrl });
    if (this.holdJoins) {
      return new Promise((_, reject) => {
        this.stopJoin = () => {
          reject({ code: "cancelled", message: "the join was cancelled; nothing of the map was kept" } satisfies ApiError);
        };
      });
    }
    const failure = this.syncFailures.shift();
    if (failure) return Promise.reject(failure);
    const view = this.joinable.get(url);
    if (!view) return Promise.reject({ code: "notFound", message: `No map at ${url}` } satisfies ApiError);
    return Promise.resolve(this.receive(view));
  }

  exportMapFile(mapId: string, path: string): Promise<void> {
    this.exported.push({ mapId, path });
    return Promise.resolve();
  }

  /** What each file `previewMapFile` reads holds, beyond `files`' map (defaults as a new map). */
  readonly filePreviews = new Map<string, Partial<MapFilePreview>>();
  about(): Promise<AboutView> {
    return Promise.resolve({
      version: "0.1.0",
      dataDir: "/home/ann/.local/share/storymap",
      licences: [{ name: "Inter (font)", licence: "SIL Open Font License 1.1", text: "Copyright 2016 The Inter Project Authors" }],
    });
  }

  /** Files dropped on the window, by name with their size; previewed as `/dropped/<name>`. */
  readonly dropped: { fileName: string; size: number }[] = [];

  receiveDroppedFile(fileName: string, bytes: number[]): Promise<MapFilePreview> {
    this.dropped.push({ fileName, size: bytes.length });
    return this.previewMapFile(`/dropped/${fileName}`);
  }

  previewMapFile(path: string): Promise<MapFilePreview> {
    const view = this.files.get(path);
    if (!view) return Promise.reject({ code: "foreignDocument", message: `${path} is not a Storymap map file` } satisfies ApiError);
    return Promise.resolve({
      path,
      fileName: path.split("/").pop() ?? path,
      mapId: view.map.id,
      mapName: view.map.name,
      storyCount: view.stories.length,
      lastChangeAt: null,
      lastChangeAuthor: null,
      alreadyHere: false,
      ...this.filePreviews.get(path),
    });
  }

  /** What `takeLaunchRequest` answers next (then `null`), and the listeners of `onLaunchRequest`. */
  launchRequest: LaunchRequest | null = null;
  private readonly launchListeners = new Set<() => void>();

  takeLaunchRequest(): Promise<LaunchRequest | null> {
    const request = this.launchRequest;
    this.launchRequest = null;
    return Promise.resolve(request);
  }

  onLaunchRequest(listener: () => void): Unsubscribe {
    this.launchListeners.add(listener);
    return () => this.launchListeners.delete(listener);
  }

  /** As Rust does when Storymap is started again with a file or an invitation. */
  secondLaunch(request: LaunchRequest): void {
    this.launchRequest = request;
    for (const listener of this.launchListeners) listener();
  }

  importMapFile(path: string): Promise<ReceivedMapView> {
    const view = this.files.get(path);
    if (!view) return Promise.reject({ code: "foreignDocument", message: `${path} is not a story map` } satisfies ApiError);
    return Promise.resolve(this.receive(view));
  }

  /** What `backups` lists, and the map each backup's file holds. */
  backupList: BackupView[] = [];
  readonly backupMaps = new Map<string, MapView>();
  readonly restoredBackups: string[] = [];

  backups(mapId: string | null): Promise<BackupView[]> {
    return Promise.resolve(this.backupList.filter((backup) => mapId === null || backup.mapId === mapId));
  }

  /** As Rust does for a map still here: the backup comes back as a copy beside it. */
  restoreBackup(path: string): Promise<MapSummary> {
    const backup = this.backupList.find((candidate) => candidate.path === path);
    const view = this.backupMaps.get(path);
    if (!backup || !view) return Promise.reject({ code: "notFound", message: `cannot read ${path}` } satisfies ApiError);
    this.restoredBackups.push(path);
    const copy: MapView = { ...view, map: { id: `${view.map.id}-restored`, name: `${view.map.name} (backup of ${backup.date})` } };
    return Promise.resolve(this.receive(copy).map);
  }

  /** What `repairDatabase` answers, and each call's `backupsOnly`. */
  repairReport: RepairReport = { damagedFile: null, maps: [] };
  readonly repairs: boolean[] = [];

  repairDatabase(backupsOnly: boolean): Promise<RepairReport> {
    this.repairs.push(backupsOnly);
    return Promise.resolve(this.repairReport);
  }

  chooseSavePath(defaultName: string): Promise<string | null> {
    this.savePathsAsked.push(defaultName);
    return Promise.resolve(this.savePath);
  }

  chooseOpenPath(): Promise<string | null> {
    return Promise.resolve(this.openPath);
  }

  /** Links the UI asked the system to open, in order. */
  readonly openedLinks: string[] = [];

  openLink(url: string): Promise<void> {
    this.openedLinks.push(url);
    return Promise.resolve();
  }

  onSyncStatus(listener: (status: SyncStatus) => void): Unsubscribe {
    return listenersOf(this.statusListeners, listener);
  }

  onRemoteChange(listener: (remote: RemoteChange) => void): Unsubscribe {
    return listenersOf(this.remoteListeners, listener);
  }

  onMapsChanged(listener: () => void): Unsubscribe {
    return listenersOf(this.mapsListeners, listener);
  }

  onProgress(listener: (progress: ProgressView) => void): Unsubscribe {
    return listenersOf(this.progressListeners, listener);
  }

  onBackupFailed(listener: (error: ApiError) => void): Unsubscribe {
    return listenersOf(this.backupFailedListeners, listener);
  }

  /** Pushes a `backup-failed` event, as the Rust side does when a backup pass fails. */
  emitBackupFailed(error: ApiError): void {
    for (const listener of this.backupFailedListeners) listener(error);
  }

  /** Pushes a `progress` event, as the Rust side does while long work runs. */
  emitProgress(progress: ProgressView): void {
    for (const listener of this.progressListeners) listener(progress);
  }

  /** Pushes a `sync-status` event, as the Rust side does when a map's sync state changes. */
  emitSyncStatus(status: SyncStatus): void {
    this.statuses.set(status.mapId, status);
    for (const listener of this.statusListeners) listener(status);
  }

  emitRemoteChange(remote: RemoteChange): void {
    for (const listener of this.remoteListeners) listener(remote);
  }

  emitMapsChanged(): void {
    for (const listener of this.mapsListeners) listener();
  }

  /** How many components listen to each event (0 once all unsubscribed). */
  listenerCounts(): { status: number; remote: number; maps: number } {
    return { status: this.statusListeners.size, remote: this.remoteListeners.size, maps: this.mapsListeners.size };
  }
}
