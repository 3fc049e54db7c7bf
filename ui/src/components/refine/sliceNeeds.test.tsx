import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

function needsOf(releaseId: string): string | null {
  const release = document.querySelector(`[data-testid="release"][data-release-id="${releaseId}"]`);
  return release?.querySelector('[data-testid="release-needs"]')?.textContent ?? null;
}

describe("slice needs on the map", () => {
  it("shows nothing under the slices' roll-ups until the team has a velocity", async () => {
    render(<App backend={new FakeBackend()} />);
    await waitFor(() => {
      expect(screen.getAllByTestId("release-rollup").length).toBe(2);
    });
    expect(screen.queryByTestId("release-needs")).toBeNull();
  });

  it("shows each slice's sprints and unestimated stories, as the backend words them", async () => {
    const backend = new FakeBackend();
    await backend.applyEdit("map-1", { kind: "setVelocity", points: 4 });
    render(<App backend={backend} />);
    await waitFor(() => {
      expect(needsOf("r-mvp")).toBe("needs ≈ 2 sprints · 1 unestimated");
    });
    expect(needsOf("r-2")).toBe("1 unestimated");
  });
});
