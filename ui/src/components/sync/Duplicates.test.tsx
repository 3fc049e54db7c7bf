import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { App } from "../App";

describe("activities named alike after a sync", () => {
  it("offers to merge them, merges with one edit, and the banner goes", async () => {
    const view = sampleMap();
    const [first] = view.activities;
    if (!first) throw new Error("the sample has activities");
    const twin = { id: "twin", title: first.title, rank: "zz", steps: [{ id: "twin-step", title: "Compare prices", rank: "a" }] };
    view.activities.push(twin);
    const backend = new FakeBackend([view]);
    render(<App backend={backend} />);
    const banner = await screen.findByTestId("duplicates-banner");
    expect(banner.textContent).toContain(`Two activities are named “${first.title}”`);
    fireEvent.click(screen.getByTestId("merge-duplicates"));
    await waitFor(() => {
      expect(screen.queryByTestId("duplicates-banner")).toBeNull();
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "mergeActivity", activityId: "twin", intoId: first.id });
  });
});
