import type { BacklogQuery } from "../bindings/BacklogQuery";
import type { BacklogView } from "../bindings/BacklogView";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import type { SplitPatternView } from "../bindings/SplitPatternView";
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
  /** Every splitting pattern with the titles it suggests for a story with this title. */
  splitPatterns(title: string): Promise<SplitPatternView[]>;
  /** How this device shows the map (collapsed slices, zoom). */
  viewPrefs(mapId: string): Promise<ViewPrefs>;
  saveViewPrefs(mapId: string, prefs: ViewPrefs): Promise<void>;
}
