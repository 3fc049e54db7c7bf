import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

async function renderBacklog(backend = new FakeBackend()) {
  render(<App backend={backend} />);
  await waitFor(() => {
    expect(document.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  fireEvent.click(screen.getByTestId("view-backlog"));
  await screen.findByTestId("backlog-health");
  return backend;
}

const line = () => screen.getByTestId("health-line");

function slice(releaseId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="health-slice"][data-release-id="${releaseId}"]`);
  if (!found) throw new Error(`no slice ${releaseId}`);
  return found;
}

describe("backlog health", () => {
  it("shows ready points and each slice's needs until the team sets a velocity in the settings", async () => {
    await renderBacklog();
    expect(line().textContent).toBe("Ready backlog: 0 pts");
    expect(line().dataset.band).toBe("unset");
    expect(within(slice("r-mvp")).getByTestId("health-slice-line").textContent).toBe("8 pts · 1 unestimated");
    expect(within(slice("r-2")).getByTestId("health-slice-line").textContent).toBe("1 unestimated");

    fireEvent.click(screen.getByRole("button", { name: "Set the team's velocity…" }));
    const settings = await screen.findByTestId("dor-settings");
    const velocity = within(settings).getByLabelText("Velocity (points per sprint)");
    fireEvent.change(velocity, { target: { value: "4" } });
    fireEvent.blur(velocity);

    await waitFor(() => {
      expect(line().textContent).toBe("Ready backlog: 0 sprints (target 1–2)Below target");
    });
    expect(line().dataset.band).toBe("below");
    expect(screen.getByTestId("health-horizon").textContent).toBe("≈ 0 working days");
    expect(within(slice("r-mvp")).getByTestId("health-slice-line").textContent).toBe("needs ≈ 2 sprints · 1 unestimated");
    expect(screen.getByTestId("health-settings").textContent).toBe("Velocity 4 pts/sprint…");
  });

  it("a wider target takes the ready sprints in, and the band follows", async () => {
    const backend = await renderBacklog();
    await backend.applyEdit("map-1", { kind: "setVelocity", points: 4 });
    await backend.applyEdit("map-1", { kind: "setReadyTarget", min: 0, max: 2 });
    fireEvent.click(screen.getByTestId("view-map"));
    fireEvent.click(screen.getByTestId("view-backlog"));
    await waitFor(() => {
      expect(line().dataset.band).toBe("inside");
    });
    expect(line().textContent).toBe("Ready backlog: 0 sprints (target 0–2)On target");
  });

  it("names the unestimated stories of a slice and opens one from the list", async () => {
    await renderBacklog();
    const toggle = within(slice("r-mvp")).getByTestId("health-unestimated-toggle");
    expect(toggle.getAttribute("aria-label")).toBe("Which? The unestimated stories in MVP");
    fireEvent.click(toggle);
    const names = within(slice("r-mvp")).getAllByTestId("health-unestimated-story");
    expect(names.map((name) => name.textContent)).toEqual(["See prices per kg"]);
    fireEvent.click(names[0] as HTMLElement);
    expect((await screen.findByTestId("story-panel")).dataset.storyId).toBe("st-1");
  });

  it("shows the ready backlog kept by the last sessions as a trend", async () => {
    const backend = new FakeBackend();
    backend.healthTrend = [
      { sessionId: "s1", endedAt: "2026-11-20T10:00:00Z", readyPoints: 12, readySprints: 1.2 },
      { sessionId: "s2", endedAt: "2026-11-27T10:00:00Z", readyPoints: 23, readySprints: 2.25 },
    ];
    await renderBacklog(backend);
    const trend = screen.getByTestId("health-trend");
    expect(within(trend).getByRole("list").getAttribute("aria-label")).toBe("Ready backlog at the end of the last sessions, in sprints");
    expect(within(trend).getAllByRole("listitem").map((bar) => bar.textContent)).toEqual(["1.2", "2.3"]);
  });
});
