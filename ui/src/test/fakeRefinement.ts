//! Canned refinement for the fake backend (Vitest only): a plausible, much simpler stand-in for
//! what the Rust core computes, so the UI has readiness, INVEST hints and WSJF to draw.
import type { BacklogQuery } from "../bindings/BacklogQuery";
import type { BacklogView } from "../bindings/BacklogView";
import type { DorCheckView } from "../bindings/DorCheckView";
import type { InvestHintView } from "../bindings/InvestHintView";
import type { MapView } from "../bindings/MapView";
import type { RefinementView } from "../bindings/RefinementView";
import type { SplitPatternView } from "../bindings/SplitPatternView";
import type { StoryView } from "../bindings/StoryView";
import { POINT_SCALE, TSHIRT_SIZES } from "../bindings/rules";

const POINTS: readonly string[] = POINT_SCALE;
const SIZES: readonly string[] = TSHIRT_SIZES;

/** The estimate as stored, or an error message like the core's. */
export function parseEstimate(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "0.5") return "½";
  if (trimmed === "?" || POINTS.includes(trimmed)) return trimmed;
  if (SIZES.includes(trimmed.toUpperCase())) return trimmed.toUpperCase();
  throw {
    code: "invalidInput",
    message: `'${trimmed}' is not an estimate: use story points (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100), ? or a T-shirt size (XS–XXL)`,
  };
}

function pointsOf(story: StoryView, view: MapView): number | null {
  const estimate = story.estimate;
  if (estimate === null || estimate === "?") return null;
  if (estimate === "½") return 0.5;
  const size = view.settings.tshirtPoints.find((row) => row.size === estimate);
  if (size) return size.points;
  return Number(estimate);
}

function refine(story: StoryView, view: MapView): RefinementView {
  const points = pointsOf(story, view);
  const byId = new Map(view.stories.map((item) => [item.id, item]));
  const openDependencies = story.dependsOn.filter((id) => byId.get(id)?.status !== "done");
  const blocked = story.blockedReason !== null || story.parkedReason !== null;
  const why = story.soThat.trim() !== "" || story.why.trim() !== "";
  const criteria = story.acceptanceCriteria.length > 0;
  const estimated = story.estimate !== null && story.estimate !== "?";
  const small = points !== null && points <= view.settings.smallLimit;
  const dor = view.settings.definitionOfReady.map((item): DorCheckView => {
    const check = (passed: boolean, detail: string) => ({
      itemId: item.id,
      text: item.text,
      automatic: item.rule !== null,
      passed,
      detail: passed ? "" : detail,
    });
    switch (item.rule) {
      case "whyClear":
        return check(why, "No 'so that' or why yet.");
      case "criteriaExplicit":
        return check(criteria, "No acceptance criteria yet.");
      case "estimated":
        return check(estimated, "Not estimated yet.");
      case "dependenciesKnown":
        return check(true, "");
      case "smallEnough":
        return check(small, `Above ${view.settings.smallLimit.toString()} points or not estimated.`);
      case "noOpenBlocker":
        return check(!blocked, "Blocked or parked.");
      case null:
        return check(story.readyChecks.includes(item.id), "");
    }
  });
  const hint = (letter: InvestHintView["letter"], ok: boolean, verdict: "warn" | "fail", message: string): InvestHintView =>
    ok ? { letter, verdict: "pass", message: "" } : { letter, verdict, message };
  const invest = [
    hint("independent", openDependencies.length === 0, "warn", "Depends on stories not done yet."),
    hint("negotiable", true, "warn", ""),
    hint("valuable", why, "warn", "No 'so that' or why: whose value does it serve?"),
    hint("estimable", estimated, "fail", "Not estimated: can the team size it?"),
    hint("small", points === null || points <= view.settings.smallLimit, "fail", "Too big for a sprint: split it."),
    hint("testable", criteria, "fail", "No acceptance criteria: how will we know it is done?"),
  ];
  const { value, timeCriticality, riskReduction, jobSize } = story.wsjf;
  const size = jobSize ?? points;
  const wsjf =
    value !== null && timeCriticality !== null && riskReduction !== null && size !== null && size > 0
      ? {
          costOfDelay: value + timeCriticality + riskReduction,
          jobSize: size,
          jobSizeFromEstimate: jobSize === null,
          score: Math.round(((value + timeCriticality + riskReduction) / size) * 10) / 10,
        }
      : null;
  return {
    ready: dor.every((check) => check.passed),
    points,
    dor,
    invest,
    tooBigOrVague: invest.filter((item) => item.verdict === "fail").length >= 2,
    wsjf,
    openDependencies,
    dependencyWarnings: openDependencies.map((id) => `Depends on '${byId.get(id)?.title ?? id}', not done yet.`),
    dependents: view.stories.filter((other) => other.dependsOn.includes(story.id)).map((other) => other.id),
  };
}

