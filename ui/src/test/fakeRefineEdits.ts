//! The refinement edits in the fake backend (Vitest only): text fields, estimates, WSJF, labels,
//! dependencies, criteria, splitting and the refinement settings (DoR, limits, status names), simply done.
import type { ApiError } from "../bindings/ApiError";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapView } from "../bindings/MapView";
import type { StoryView } from "../bindings/StoryView";
import { DEFAULT_STATUS_NAMES, FLAGS, STATUS_NAME_MAX } from "../model/labels";
import { applyCrossTeamEdit, applyObjectiveEdit, isCrossTeamEdit, isObjectiveEdit } from "./fakeObjectives";
import { parseEstimate } from "./fakeRefinement";
import { applyPersonaEdit, isPersonaEdit } from "./fakePersonas";
import { story as newStory } from "./sampleMap";

export interface FakeTools {
  find: <T extends { id: string }>(items: T[], id: string) => T;
  id: (prefix: string) => string;
  error: (code: ApiError["code"], message: string) => ApiError;
  cell: (stepId: string, releaseId: string) => StoryView[];
  rerank: (cell: StoryView[]) => void;
}

type Result = { label: string; createdId: string | null };

/** The display name the fake backend writes comments as (the fake sync settings' default). */
export const FAKE_AUTHOR = "Ann";

function toggle(list: string[], item: string, on: boolean): string[] {
  const without = list.filter((existing) => existing !== item);
  return on ? [...without, item] : without;
}

