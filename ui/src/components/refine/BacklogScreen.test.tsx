import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

async function renderBacklog(backend = new FakeBackend()) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  fireEvent.click(screen.getByTestId("view-backlog"));
  await waitFor(() => {
    expect(screen.getAllByTestId("backlog-row").length).toBeGreaterThan(0);
  });
  return { ...utils, backend };
}

const rowIds = () => screen.getAllByTestId("backlog-row").map((row) => row.dataset.storyId);

function row(storyId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="backlog-row"][data-story-id="${storyId}"]`);
  if (!found) throw new Error(`no row ${storyId}`);
  return found;
}

describe("backlog view", () => {
  it("lists the backend's ranked backlog with its headline, and switches back to the map", async () => {
    const { backend } = await renderBacklog();
    expect(screen.getByTestId("view-backlog").getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByTestId("story-card")).toBeNull();
    expect(rowIds()).toEqual(["st-2", "st-1", "st-4", "st-5", "st-3"]);
    expect(screen.getByTestId("backlog-headline").textContent).toBe("0 ready (0 pts)");
    expect(within(row("st-1")).getByText("Browse › MVP")).toBeTruthy();
    expect(backend.backlogQueries[0]).toEqual({
      sort: "rank",
      releaseId: null,
      activityId: null,
      status: null,
      label: null,
      flag: null,
      objective: null,
      crossTeam: null,
      ready: null,
      blocked: null,
    });
    fireEvent.click(screen.getByTestId("view-map"));
    expect(screen.queryByTestId("backlog")).toBeNull();
    expect(screen.getAllByTestId("story-card")).toHaveLength(5);
  });

  it("asks again with the chosen sort and filters", async () => {
    const { backend } = await renderBacklog();
    fireEvent.change(screen.getByTestId("backlog-sort"), { target: { value: "estimate" } });
    await waitFor(() => {
      expect(rowIds()).toEqual(["st-2", "st-5", "st-4", "st-1", "st-3"]);
    });
    fireEvent.change(screen.getByTestId("backlog-filter-slice"), { target: { value: "r-2" } });
    await waitFor(() => {
      expect(rowIds()).toEqual(["st-3"]);
    });
    expect(backend.backlogQueries.at(-1)).toMatchObject({ sort: "estimate", releaseId: "r-2" });
    fireEvent.change(screen.getByTestId("backlog-filter-status"), { target: { value: "done" } });
    expect(await screen.findByText("No stories match these filters.")).toBeTruthy();
  });

  it("edits estimate and status inline and asks again after the change", async () => {
    const { backend } = await renderBacklog();
    const asked = backend.backlogQueries.length;
    fireEvent.change(within(row("st-3")).getByTestId("backlog-estimate"), { target: { value: "8" } });
    fireEvent.change(within(row("st-3")).getByTestId("backlog-status"), { target: { value: "refining" } });
    await waitFor(() => {
      expect(backend.edits.map(({ edit }) => edit)).toEqual([
        { kind: "setEstimate", storyId: "st-3", estimate: "8" },
        { kind: "setStatus", storyId: "st-3", status: "refining" },
      ]);
    });
    await waitFor(() => {
      expect(backend.backlogQueries.length).toBeGreaterThan(asked);
    });
    expect(within(row("st-3")).getByTestId<HTMLSelectElement>("backlog-status").value).toBe("refining");
  });

  it("opens a story's details from its row, and B switches views", async () => {
    await renderBacklog();
    fireEvent.click(within(row("st-4")).getByTestId("backlog-open"));
    const panel = await screen.findByTestId("story-panel");
    expect(panel.dataset.storyId).toBe("st-4");
    expect(row("st-4").className).toContain("is-open");
    fireEvent.keyDown(screen.getByTestId("panel-close"), { key: "Escape" });
    await waitFor(() => {
      expect(document.activeElement).toBe(within(row("st-4")).getByTestId("backlog-open"));
    });
    fireEvent.keyDown(document.body, { key: "b" });
    expect(screen.queryByTestId("backlog")).toBeNull();
    fireEvent.keyDown(document.body, { key: "b" });
    expect(screen.getByTestId("backlog")).toBeTruthy();
  });
});
