import type { EditOutcome } from "../bindings/EditOutcome";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";

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
  applyEdit(mapId: string, edit: MapEdit): Promise<EditOutcome>;
}
