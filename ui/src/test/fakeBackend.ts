//! An in-memory Backend for Vitest only. It mimics the real one closely enough for the UI: edits
//! (moves by index included) change a stored map and answer with a `MapChange` patch, and each
//! map keeps a simple undo/redo stack of whole snapshots. Sync, files and events: `fakeSync.ts`;
//! what changed, conflicts and past maps: `fakeHistory.ts`; Jira CSV and file exports:
//! `components/exchange/fakeExchange.ts`; sessions and the projector: `fakeRoom.ts`.
import type { Backend } from "../backend/backend";
import type { ApiError } from "../bindings/ApiError";
import type { BacklogQuery } from "../bindings/BacklogQuery";
import type { BacklogView } from "../bindings/BacklogView";
import type { HealthTrendPointView } from "../bindings/HealthTrendPointView";
import type { HealthView } from "../bindings/HealthView";
import type { MapChange } from "../bindings/MapChange";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapSummary } from "../bindings/MapSummary";
import type { MapView } from "../bindings/MapView";
import type { PresentationFocus } from "../bindings/PresentationFocus";
import type { PresentationView } from "../bindings/PresentationView";
import type { ReceivedMapView } from "../bindings/ReceivedMapView";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { SessionListItem } from "../bindings/SessionListItem";
import type { SessionSummaryView } from "../bindings/SessionSummaryView";
import type { SessionView } from "../bindings/SessionView";
import type { SplitPatternView } from "../bindings/SplitPatternView";
import type { StoryView } from "../bindings/StoryView";
import type { ViewPrefs } from "../bindings/ViewPrefs";
import { applyRefineEdit } from "./fakeRefineEdits";
import { FakeRoom, isSessionEdit } from "./fakeRoom";
import { fakeBacklog } from "./fakeBacklog";
import { fakeHealth } from "./fakeHealth";
import { fakeSplitPatterns, refineAll } from "./fakeRefinement";
import { FakeExchange } from "../components/exchange/fakeExchange";
import { isHistoryEdit } from "./fakeHistory";
import { defaultSettings, emptyMap, release, sampleMap, story } from "./sampleMap";

interface HistoryEntry {
  label: string;
  before: MapView;
  after: MapView;
}

function insertAt<T>(items: T[], item: T, index: number): void {
  items.splice(Math.max(0, Math.min(index, items.length)), 0, item);
}