export function applyRefineEdit(view: MapView, edit: MapEdit, tools: FakeTools): Result {
  const done = (label: string, createdId: string | null = null): Result => ({ label, createdId });
  const storyOf = (id: string) => tools.find(view.stories, id);
  if (isObjectiveEdit(edit)) return applyObjectiveEdit(view, edit, tools);
  if (isCrossTeamEdit(edit)) return applyCrossTeamEdit(view, edit, tools);
  if (isPersonaEdit(edit)) return applyPersonaEdit(view, edit, tools);
  switch (edit.kind) {
    case "setStoryText": {
      const story = storyOf(edit.storyId);
      const field = edit.field;
      if (field === "blockedReason" || field === "parkedReason" || field === "needsInputFrom") {
        story[field] = edit.text === "" ? null : edit.text;
      } else {
        story[field] = edit.text;
      }
      return done(`Edit '${story.title}'`);
    }
    case "setStatus":
      storyOf(edit.storyId).status = edit.status;
      return done("Set status");
    case "setEstimate": {
      const story = storyOf(edit.storyId);
      story.estimate = edit.estimate === null ? null : parseEstimate(edit.estimate);
      return done(`Estimate '${story.title}'`);
    }
    case "setWsjf":
      storyOf(edit.storyId).wsjf[edit.part] = edit.value;
      return done("Score WSJF");
    case "setLabel": {
      const story = storyOf(edit.storyId);
      story.labels = toggle(story.labels, edit.label, edit.on);
      return done("Label");
    }
    case "setFlag": {
      const story = storyOf(edit.storyId);
      // In the core's order, as Rust sends them.
      story.flags = FLAGS.filter((flag) => (flag === edit.flag ? edit.on : story.flags.includes(flag)));
      return done("Flag");
    }
    case "setDependency": {
      const story = storyOf(edit.storyId);
      const other = storyOf(edit.dependsOn);
      if (edit.on && (other.id === story.id || other.dependsOn.includes(story.id))) {
        throw tools.error(
          "invalidInput",
          `that would make a dependency cycle: '${story.title}' → '${other.title}' → '${story.title}'`,
        );
      }
      story.dependsOn = toggle(story.dependsOn, other.id, edit.on);
      return done("Dependency");
    }
    case "setReadyCheck": {
      const story = storyOf(edit.storyId);
      story.readyChecks = toggle(story.readyChecks, edit.itemId, edit.on);
      return done("Ready check");
    }
    case "addCriteria": {
      const story = storyOf(edit.storyId);
      const lines = edit.text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
      if (lines.length === 0) throw tools.error("invalidInput", "an acceptance criterion needs some text");
      const ids = lines.map((text) => {
        const id = tools.id("ac");
        story.acceptanceCriteria.push({ id, text, done: false, given: "", when: "", then: "" });
        return id;
      });
      return done("Add criteria", ids[0] ?? null);
    }
    case "updateCriterion": {
      const criterion = tools.find(storyOf(edit.storyId).acceptanceCriteria, edit.criterionId);
      Object.assign(criterion, { text: edit.text, given: edit.given, when: edit.when, then: edit.then });
      return done("Edit criterion");
    }
    case "setCriterionDone":
      tools.find(storyOf(edit.storyId).acceptanceCriteria, edit.criterionId).done = edit.done;
      return done("Tick criterion");
    case "moveCriterion": {
      const story = storyOf(edit.storyId);
      const criterion = tools.find(story.acceptanceCriteria, edit.criterionId);
      const rest = story.acceptanceCriteria.filter((item) => item !== criterion);
      rest.splice(Math.max(0, Math.min(edit.toIndex, rest.length)), 0, criterion);
      story.acceptanceCriteria = rest;
      return done("Move criterion");
    }
    case "deleteCriterion": {
      const story = storyOf(edit.storyId);
      tools.find(story.acceptanceCriteria, edit.criterionId);
      story.acceptanceCriteria = story.acceptanceCriteria.filter((item) => item.id !== edit.criterionId);
      return done("Delete criterion");
    }
    case "splitStory": {
      const original = storyOf(edit.storyId);
      if (edit.children.length < 2) throw tools.error("invalidInput", "a split needs at least two stories");
      const cell = tools.cell(original.stepId, original.releaseId);
      const at = cell.indexOf(original);
      const children = edit.children.map((child, index) => {
        const made = newStory(tools.id("st"), child.title, original.activityId, original.stepId, original.releaseId, "refining");
        made.asA = original.asA;
        made.iWant = original.iWant;
        made.soThat = original.soThat;
        made.why = original.why;
        made.labels = [...original.labels];
        made.splitFrom = original.id;
        made.splitFromTitle = original.title;
        made.acceptanceCriteria = original.acceptanceCriteria.filter((criterion) => {
          const owner = edit.children.findIndex((other) => other.criterionIds.includes(criterion.id));
          return (owner === -1 ? 0 : owner) === index;
        });
        return made;
      });
      cell.splice(at, 1, ...children);
      tools.rerank(cell);
      view.stories = [...view.stories.filter((item) => item !== original), ...children];
      return done(`Split '${original.title}' into ${children.length.toString()}`, children[0]?.id ?? null);
    }
    case "addDorItem": {
      const id = tools.id("dor");
      view.settings.definitionOfReady.push({ id, text: edit.text, rule: null });
      return done("Add DoR item", id);
    }
    case "renameDorItem":
      tools.find(view.settings.definitionOfReady, edit.itemId).text = edit.text;
      return done("Rename DoR item");
    case "deleteDorItem":
      tools.find(view.settings.definitionOfReady, edit.itemId);
      view.settings.definitionOfReady = view.settings.definitionOfReady.filter((item) => item.id !== edit.itemId);
      return done("Delete DoR item");
    case "setSmallLimit":
      view.settings.smallLimit = edit.points;
      return done("Set the point limit");
    case "setTShirtPoints": {
      const row = view.settings.tshirtPoints.find((item) => item.size === edit.size);
      if (row) row.points = edit.points;
      return done("Set T-shirt points");
    }
    case "setVelocity": {
      if (edit.points !== null && !(edit.points > 0 && edit.points <= 1000)) {
        throw tools.error("invalidInput", `velocity must be more than 0 and at most 1000 points per sprint (got ${edit.points.toString()})`);
      }
      view.settings.velocity = edit.points;
      return done(edit.points === null ? "Clear the velocity" : `Set the velocity to ${edit.points.toString()} points per sprint`);
    }
    case "setSprintLength":
      if (!(edit.days >= 1 && edit.days <= 60)) throw tools.error("invalidInput", `a sprint lasts 1 to 60 days (got ${edit.days.toString()})`);
      view.settings.sprintLengthDays = edit.days;
      return done(`Set the sprint length to ${edit.days.toString()} days`);
    case "setReadyTarget":
      if (edit.min > edit.max) {
        throw tools.error("invalidInput", `the ready target's lower end (${edit.min.toString()}) is above its upper end (${edit.max.toString()})`);
      }
      view.settings.readyTargetSprints = { min: edit.min, max: edit.max };
      return done(`Aim for ${edit.min.toString()}–${edit.max.toString()} sprints of ready work`);
    case "setLabelColor": {
      const { labelColors, labelTextColors } = view.settings;
      if (edit.color === null) {
        const without = (colors: Record<string, string>) => Object.fromEntries(Object.entries(colors).filter(([label]) => label !== edit.label));
        view.settings.labelColors = without(labelColors);
        view.settings.labelTextColors = without(labelTextColors);
        return done(`Take the colour off label ${edit.label}`);
      }
      if (!/^#[0-9a-fA-F]{6}$/.test(edit.color)) {
        throw tools.error("invalidInput", `the colour of label '${edit.label}' must be #rrggbb (got '${edit.color}')`);
      }
      labelColors[edit.label] = edit.color.toLowerCase();
      labelTextColors[edit.label] = fakeTextColor(edit.color);
      return done(`Colour label ${edit.label} ${edit.color}`);
    }
    case "setStatusLabel": {
      if (edit.label.length > STATUS_NAME_MAX) {
        throw tools.error("invalidInput", `the status name is longer than ${STATUS_NAME_MAX.toString()} characters`);
      }
      const label = edit.label.trim();
      const row = view.settings.statusLabels.find((item) => item.status === edit.status);
      if (row) row.label = label === "" ? DEFAULT_STATUS_NAMES[edit.status] : label;
      return done(label === "" ? `Name status ${edit.status} as by default` : `Call status ${edit.status} '${label}'`);
    }
    case "addComment": {
      const id = tools.id("comment");
      const text = edit.text.trim();
      const mentions = [...text.matchAll(/(?:^|\s)@([\p{L}\p{N}._-]+)/gu)].map((m) => (m[1] ?? "").replace(/\.+$/, ""));
      storyOf(edit.storyId).comments.push({ id, author: FAKE_AUTHOR, at: "2026-12-04T10:00:00Z", text, mentions });
      return done("Comment", id);
    }
    case "editComment": {
      const comment = tools.find(storyOf(edit.storyId).comments, edit.commentId);
      comment.text = edit.text;
      comment.editedAt = "2026-12-04T10:05:00Z";
      return done("Edit a comment");
    }
    case "deleteComment": {
      const story = storyOf(edit.storyId);
      story.comments = story.comments.filter((comment) => comment.id !== edit.commentId);
      return done("Delete a comment");
    }
    case "addLink": {
      const scheme = /^([a-z]+):/i.exec(edit.url.trim())?.[1]?.toLowerCase() ?? "";
      if (!["http", "https", "mailto"].includes(scheme)) {
        throw tools.error("invalidInput", `links may only use http, https or mailto, not '${scheme}:'`);
      }
      const id = tools.id("link");
      const url = edit.url.trim();
      storyOf(edit.storyId).links.push({ id, title: edit.title.trim() || url, url });
      return done("Link", id);
    }
    case "deleteLink": {
      const story = storyOf(edit.storyId);
      story.links = story.links.filter((link) => link.id !== edit.linkId);
      return done("Remove a link");
    }
    default:
      throw tools.error("internal", `The fake backend does not handle ${edit.kind}`);
  }
}

/** Rust's `label_colors::text_color` (WCAG contrast against #ffffff and #111827), for the fake only. */
function fakeTextColor(color: string): string {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.062 ? "#ffffff" : "#111827";
}
