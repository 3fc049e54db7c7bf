import { describe, expect, it } from "vitest";
import type { ActivityView } from "../bindings/ActivityView";
import { activityTone, layoutColumns, TONE_COUNT } from "./layout";

const activity = (id: string, stepIds: string[]): ActivityView => ({
  id,
  title: id.toUpperCase(),
  rank: id,
  steps: stepIds.map((stepId) => ({ id: stepId, title: stepId, rank: stepId })),
});

describe("layoutColumns", () => {
  it("gives each step a column and each activity a span over its steps, in the given order", () => {
    const { columns, spans } = layoutColumns([activity("a", ["a1", "a2", "a3"]), activity("b", ["b1"])]);

    expect(columns.map((column) => (column.kind === "step" ? column.step.id : column.kind))).toEqual([
      "a1",
      "a2",
      "a3",
      "b1",
    ]);
    expect(columns.map((column) => column.index)).toEqual([0, 1, 2, 3]);
    expect(spans.map(({ activity: { id }, start, span }) => ({ id, start, span }))).toEqual([
      { id: "a", start: 0, span: 3 },
      { id: "b", start: 3, span: 1 },
    ]);
  });

  it("keeps the backend's order instead of sorting by rank", () => {
    const { columns } = layoutColumns([
      { id: "z", title: "Z", rank: "z", steps: [{ id: "z2", title: "", rank: "b" }, { id: "z1", title: "", rank: "a" }] },
      { id: "a", title: "A", rank: "a", steps: [] },
    ]);
    expect(columns.map((column) => column.key)).toEqual(["step:z2", "step:z1", "empty:a"]);
  });

  it("gives an activity without steps one empty column", () => {
    const { columns, spans } = layoutColumns([activity("a", []), activity("b", ["b1"])]);
    expect(columns.map((column) => column.kind)).toEqual(["empty", "step"]);
    expect(spans[0]).toMatchObject({ start: 0, span: 1 });
    expect(spans[1]).toMatchObject({ start: 1, span: 1 });
  });

  it("adds a draft column after the last step of the activity getting a new step", () => {
    const { columns, spans } = layoutColumns([activity("a", ["a1"]), activity("b", ["b1"])], {
      draftStepFor: "a",
    });
    expect(columns.map((column) => column.key)).toEqual(["step:a1", "draft:a", "step:b1"]);
    expect(spans.map(({ start, span }) => [start, span])).toEqual([
      [0, 2],
      [2, 1],
    ]);
  });

  it("replaces the empty column by the draft when the activity has no steps", () => {
    const { columns } = layoutColumns([activity("a", [])], { draftStepFor: "a" });
    expect(columns.map((column) => column.kind)).toEqual(["draft"]);
  });

  it("lays out nothing for a map without activities", () => {
    expect(layoutColumns([])).toEqual({ columns: [], spans: [] });
  });

  it("colours activities from their index, cycling through the palette", () => {
    const activities = Array.from({ length: TONE_COUNT + 2 }, (_, index) => activity(`a${index.toString()}`, []));
    const tones = layoutColumns(activities).spans.map((span) => span.tone);
    expect(tones).toEqual([0, 1, 2, 3, 4, 5, 0, 1]);
    expect(activityTone(13)).toBe(1);
  });
});
