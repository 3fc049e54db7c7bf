import { describe, expect, it } from "vitest";
import { sampleMap } from "../test/sampleMap";
import { releaseRollups, rollupFor } from "./rollups";

describe("releaseRollups", () => {
  it("counts stories per release slice, with done and in-progress counts", () => {
    const rollups = releaseRollups(sampleMap());
    expect(rollupFor(rollups, "r-mvp")).toEqual({ storyCount: 4, doneCount: 1, inProgressCount: 1 });
    expect(rollupFor(rollups, "r-2")).toEqual({ storyCount: 1, doneCount: 0, inProgressCount: 0 });
  });

  it("has zero counts for a slice without stories and for unknown slices", () => {
    const view = sampleMap();
    view.releases.push({ id: "r-later", title: "Later", rank: "c" });
    const rollups = releaseRollups(view);
    expect(rollupFor(rollups, "r-later").storyCount).toBe(0);
    expect(rollupFor(rollups, "unknown").storyCount).toBe(0);
    expect([...rollups.keys()]).toEqual(["r-mvp", "r-2", "r-later"]);
  });
});