function byRank(a: StoryView, b: StoryView): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class FakeBackend extends FakeExchange implements Backend {
  readonly maps = new Map<string, MapView>();
  readonly edits: Array<{ mapId: string; edit: MapEdit }> = [];
  readonly savedPrefs = new Map<string, ViewPrefs>();
  readonly room = new FakeRoom();
  startMapId: string;
  private nextId = 1;
  private failures: ApiError[] = [];
  private undoStacks = new Map<string, HistoryEntry[]>();
  private redoStacks = new Map<string, HistoryEntry[]>();
  private notices: string[] = [];
  /** Set to hold every answer until `release()` is called. */
  private held: Array<() => void> | null = null;

  constructor(maps: MapView[] = [sampleMap(), emptyMap()]) {
    super();
    for (const map of maps) this.maps.set(map.map.id, this.withRollups(structuredClone(map)));
    this.startMapId = maps[0]?.map.id ?? "none";
  }

  /** The next call to `applyEdit` rejects with this error. */
  failNextEdit(error: ApiError): void {
    this.failures.push(error);
  }

  /** The next undo or redo answers with this notice (a teammate changed part of it). */
  noticeNextUndo(notice: string): void {
    this.notices.push(notice);
  }

  /** Holds edit answers until `release` is called, to observe the UI before the backend answers. */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const answer of held) answer();
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
      releases: [release(this.id("r"), "MVP", "a")],
      stories: [],
      objectives: [],
      personas: [],
      settings: defaultSettings(),
    };
    this.maps.set(view.map.id, view);
    return Promise.resolve(structuredClone(view));
  }

  /** A joined or imported map: replaces ours when we have it ("merged"), else is added. */
  protected receive(received: MapView): ReceivedMapView {
    const merged = this.maps.has(received.map.id);
    this.maps.set(received.map.id, this.withRollups(structuredClone(received)));
    const map = { id: received.map.id, name: received.map.name, storyCount: received.stories.length, updatedAt: "2025-01-01T10:00:00Z" };
    const summary = merged ? "Merged 3 changes by ben" : `Added '${received.map.name}'`;
    return { map, merged, changeCount: merged ? 3 : received.stories.length, summary };
  }

  /** Queries answered by `backlog`, for tests to check what the UI asked. */
  readonly backlogQueries: BacklogQuery[] = [];

  backlog(mapId: string, query: BacklogQuery): Promise<BacklogView> {
    this.backlogQueries.push(structuredClone(query));
    const view = this.maps.get(mapId);
    if (!view) return Promise.reject(this.error("notFound", `No map ${mapId}`));
    return Promise.resolve(fakeBacklog(view, query));
  }

  /** The trend `backlogHealth` answers with (the fake keeps no session health). */
  healthTrend: HealthTrendPointView[] = [];

  backlogHealth(mapId: string): Promise<HealthView> {
    return this.withMap(mapId, (view) => fakeHealth(view, this.healthTrend));
  }

  sessions(mapId: string): Promise<SessionListItem[]> {
    return Promise.resolve(this.room.list(mapId));
  }

  session(mapId: string, sessionId: string): Promise<SessionView> {
    return this.withMap(mapId, (view) => this.room.view(view, sessionId));
  }

  sessionSummary(mapId: string, sessionId: string | null): Promise<SessionSummaryView> {
    return this.withMap(mapId, (view) => this.room.summary(view, sessionId));
  }

  presentation(mapId: string, focus: PresentationFocus): Promise<PresentationView> {
    return this.withMap(mapId, (view) => this.room.presentation(view, focus));
  }

  private withMap<T>(mapId: string, read: (view: MapView) => T): Promise<T> {
    const view = this.maps.get(mapId);
    if (!view) return Promise.reject(this.error("notFound", `No map ${mapId}`));
    try {
      return Promise.resolve(read(view));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  splitPatterns(title: string): Promise<SplitPatternView[]> {
    return Promise.resolve(fakeSplitPatterns(title));
  }

  viewPrefs(mapId: string): Promise<ViewPrefs> {
    return Promise.resolve(structuredClone(this.savedPrefs.get(mapId) ?? { collapsedReleaseIds: [], zoom: 1 }));
  }

  saveViewPrefs(mapId: string, prefs: ViewPrefs): Promise<void> {
    this.savedPrefs.set(mapId, structuredClone(prefs));
    return Promise.resolve();
  }

  applyEdit(mapId: string, edit: MapEdit): Promise<MapChange> {
    this.edits.push({ mapId, edit });
    const failure = this.failures.shift();
    if (failure) return this.answer(() => Promise.reject(failure));
    const current = this.maps.get(mapId);
    if (!current) return this.answer(() => Promise.reject(this.error("notFound", `No map ${mapId}`)));
    const next = structuredClone(current);
    let result: { label: string; createdId: string | null };
    try {
      result = this.apply(next, edit);
    } catch (error) {
      return this.answer(() => Promise.reject(error));
    }
    const after = this.withRollups(next);
    this.maps.set(mapId, after);
    this.stack(this.undoStacks, mapId).push({ label: result.label, before: current, after });
    this.redoStacks.set(mapId, []);
    const change = this.diff(current, after, result.createdId, null);
    return this.answer(() => Promise.resolve(change));
  }

  undo(mapId: string): Promise<MapChange> {
    return this.travel(mapId, this.stack(this.undoStacks, mapId), this.stack(this.redoStacks, mapId), "before");
  }

  redo(mapId: string): Promise<MapChange> {
    return this.travel(mapId, this.stack(this.redoStacks, mapId), this.stack(this.undoStacks, mapId), "after");
  }

  private travel(mapId: string, from: HistoryEntry[], to: HistoryEntry[], side: "before" | "after"): Promise<MapChange> {
    const entry = from.pop();
    const current = this.maps.get(mapId);
    if (!entry || !current) return Promise.reject(this.error("invalidInput", "Nothing to undo or redo"));
    to.push(entry);
    const target = structuredClone(entry[side]);
    this.maps.set(mapId, target);
    return this.answer(() => Promise.resolve(this.diff(current, target, null, this.notices.shift() ?? null)));
  }

  private answer<T>(make: () => Promise<T>): Promise<T> {
    if (!this.held) return make();
    const held = this.held;
    return new Promise<T>((resolve, reject) => {
      held.push(() => {
        make().then(resolve, reject);
      });
    });
  }

  private stack(stacks: Map<string, HistoryEntry[]>, mapId: string): HistoryEntry[] {
    let stack = stacks.get(mapId);
    if (!stack) {
      stack = [];
      stacks.set(mapId, stack);
    }
    return stack;
  }

  private diff(before: MapView, after: MapView, createdId: string | null, notice: string | null): MapChange {
    const old = new Map(before.stories.map((item) => [item.id, JSON.stringify(item)]));
    const now = new Set(after.stories.map((item) => item.id));
    const mapId = after.map.id;
    // The objectives and personas live in the settings: Rust sends them all when one changed.
    const settingsChanged =
      JSON.stringify(before.settings) !== JSON.stringify(after.settings) ||
      JSON.stringify(before.objectives) !== JSON.stringify(after.objectives) ||
      JSON.stringify(before.personas) !== JSON.stringify(after.personas);
    return {
      mapId,
      name: before.map.name === after.map.name ? null : after.map.name,
      activities: JSON.stringify(before.activities) === JSON.stringify(after.activities) ? null : structuredClone(after.activities),
      releases: structuredClone(after.releases),
      stories: structuredClone(
        after.stories.filter((item) => settingsChanged || old.get(item.id) !== JSON.stringify(item)),
      ),
      settings: settingsChanged ? structuredClone(after.settings) : null,
      objectives: settingsChanged ? structuredClone(after.objectives) : null,
      personas: settingsChanged ? structuredClone(after.personas) : null,
      removedStoryIds: before.stories.filter((item) => !now.has(item.id)).map((item) => item.id),
      createdId,
      history: {
        undo: this.stack(this.undoStacks, mapId).at(-1)?.label ?? null,
        redo: this.stack(this.redoStacks, mapId).at(-1)?.label ?? null,
      },
      notice,
      session: this.room.takeChanged(),
    };
  }

  private withRollups(view: MapView): MapView {
    refineAll(view);
    return view;
  }

  /** Gives the cell's stories fresh ranks in the order given. */
  private rerank(cell: StoryView[]): void {
    cell.forEach((item, index) => {
      item.rank = `r${index.toString().padStart(4, "0")}`;
    });
  }

  private cell(view: MapView, stepId: string, releaseId: string, without?: string): StoryView[] {
    return view.stories.filter((item) => item.stepId === stepId && item.releaseId === releaseId && item.id !== without).sort(byRank);
  }

  private apply(view: MapView, edit: MapEdit): { label: string; createdId: string | null } {
    const find = <T extends { id: string }>(items: T[], id: string): T => {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw this.error("notFound", `No item ${id}`);
      return item;
    };
    const steps = () => view.activities.flatMap((activity) => activity.steps);
    const activityOf = (stepId: string) => {
      const activity = view.activities.find((candidate) => candidate.steps.some((step) => step.id === stepId));
      if (!activity) throw this.error("notFound", `No step ${stepId}`);
      return activity;
    };
    const done = (label: string, createdId: string | null = null) => ({ label, createdId });
    switch (edit.kind) {
      case "renameMap":
        view.map.name = edit.name;
        return done("Rename map");
      case "addActivity": {
        const id = this.id("a");
        view.activities.push({ id, title: edit.title, rank: id, steps: [] });
        return done(`Add activity '${edit.title}'`, id);
      }
      case "renameActivity":
        find(view.activities, edit.activityId).title = edit.title;
        return done(`Rename activity '${edit.title}'`);
      case "moveActivity": {
        const activity = find(view.activities, edit.activityId);
        view.activities = view.activities.filter((item) => item !== activity);
        insertAt(view.activities, activity, edit.toIndex);
        return done(`Move activity '${activity.title}'`);
      }
      case "deleteActivity": {
        const activity = find(view.activities, edit.activityId);
        const stepIds = new Set(activity.steps.map((step) => step.id));
        view.activities = view.activities.filter((item) => item !== activity);
        view.stories = view.stories.filter((item) => !stepIds.has(item.stepId));
        return done(`Delete activity '${activity.title}'`);
      }
      case "addStep": {
        const id = this.id("s");
        find(view.activities, edit.activityId).steps.push({ id, title: edit.title, rank: id });
        return done(`Add step '${edit.title}'`, id);
      }
      case "renameStep":
        find(steps(), edit.stepId).title = edit.title;
        return done(`Rename step '${edit.title}'`);
      case "moveStep": {
        const step = find(steps(), edit.stepId);
        const from = activityOf(edit.stepId);
        const to = find(view.activities, edit.activityId);
        from.steps = from.steps.filter((item) => item !== step);
        insertAt(to.steps, step, edit.toIndex);
        for (const item of view.stories) if (item.stepId === step.id) item.activityId = to.id;
        return done(`Move step '${step.title}'`);
      }
      case "deleteStep": {
        const step = find(steps(), edit.stepId);
        const from = activityOf(edit.stepId);
        from.steps = from.steps.filter((item) => item !== step);
        view.stories = view.stories.filter((item) => item.stepId !== step.id);
        return done(`Delete step '${step.title}'`);
      }
      case "mergeActivity": {
        const from = find(view.activities, edit.activityId);
        const into = find(view.activities, edit.intoId);
        for (const step of from.steps) {
          const same = into.steps.find((candidate) => candidate.title === step.title);
          for (const item of view.stories)
            if (item.stepId === step.id) Object.assign(item, { activityId: into.id, stepId: same?.id ?? step.id });
          if (!same) into.steps.push(step);
        }
        view.activities = view.activities.filter((item) => item !== from);
        return done(`Merge activity '${from.title}' into '${into.title}'`);
      }
      case "addRelease": {
        const id = this.id("r");
        view.releases.push(release(id, edit.title, id));
        return done(`Add slice '${edit.title}'`, id);
      }
      case "renameRelease":
        find(view.releases, edit.releaseId).title = edit.title;
        return done(`Rename slice '${edit.title}'`);
      case "moveRelease": {
        const slice = find(view.releases, edit.releaseId);
        view.releases = view.releases.filter((item) => item !== slice);
        insertAt(view.releases, slice, edit.toIndex);
        return done(`Move slice '${slice.title}'`);
      }
      case "deleteRelease": {
        const slice = find(view.releases, edit.releaseId);
        view.releases = view.releases.filter((item) => item !== slice);
        let target: ReleaseView | undefined =
          edit.moveStoriesTo === null ? undefined : find(view.releases, edit.moveStoriesTo);
        const moving = view.stories.filter((item) => item.releaseId === slice.id);
        if (!target && moving.length > 0) {
          target = view.releases.find((item) => item.title === "Unplanned");
          if (!target) {
            target = release(this.id("r"), "Unplanned", "~");
            view.releases.push(target);
          }
        }
        for (const item of moving) if (target) item.releaseId = target.id;
        return done(`Delete slice '${slice.title}'`);
      }
      case "sortByWsjf": {
        const slice = find(view.releases, edit.releaseId);
        const steps = new Set(view.stories.filter((item) => item.releaseId === slice.id).map((item) => item.stepId));
        for (const stepId of steps) {
          const cell = this.cell(view, stepId, slice.id);
          // Scored first by score, highest first; ties and the unscored keep their order.
          const score = (item: StoryView) => item.refinement.wsjf?.score ?? -Infinity;
          const sorted = [...cell].sort((a, b) => (score(a) === score(b) ? 0 : score(b) > score(a) ? 1 : -1));
          cell.splice(0, cell.length, ...sorted);
          this.rerank(cell);
        }
        return done(`Sort '${slice.title}' by WSJF`);
      }
      case "addStory": {
        const activity = activityOf(edit.stepId);
        find(view.releases, edit.releaseId);
        const id = this.id("st");
        const added = story(id, edit.title, activity.id, edit.stepId, edit.releaseId);
        const cell = this.cell(view, edit.stepId, edit.releaseId);
        cell.push(added);
        this.rerank(cell);
        view.stories.push(added);
        return done(`Add story '${edit.title}'`, id);
      }
      case "renameStory":
        find(view.stories, edit.storyId).title = edit.title;
        return done(`Rename story '${edit.title}'`);
      case "moveStory": {
        const moved = find(view.stories, edit.storyId);
        find(view.releases, edit.releaseId);
        const cell = this.cell(view, edit.stepId, edit.releaseId, moved.id);
        insertAt(cell, moved, edit.toIndex);
        moved.stepId = edit.stepId;
        moved.releaseId = edit.releaseId;
        moved.activityId = activityOf(edit.stepId).id;
        this.rerank(cell);
        return done(`Move story '${moved.title}'`);
      }
      case "duplicateStory": {
        const original = find(view.stories, edit.storyId);
        const id = this.id("st");
        const copy: StoryView = { ...structuredClone(original), id };
        const cell = this.cell(view, original.stepId, original.releaseId);
        insertAt(cell, copy, cell.indexOf(original) + 1);
        this.rerank(cell);
        view.stories.push(copy);
        return done(`Duplicate story '${original.title}'`, id);
      }
      case "deleteStory": {
        const gone = find(view.stories, edit.storyId);
        view.stories = view.stories.filter((item) => item !== gone);
        return done(`Delete story '${gone.title}'`);
      }
      default:
        if (isHistoryEdit(edit)) return done(this.applyHistoryEdit(view, edit));
        if (isSessionEdit(edit)) return this.room.apply(view, edit, (prefix) => this.id(prefix));
        return applyRefineEdit(view, edit, {
          find,
          id: (prefix) => this.id(prefix),
          error: (code, message) => this.error(code, message),
          cell: (stepId, releaseId) => this.cell(view, stepId, releaseId),
          rerank: (cell) => {
            this.rerank(cell);
          },
        });
    }
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
