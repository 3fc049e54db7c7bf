import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { App } from "../App";

/** The sample map with WSJF scored: See prices per kg 12, Pay by card 1.5, Browse by aisle unscored. */
function scoredMap() {
  const map = sampleMap();
  const score = (id: string, value: number, jobSize: number) => {
    const story = map.stories.find((item) => item.id === id);
    if (story) story.wsjf = { value, timeCriticality: value, riskReduction: value, jobSize };
  };
  score("st-1", 8, 2);
  score("st-5", 1, 2);
  return map;
}

async function renderApp(backend: FakeBackend) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  return utils;
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-testid="story-card"][data-story-id="${id}"]`);
const grid = () => document.querySelector<HTMLElement>(".map-grid");
const cellOrder = (stepId: string, releaseId: string) =>
  [...document.querySelectorAll<HTMLElement>(`[data-testid="cell"][data-step-id="${stepId}"][data-release-id="${releaseId}"] [data-testid="story-card"]`)].map(
    (item) => item.dataset.storyId,
  );

describe("WSJF on the map", () => {
  it("tints cards by the heat level Rust gives them, with the key, from the toggle and W", async () => {
    await renderApp(new FakeBackend([scoredMap()]));
    const toggle = screen.getByTestId("wsjf-heat-toggle");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(grid()?.classList.contains("is-wsjf-heat")).toBe(false);
    expect(screen.queryByTestId("wsjf-legend")).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(grid()?.classList.contains("is-wsjf-heat")).toBe(true);
    expect(card("st-1")?.dataset.heat).toBe("5");
    expect(card("st-5")?.dataset.heat).toBe("2");
    expect(card("st-2")?.dataset.heat).toBe("none");
    expect(within(card("st-1") as HTMLElement).getByTestId("wsjf-chip").textContent).toBe("WSJF 12");
    const legend = screen.getByTestId("wsjf-legend");
    expect(legend.textContent).toContain("8 or more");
    expect(legend.textContent).toContain("not scored");
    expect(legend.textContent).toContain("2 of 5 scored");

    fireEvent.keyDown(document.body, { key: "w" });
    expect(grid()?.classList.contains("is-wsjf-heat")).toBe(false);
    expect(screen.queryByTestId("wsjf-legend")).toBeNull();
  });

  it("sorts a slice's cells by WSJF in one edit that undo reverts", async () => {
    const backend = new FakeBackend([scoredMap()]);
    await renderApp(backend);
    expect(cellOrder("s-browse", "r-mvp")).toEqual(["st-2", "st-1"]);
    const mvp = document.querySelector<HTMLElement>('[data-testid="release"][data-release-id="r-mvp"]') as HTMLElement;

    fireEvent.click(within(mvp).getByTestId("sort-by-wsjf"));
    await waitFor(() => {
      expect(cellOrder("s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "sortByWsjf", releaseId: "r-mvp" });

    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => {
      expect(cellOrder("s-browse", "r-mvp")).toEqual(["st-2", "st-1"]);
    });
  });

  it("sorts the focused card's slice with Shift+W", async () => {
    const backend = new FakeBackend([scoredMap()]);
    await renderApp(backend);
    (card("st-2") as HTMLElement).focus();
    fireEvent.keyDown(card("st-2") as HTMLElement, { key: "W", shiftKey: true });
    await waitFor(() => {
      expect(cellOrder("s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    });
    expect(screen.getByTestId("move-announcement").textContent).toBe("Sorted slice 'MVP' by WSJF, highest first");
  });
});
