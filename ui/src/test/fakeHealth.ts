//! Rust's `refine::health` for the fake backend only: ready points (ready, not done) over the
//! velocity against the target band, and what each slice still needs. The words follow
//! `health.rs`; the real answer comes from Rust (`backlogHealth`).
import type { HealthBand } from "../bindings/HealthBand";
import type { HealthTrendPointView } from "../bindings/HealthTrendPointView";
import type { HealthView } from "../bindings/HealthView";
import type { MapView } from "../bindings/MapView";
import { fakeObjectiveRollups } from "./fakeObjectives";

const tenths = (value: number) => Math.round(value * 10) / 10;
const number = (value: number) => tenths(value).toString();
const plural = (n: number, word: string) => `${number(n)} ${word}${number(n) === "1" ? "" : "s"}`;

export function fakeHealth(view: MapView, trend: HealthTrendPointView[] = []): HealthView {
  const { velocity, readyTargetSprints: target, sprintLengthDays } = view.settings;
  const open = view.stories.filter((story) => story.status !== "done");
  const readyPoints = open.filter((s) => s.refinement.ready).reduce((sum, s) => sum + (s.refinement.points ?? 0), 0);
  const sprints = (points: number) => (velocity === null ? null : points / velocity);
  const readySprints = sprints(readyPoints);
  const readyDays = readySprints === null ? null : readySprints * sprintLengthDays;
  const days = readyDays === null ? null : Math.round(readyDays);
  const horizon = days === null ? null : `≈ ${days.toString()} working day${days === 1 ? "" : "s"}`;
  let band: HealthBand | null = null;
  if (readySprints !== null) band = tenths(readySprints) < target.min ? "below" : tenths(readySprints) > target.max ? "above" : "inside";
  const line =
    readySprints === null
      ? `Ready backlog: ${plural(readyPoints, "pt")}`
      : `Ready backlog: ${plural(readySprints, "sprint")} (target ${number(target.min)}–${number(target.max)})`;
  const slices = view.releases.map((release) => {
    const stories = open.filter((s) => s.releaseId === release.id);
    const points = stories.reduce((sum, s) => sum + (s.refinement.points ?? 0), 0);
    const unestimated = stories.filter((s) => s.refinement.points === null).map((s) => ({ storyId: s.id, title: s.title }));
    const needs = sprints(points);
    const parts: string[] = [];
    if (points > 0) parts.push(needs === null ? plural(points, "pt") : `needs ≈ ${plural(needs, "sprint")}`);
    if (unestimated.length > 0) parts.push(`${unestimated.length.toString()} unestimated`);
    return { releaseId: release.id, title: release.title, points, unestimated, sprints: needs, line: parts.join(" · ") || "nothing left to do" };
  });
  const objectives = fakeObjectiveRollups(view);
  return { readyPoints, velocity, readySprints, readyDays, horizon, target, band, line, slices, trend, objectives };
}