/** Every story's refinement computed afresh from the map. */
export function refineAll(view: MapView): void {
  for (const story of view.stories) story.refinement = refine(story, view);
}

/** The backlog, in map order (slice, step, rank) then sorted and filtered like the core does. */
export function fakeBacklog(view: MapView, query: BacklogQuery): BacklogView {
  const steps = view.activities.flatMap((activity) => activity.steps.map((step) => step.id));
  const slices = view.releases.map((slice) => slice.id);
  const key = (story: StoryView) => [slices.indexOf(story.releaseId), steps.indexOf(story.stepId)] as const;
  let rows = [...view.stories].sort((a, b) => {
    const [ra, sa] = key(a);
    const [rb, sb] = key(b);
    return ra - rb || sa - sb || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
  });
  rows = rows.filter(
    (story) =>
      (query.releaseId === null || story.releaseId === query.releaseId) &&
      (query.activityId === null || story.activityId === query.activityId) &&
      (query.status === null || story.status === query.status) &&
      (query.label === null || story.labels.includes(query.label)) &&
      (query.ready === null || story.refinement.ready === query.ready) &&
      (query.blocked === null || (story.blockedReason !== null) === query.blocked),
  );
  if (query.sort === "wsjf") rows.sort((a, b) => (b.refinement.wsjf?.score ?? -1) - (a.refinement.wsjf?.score ?? -1));
  if (query.sort === "readiness") rows.sort((a, b) => Number(b.refinement.ready) - Number(a.refinement.ready));
  if (query.sort === "estimate") rows.sort((a, b) => (a.refinement.points ?? 1e9) - (b.refinement.points ?? 1e9));
  const ready = rows.filter((story) => story.refinement.ready);
  const readyPoints = ready.reduce((sum, story) => sum + (story.refinement.points ?? 0), 0);
  const blocked = rows.filter((story) => story.blockedReason !== null).length;
  const needsInput = rows.filter((story) => story.needsInputFrom !== null).length;
  return {
    storyIds: rows.map((story) => story.id),
    stories: rows.length,
    ready: ready.length,
    readyPoints,
    blocked,
    needsInput,
    headline: `${ready.length.toString()} ready (${readyPoints.toString()} pts), ${blocked.toString()} blocked, ${needsInput.toString()} need input`,
  };
}

export function fakeSplitPatterns(title: string): SplitPatternView[] {
  return [
    {
      pattern: "workflowSteps",
      name: "Workflow steps",
      question: "Which steps of the workflow could ship on their own?",
      titles: [`${title}: first step`, `${title}: remaining steps`],
    },
    {
      pattern: "happyUnhappy",
      name: "Happy path first",
      question: "What is the simplest path that works, and which failures can wait?",
      titles: [`${title} (happy path)`, `${title} (errors and edge cases)`],
    },
    {
      pattern: "crud",
      name: "Operations (CRUD)",
      question: "Which operations does it bundle?",
      titles: [`Create: ${title}`, `View: ${title}`, `Change: ${title}`, `Remove: ${title}`],
    },
  ];
}
