import type { Backend } from "../backend/backend";
import type { ApiError } from "../bindings/ApiError";
import type { EditOutcome } from "../bindings/EditOutcome";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import { emptyMap, sampleMap, story } from "./sampleMap";

/**
 * An in-memory Backend for tests only. It mimics the real one closely enough for the UI:
 * edits change a stored map and answer with the whole new view.
 */
export class FakeBackend implements Backend {
  readonly maps = new Map<string, MapView>();
  readonly edits: Array<{ mapId: string; edit: MapEdit }> = [];
  startMapId: string;
  private nextId = 1;
  private failures: ApiError[] = [];

  constructor(maps: MapView[] = [sampleMap(), emptyMap()]) {
    for (const map of maps) this.maps.set(map.map.id, structuredClone(map));
    this.startMapId = maps[0]?.map.id ?? "none";
  }

  /** The next call to `applyEdit` rejects with this error. */
  failNextEdit(error: ApiError): void {
    this.failures.push(error);
  }

  listMaps(): Promise<MapSummary[]> {
    return Promise.resolve(
      [...this.maps.values()].map((view) => ({
        id: view.map.id,
        name: view.map.name,
        storyCount: view.stories.length,
        updatedAt: "2025-01-01T10:00:00Z",
      })),
    );
  }

  openStartMap(): Promise<MapView> {
    return this.openMap(this.startMapId);
  }

  openMap(mapId: string): Promise<MapView> {
    const view = this.maps.get(mapId);
    if (!view) return Promise.reject(this.error("notFound", `No map ${mapId}`));
    return Promise.resolve(structuredClone(view));
  }

  createMap(name: string): Promise<MapView> {
    const view: MapView = {
      schemaVersion: 1,
      map: { id: this.id("map"), name },
      activities: [],
      releases: [{ id: this.id("r"), title: "MVP", rank: "a" }],
      stories: [],
    };
    this.maps.set(view.map.id, view);
    return Promise.resolve(structuredClone(view));
  }

  applyEdit(mapId: string, edit: MapEdit): Promise<EditOutcome> {
    this.edits.push({ mapId, edit });
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    const view = this.maps.get(mapId);
    if (!view) return Promise.reject(this.error("notFound", `No map ${mapId}`));
    let createdId: string | null = null;
    const find = <T extends { id: string }>(items: T[], id: string): T => {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw this.error("notFound", `No item ${id}`);
      return item;
    };
    try {
      switch (edit.kind) {
        case "renameMap":
          view.map.name = edit.name;
          break;
        case "addActivity":
          createdId = this.id("a");
          view.activities.push({ id: createdId, title: edit.title, rank: createdId, steps: [] });
          break;
        case "renameActivity":
          find(view.activities, edit.activityId).title = edit.title;
          break;
        case "addStep":
          createdId = this.id("s");
          find(view.activities, edit.activityId).steps.push({ id: createdId, title: edit.title, rank: createdId });
          break;
        case "renameStep":
          find(
            view.activities.flatMap((activity) => activity.steps),
            edit.stepId,
          ).title = edit.title;
          break;
        case "addRelease":
          createdId = this.id("r");
          view.releases.push({ id: createdId, title: edit.title, rank: createdId });
          break;
        case "renameRelease":
          find(view.releases, edit.releaseId).title = edit.title;
          break;
        case "addStory": {
          const activity = view.activities.find((candidate) =>
            candidate.steps.some((step) => step.id === edit.stepId),
          );
          if (!activity) throw this.error("notFound", `No step ${edit.stepId}`);
          createdId = this.id("st");
          // Insert after the last story of the same cell, keeping display order.
          const added = story(createdId, edit.title, activity.id, edit.stepId, edit.releaseId);
          let at = view.stories.length;
          for (let index = view.stories.length - 1; index >= 0; index -= 1) {
            const other = view.stories[index];
            if (other && other.stepId === edit.stepId && other.releaseId === edit.releaseId) {
              at = index + 1;
              break;
            }
          }
          view.stories.splice(at, 0, added);
          break;
        }
        case "renameStory":
          find(view.stories, edit.storyId).title = edit.title;
          break;
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve({ view: structuredClone(view), createdId });
  }

  private id(prefix: string): string {
    const id = `${prefix}-new-${this.nextId.toString()}`;
    this.nextId += 1;
    return id;
  }

  private error(code: ApiError["code"], message: string): ApiError {
    return { code, message };
  }
}
