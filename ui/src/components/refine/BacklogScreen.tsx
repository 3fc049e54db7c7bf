//! The backlog: the map's stories as one ranked list from the core, with sorts, filters and its
//! headline; estimates and statuses edit inline; in rank order, dragging a row re-ranks it by
//! moving it into the cell (step × slice) of the story it lands next to.
import { closestCenter, DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragOverEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { BacklogQuery } from "../../bindings/BacklogQuery";
import type { BacklogSort } from "../../bindings/BacklogSort";
import type { BacklogView } from "../../bindings/BacklogView";
import type { MapView } from "../../bindings/MapView";
import type { StoryFlag } from "../../bindings/StoryFlag";
import type { StoryStatus } from "../../bindings/StoryStatus";
import type { StoryView } from "../../bindings/StoryView";
import { backlogDrop, reorder } from "../../model/backlogMove";
import { toDisplayError } from "../../model/errors";
import { FLAG_NAMES, FLAGS, STATUSES, statusLabel } from "../../model/labels";
import { mapLabels } from "../../model/refinement";
import type { NewToast } from "../../state/store";
import { useStatusNames } from "../statusNames";
import { BacklogHealth } from "./BacklogHealth";
import { Row } from "./BacklogRow";
import { objectiveName } from "./ObjectiveSelect";
import type { SendEdit } from "./send";

export const DEFAULT_QUERY: BacklogQuery = {
  sort: "rank",
  releaseId: null,
  activityId: null,
  status: null,
  label: null,
  flag: null,
  objective: null,
  crossTeam: null,
  ready: null,
  blocked: null,
};

const SORTS: ReadonlyArray<{ sort: BacklogSort; label: string }> = [
  { sort: "rank", label: "Rank (map order)" },
  { sort: "wsjf", label: "WSJF, highest first" },
  { sort: "readiness", label: "Readiness" },
  { sort: "estimate", label: "Estimate, smallest first" },
  { sort: "objective", label: "PI objective (grouped)" },
];

/** The objective filter's value in its select: an objective's id, or "none". */
const NO_OBJECTIVE = "none";

export interface BacklogScreenProps {
  view: MapView;
  backend: Backend;
  send: SendEdit;
  onOpenStory: (storyId: string) => void;
  onToast: (toast: NewToast) => void;
  /** The story whose details are open, marked in the list. */
  openStoryId: string | null;
  /** Opens the refinement settings (capacity). */
  onSettings: () => void;
  /** Opens the map's PI objectives. */
  onObjectives: () => void;
}

/** In the grouped sort, the objective heading before the first story of each group. */
function groupHeading(sort: BacklogSort, story: StoryView, previous: StoryView | undefined, titles: Map<string, string>): string | null {
  if (sort !== "objective") return null;
  const group = (s: StoryView) => (s.objectiveId !== undefined && titles.has(s.objectiveId) ? s.objectiveId : null);
  if (previous !== undefined && group(previous) === group(story)) return null;
  const id = group(story);
  return id === null ? "No objective" : (titles.get(id) ?? "");
}

function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T | null;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T | null) => void;
  testId: string;
}) {
  return (
    <label className="filter">
      <span className="field-label">{label}</span>
      <select
        className="field-select"
        data-testid={testId}
        value={value ?? ""}
        onChange={(event) => {
          onChange(event.target.value === "" ? null : (event.target.value as T));
        }}
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function BacklogScreen({ view, backend, send, onOpenStory, onToast, openStoryId, onSettings, onObjectives }: BacklogScreenProps) {
  const [query, setQuery] = useState<BacklogQuery>(DEFAULT_QUERY);
  const names = useStatusNames();
  const [result, setResult] = useState<BacklogView | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const request = useRef(0);
  const mapId = view.map.id;

  // Asked again whenever the map changes (every edit patches `view`) or the query does.
  useEffect(() => {
    const asked = ++request.current;
    backend.backlog(mapId, query).then(
      (answer) => {
        if (asked === request.current) setResult(answer);
      },
      (error: unknown) => {
        if (asked === request.current) onToast({ kind: "error", ...toDisplayError(error) });
      },
    );
  }, [backend, mapId, query, view, onToast]);

  const byId = useMemo(() => new Map(view.stories.map((story) => [story.id, story])), [view.stories]);
  const titles = useMemo(() => {
    const names = new Map<string, string>();
    for (const activity of view.activities) for (const step of activity.steps) names.set(step.id, step.title);
    for (const release of view.releases) names.set(release.id, release.title);
    return names;
  }, [view.activities, view.releases]);
  const whereOf = (story: StoryView) => `${titles.get(story.stepId) ?? "?"} › ${titles.get(story.releaseId) ?? "?"}`;
  const labels = useMemo(() => mapLabels(view.stories), [view.stories]);
  const objectiveTitles = useMemo(() => new Map(view.objectives.map((o) => [o.id, objectiveName(o)])), [view.objectives]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));

  const ids = (result?.storyIds ?? []).filter((id) => byId.has(id));
  const rankSort = query.sort === "rank";
  const set = (part: Partial<BacklogQuery>) => {
    setQuery((current) => ({ ...current, ...part }));
  };
  const pending = dragId !== null && overId !== null ? backlogDrop(ids, view.stories, dragId, overId) : null;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragId(null);
    setOverId(null);
    if (!over || !result) return;
    const drop = backlogDrop(ids, view.stories, String(active.id), String(over.id));
    if (!drop) return;
    setResult({ ...result, storyIds: reorder(result.storyIds, String(active.id), String(over.id)) });
    void send(drop.edit);
  };

  return (
    <div className="backlog" data-testid="backlog">
      <div className="backlog-head">
        <div className="backlog-title-row">
          <h2>Backlog</h2>
          <p className="backlog-headline" data-testid="backlog-headline" aria-live="polite">
            {result?.headline ?? "Loading…"}
          </p>
        </div>
        <BacklogHealth
          view={view}
          backend={backend}
          onOpenStory={onOpenStory}
          onSettings={onSettings}
          onObjectives={onObjectives}
          onShowObjective={(objectiveId) => {
            set({ objective: { aligned: objectiveId } });
          }}
        />
        <div className="backlog-controls">
          <label className="filter">
            <span className="field-label">Sort by</span>
            <select
              className="field-select"
              data-testid="backlog-sort"
              value={query.sort}
              onChange={(event) => {
                set({ sort: event.target.value as BacklogSort });
              }}
            >
              {SORTS.map((option) => (
                <option key={option.sort} value={option.sort}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <FilterSelect
            label="Slice"
            testId="backlog-filter-slice"
            value={query.releaseId}
            options={view.releases.map((release) => ({ value: release.id, label: release.title }))}
            onChange={(releaseId) => { set({ releaseId }); }}
          />
          <FilterSelect
            label="Activity"
            testId="backlog-filter-activity"
            value={query.activityId}
            options={view.activities.map((activity) => ({ value: activity.id, label: activity.title }))}
            onChange={(activityId) => { set({ activityId }); }}
          />
          <FilterSelect<StoryStatus>
            label="Status"
            testId="backlog-filter-status"
            value={query.status}
            options={STATUSES.map((status) => ({ value: status, label: statusLabel(status, names) }))}
            onChange={(status) => { set({ status }); }}
          />
          <FilterSelect
            label="Label"
            testId="backlog-filter-label"
            value={query.label}
            options={labels.map((label) => ({ value: label, label }))}
            onChange={(label) => { set({ label }); }}
          />
          <FilterSelect<StoryFlag>
            label="Flag"
            testId="backlog-filter-flag"
            value={query.flag}
            options={FLAGS.map((flag) => ({ value: flag, label: FLAG_NAMES[flag] }))}
            onChange={(flag) => { set({ flag }); }}
          />
          <FilterSelect
            label="Objective"
            testId="backlog-filter-objective"
            value={query.objective === null ? null : query.objective === "unaligned" ? NO_OBJECTIVE : query.objective.aligned}
            options={[
              ...view.objectives.map((objective) => ({ value: objective.id, label: objective.title })),
              { value: NO_OBJECTIVE, label: "No objective" },
            ]}
            onChange={(value) => {
              set({ objective: value === null ? null : value === NO_OBJECTIVE ? "unaligned" : { aligned: value } });
            }}
          />
          <FilterSelect<"yes" | "no">
            label="Other teams"
            testId="backlog-filter-crossteam"
            value={query.crossTeam === null ? null : query.crossTeam ? "yes" : "no"}
            options={[{ value: "yes", label: "Waiting on a team" }, { value: "no", label: "Not waiting" }]}
            onChange={(waiting) => { set({ crossTeam: waiting === null ? null : waiting === "yes" }); }}
          />
          <FilterSelect<"yes" | "no">
            label="Ready"
            testId="backlog-filter-ready"
            value={query.ready === null ? null : query.ready ? "yes" : "no"}
            options={[{ value: "yes", label: "Ready" }, { value: "no", label: "Not ready" }]}
            onChange={(ready) => { set({ ready: ready === null ? null : ready === "yes" }); }}
          />
          <FilterSelect<"yes" | "no">
            label="Blocked"
            testId="backlog-filter-blocked"
            value={query.blocked === null ? null : query.blocked ? "yes" : "no"}
            options={[{ value: "yes", label: "Blocked" }, { value: "no", label: "Not blocked" }]}
            onChange={(blocked) => { set({ blocked: blocked === null ? null : blocked === "yes" }); }}
          />
        </div>
        {!rankSort && <p className="field-help">Drag rows to re-rank in “Rank” order.</p>}
      </div>
      {result !== null && ids.length === 0 ? (
        <p className="backlog-empty">No stories match these filters.</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragStart={({ active }) => { setDragId(String(active.id)); }}
          onDragOver={({ over }: DragOverEvent) => { setOverId(over ? String(over.id) : null); }}
          onDragCancel={() => { setDragId(null); setOverId(null); }}
          onDragEnd={onDragEnd}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="backlog-list" aria-label="Backlog">
              {ids.map((id, index) => {
                const story = byId.get(id);
                if (!story) return null;
                const group = groupHeading(query.sort, story, byId.get(ids[index - 1] ?? ""), objectiveTitles);
                return (
                  <Fragment key={id}>
                    {group !== null && (
                      <li className="backlog-group" data-testid="backlog-group" role="heading" aria-level={3}>
                        {group}
                      </li>
                    )}
                    <Row
                    story={story}
                    position={index + 1}
                    where={whereOf(story)}
                    draggable={rankSort}
                    open={openStoryId === id}
                    send={send}
                    onOpenStory={onOpenStory}
                  />
                  </Fragment>
                );
              })}
            </ol>
          </SortableContext>
          <DragOverlay dropAnimation={null}>
            {dragId !== null && (
              <div className="drag-preview is-story" data-testid="backlog-drag-hint">
                <span className="drag-preview-title">{byId.get(dragId)?.title}</span>
                {pending && <span className="drag-hint">moves it to {whereOf(pending.neighbour)}</span>}
              </div>
            )}
          </DragOverlay>
        </DndContext>
      )}
    </div>
  );
}
