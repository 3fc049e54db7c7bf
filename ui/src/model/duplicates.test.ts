import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { duplicateActivities } from "./duplicates";

describe("duplicate activities", () => {
  it("groups activities named alike, in map order, and none when names differ", () => {
    const view = sampleMap();
    expect(duplicateActivities(view)).toEqual([]);
    const [first, second] = view.activities;
    if (!first || !second) throw new Error("the sample has two activities");
    const twin = { ...first, id: "twin", title: ` ${first.title.toUpperCase()} `, steps: [] };
    const again = { ...second, id: "again", title: second.title };
    const doubled = { ...view, activities: [first, twin, second, again] };
    expect(duplicateActivities(doubled)).toEqual([
      { title: first.title, activityIds: [first.id, "twin"] },
      { title: second.title, activityIds: [second.id, "again"] },
    ]);
  });
});
