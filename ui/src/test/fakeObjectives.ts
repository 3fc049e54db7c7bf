//! PI objectives and cross-team dependencies in the fake backend (Vitest only): the edits, the
//! backlog's filter and grouped order, and each objective's roll-up, as the Rust core does them
//! (`objectives.rs`, `refine/objectives.rs`, `crossteam.rs`). The real answers come from Rust.
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { ObjectiveQuery } from "../bindings/ObjectiveQuery";
import type { ObjectiveRollupView } from "../bindings/ObjectiveRollupView";
import type { StoryView } from "../bindings/StoryView";
import type { FakeTools } from "./fakeRefineEdits";

type ObjectiveEdit = Extract<MapEdit, { kind: "addObjective" | "updateObjective" | "moveObjective" | "deleteObjective" | "alignStory" }>;
type CrossTeamEdit = Extract<MapEdit, { kind: "addCrossTeamDependency" | "updateCrossTeamDependency" | "deleteCrossTeamDependency" }>;

const CROSS_TEAM_EDITS: ReadonlySet<string> = new Set(["addCrossTeamDependency", "updateCrossTeamDependency", "deleteCrossTeamDependency"]);

export function isCrossTeamEdit(edit: MapEdit): edit is CrossTeamEdit {
  return CROSS_TEAM_EDITS.has(edit.kind);
}

/** A story's cross-team dependencies, simply done (Rust checks `neededBy` and the limits). */
export function applyCrossTeamEdit(view: MapView, edit: CrossTeamEdit, tools: FakeTools): { label: string; createdId: string | null } {
  const story = tools.find(view.stories, edit.storyId);
  switch (edit.kind) {
    case "addCrossTeamDependency": {
      if (edit.team.trim() === "") throw tools.error("invalidInput", "the team is empty");
      const id = tools.id("xteam");
      const { team, item, neededBy, status } = edit;
      story.externalDependencies.push({ id, team: team.trim(), item: item.trim(), neededBy, status });
      return { label: `Make '${story.title}' wait on ${team.trim()}`, createdId: id };
    }
    case "updateCrossTeamDependency": {
      const dependency = tools.find(story.externalDependencies, edit.dependencyId);
      Object.assign(dependency, { team: edit.team, item: edit.item, neededBy: edit.neededBy, status: edit.status });
      return { label: `Change what '${story.title}' waits on`, createdId: null };
    }
    case "deleteCrossTeamDependency":
      story.externalDependencies = story.externalDependencies.filter((d) => d.id !== edit.dependencyId);
      return { label: `Take a cross-team dependency off '${story.title}'`, createdId: null };
  }
}

export const OBJECTIVE_EDITS: ReadonlySet<string> = new Set(["addObjective", "updateObjective", "moveObjective", "deleteObjective", "alignStory"]);

export function isObjectiveEdit(edit: MapEdit): edit is ObjectiveEdit {
  return OBJECTIVE_EDITS.has(edit.kind);
}

export function applyObjectiveEdit(view: MapView, edit: ObjectiveEdit, tools: FakeTools): { label: string; createdId: string | null } {
  const checkValue = (value: number) => {
    if (!(value >= 1 && value <= 10)) throw tools.error("invalidInput", `an objective's business value is 1 to 10 (got ${value.toString()})`);
  };
  switch (edit.kind) {
    case "addObjective": {
      checkValue(edit.businessValue);
      const id = tools.id("objective");
      view.objectives.push({ id, title: edit.title.trim(), businessValue: edit.businessValue, committed: edit.committed });
      return { label: `Add objective '${edit.title.trim()}'`, createdId: id };
    }
    case "updateObjective": {
      checkValue(edit.businessValue);
      const objective = tools.find(view.objectives, edit.objectiveId);
      Object.assign(objective, { title: edit.title.trim(), businessValue: edit.businessValue, committed: edit.committed });
      return { label: `Change objective '${objective.title}'`, createdId: null };
    }
    case "moveObjective": {
      const objective = tools.find(view.objectives, edit.objectiveId);
      const others = view.objectives.filter((o) => o.id !== edit.objectiveId);
      others.splice(Math.min(edit.to, others.length), 0, objective);
      view.objectives = others;
      return { label: `Move objective '${objective.title}'`, createdId: null };
    }
    case "deleteObjective": {
      const objective = tools.find(view.objectives, edit.objectiveId);
      view.objectives = view.objectives.filter((o) => o.id !== edit.objectiveId);
      for (const story of view.stories) if (story.objectiveId === edit.objectiveId) delete story.objectiveId;
      return { label: `Delete objective '${objective.title}'`, createdId: null };
    }
    case "alignStory": {
      const story = tools.find(view.stories, edit.storyId);
      if (edit.objectiveId === null) {
        delete story.objectiveId;
      } else {
        tools.find(view.objectives, edit.objectiveId);
        story.objectiveId = edit.objectiveId;
      }
      return { label: `Align '${story.title}'`, createdId: null };
    }
  }
}

/** The position of the story's objective, or `Infinity` for none (sorts last). */
export function objectivePosition(view: MapView, story: StoryView): number {
  const at = view.objectives.findIndex((o) => o.id === story.objectiveId);
  return at === -1 ? Infinity : at;
}

export function matchesObjective(view: MapView, story: StoryView, query: ObjectiveQuery | null): boolean {
  if (query === null) return true;
  if (query === "unaligned") return objectivePosition(view, story) === Infinity;
  return story.objectiveId === query.aligned;
}

export function fakeObjectiveRollups(view: MapView): ObjectiveRollupView[] {
  return view.objectives.map((objective) => {
    const stories = view.stories.filter((s) => s.objectiveId === objective.id);
    const open = stories.filter((s) => s.status !== "done");
    const points = open.reduce((sum, s) => sum + (s.refinement.points ?? 0), 0);
    const readyPoints = open.filter((s) => s.refinement.ready).reduce((sum, s) => sum + (s.refinement.points ?? 0), 0);
    return {
      objectiveId: objective.id,
      label: `${objective.title} (${objective.committed ? "committed" : "stretch"}, value ${objective.businessValue.toString()})`,
      stories: stories.length,
      done: stories.length - open.length,
      points,
      readyPoints,
      unestimated: open.filter((s) => s.refinement.points === null).length,
      blocked: open.filter((s) => s.blockedReason !== null).map((s) => ({ storyId: s.id, title: s.title, reason: s.blockedReason ?? "" })),
    };
  });
}
