//! The history half of the in-memory Backend for Vitest: what changed, story timelines,
//! conflicts, points in history and past maps are whatever a test sets; the history edits
//! (keep a value, restore a story or a field) act on the fake's map simply.
import type { ApiError } from "../bindings/ApiError";
import type { ChangeEntryView } from "../bindings/ChangeEntryView";
import type { ChangesSince } from "../bindings/ChangesSince";
import type { ChangesView } from "../bindings/ChangesView";
import type { ConflictView } from "../bindings/ConflictView";
import type { HistoryPointView } from "../bindings/HistoryPointView";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import { FakeSync } from "./fakeSync";

type HistoryEdit = Extract<MapEdit, { kind: "resolveConflict" | "restoreStory" | "restoreField" }>;

export function isHistoryEdit(edit: MapEdit): edit is HistoryEdit {
  return edit.kind === "resolveConflict" || edit.kind === "restoreStory" || edit.kind === "restoreField";
}

export function noChanges(sinceLabel: string): ChangesView {
  return { sinceLabel, changeCount: 0, authors: [], stories: [], mapEntries: [], mentionCount: 0 };
}

export abstract class FakeHistory extends FakeSync {
  /** What `changesSince` answers for each kind of start; an `ApiError` rejects. */
  readonly changeAnswers = new Map<ChangesSince["kind"], ChangesView | ApiError>([
    // As Rust answers a map never synced: everything since it was created.
    ["lastSync", noChanges("Not synced yet: everything since this map was created")],
    ["lastOpened", noChanges("Since you last opened this map")],
    ["lastSession", noChanges("No refinement session yet: everything since this map was created")],
    ["date", noChanges("Since the date")],
  ]);
  readonly changesAsked: ChangesSince[] = [];
  readonly timelines = new Map<string, ChangeEntryView[]>();
  conflictList: ConflictView[] = [];
  conflictCalls = 0;
  points: HistoryPointView[] = [];
  readonly pointLimits: number[] = [];
  readonly pastMaps = new Map<string, MapView>();
  /** Set to hold history answers until `releaseHistory()`, to observe loading states. */
  private heldHistory: Array<() => void> | null = null;

  holdHistory(): void {
    this.heldHistory = [];
  }

  releaseHistory(): void {
    const held = this.heldHistory ?? [];
    this.heldHistory = null;
    for (const answer of held) answer();
  }

  changesSince(_mapId: string, since: ChangesSince): Promise<ChangesView> {
    this.changesAsked.push(structuredClone(since));
    const answer = this.changeAnswers.get(since.kind) ?? noChanges("Since then");
    return this.historyAnswer(() => ("code" in answer ? Promise.reject(answer) : Promise.resolve(structuredClone(answer))));
  }

  storyTimeline(_mapId: string, storyId: string): Promise<ChangeEntryView[]> {
    return this.historyAnswer(() => Promise.resolve(structuredClone(this.timelines.get(storyId) ?? [])));
  }

  conflicts(): Promise<ConflictView[]> {
    this.conflictCalls += 1;
    return Promise.resolve(structuredClone(this.conflictList));
  }

  historyPoints(_mapId: string, limit: number): Promise<HistoryPointView[]> {
    this.pointLimits.push(limit);
    return this.historyAnswer(() => Promise.resolve(structuredClone(this.points.slice(0, limit))));
  }

  mapAt(_mapId: string, hash: string): Promise<MapView> {
    const view = this.pastMaps.get(hash);
    if (!view) return Promise.reject({ code: "notFound", message: `No point ${hash}` } satisfies ApiError);
    return this.historyAnswer(() => Promise.resolve(structuredClone(view)));
  }

  /** Applies a history edit to `view` (the fake's copy of the map); answers the undo label. */
  protected applyHistoryEdit(view: MapView, edit: HistoryEdit): string {
    if (edit.kind === "resolveConflict") {
      this.conflictList = this.conflictList.filter((item) => !(item.storyId === edit.storyId && item.field === edit.field));
      return "Settle a conflict";
    }
    const past = this.pastMaps.get(edit.at)?.stories.find((item) => item.id === edit.storyId);
    if (!past) throw { code: "notFound", message: `No story ${edit.storyId} at ${edit.at}` } satisfies ApiError;
    const index = view.stories.findIndex((item) => item.id === edit.storyId);
    if (edit.kind === "restoreStory") {
      if (index < 0) view.stories.push(structuredClone(past));
      else view.stories[index] = structuredClone(past);
      return `Restore story '${past.title}'`;
    }
    const current = view.stories[index];
    const field = edit.field as keyof StoryView;
    if (current && field in past) Object.assign(current, { [field]: structuredClone(past[field]) });
    return `Restore a field of '${past.title}'`;
  }

  private historyAnswer<T>(make: () => Promise<T>): Promise<T> {
    if (!this.heldHistory) return make();
    const held = this.heldHistory;
    return new Promise<T>((resolve, reject) => {
      held.push(() => {
        make().then(resolve, reject);
      });
    });
  }
}
