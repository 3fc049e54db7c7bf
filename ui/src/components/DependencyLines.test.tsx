import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { linePath } from "../model/dependencyLines";
import { FakeBackend } from "../test/fakeBackend";
import { sampleMap } from "../test/sampleMap";
import { App } from "./App";

// jsdom lays nothing out: give the grid and the cards the rectangles a browser would, scaled by
// the zoom as the transform on .map-zoom scales them on screen, and moved by the scroll.
const COL = 240;
const ROW = 300;
const STEPS = ["s-browse", "s-search", "s-pay"];
const RELEASES = ["r-mvp", "r-2"];
let zoom = 1;
let scrolled = 0;

/** A card's box in the grid's own layout pixels. */
function layoutBox(card: HTMLElement) {
  const cell = card.closest<HTMLElement>('[data-testid="cell"]');
  if (!cell) return null;
  const index = [...cell.querySelectorAll('[data-testid="story-card"]')].indexOf(card);
  return {
    left: 212 + STEPS.indexOf(cell.dataset.stepId ?? "") * COL + 8,
    top: 124 + RELEASES.indexOf(cell.dataset.releaseId ?? "") * ROW + 10 + index * 90,
    width: COL - 16,
    height: 80,
  };
}

function rectOf(element: Element): DOMRect {
  const el = element as HTMLElement;
  // The grid's origin on screen: below the top bar, moved up by the scroll.
  const originX = 0;
  const originY = 60 - scrolled * zoom;
  if (el.classList.contains("map-grid")) return new DOMRect(originX, originY, 2000 * zoom, 900 * zoom);
  if (el.dataset.testid === "story-card") {
    const box = layoutBox(el);
    if (box) return new DOMRect(originX + box.left * zoom, originY + box.top * zoom, box.width * zoom, box.height * zoom);
  }
  return new DOMRect(0, 0, 0, 0);
}

function withDependencies() {
  const map = sampleMap();
  const byId = (id: string) => map.stories.find((story) => story.id === id);
  // Pay by card needs Browse by aisle (done: fine); See prices per kg needs Seasonal picks, planned later.
  const pay = byId("st-5");
  const prices = byId("st-1");
  if (pay) pay.dependsOn = ["st-2"];
  if (prices) prices.dependsOn = ["st-3"];
  return map;
}

async function renderApp(backend: FakeBackend) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  return utils;
}

const lines = () =>
  screen.queryAllByTestId("dependency-line").map((line) => ({
    from: line.dataset.from,
    to: line.dataset.to,
    warning: line.dataset.warning,
    d: line.getAttribute("d"),
  }));
const boxOf = (storyId: string) => {
  const card = document.querySelector<HTMLElement>(`[data-testid="story-card"][data-story-id="${storyId}"]`);
  const box = card && layoutBox(card);
  if (!box) throw new Error(`no card ${storyId}`);
  return box;
};

describe("dependency lines", () => {
  beforeEach(() => {
    zoom = 1;
    scrolled = 0;
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      return rectOf(this);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows and hides arrows from each story to what it depends on, warnings marked, with the toggle and D", async () => {
    await renderApp(new FakeBackend([withDependencies()]));
    const toggle = screen.getByTestId("dependency-lines-toggle");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByTestId("dependency-lines")).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    await waitFor(() => {
      expect(lines()).toHaveLength(2);
    });
    expect(lines()).toEqual([
      { from: "st-1", to: "st-3", warning: "true", d: linePath(boxOf("st-1"), boxOf("st-3")).d },
      { from: "st-5", to: "st-2", warning: "false", d: linePath(boxOf("st-5"), boxOf("st-2")).d },
    ]);
    // The lines never take the pointer: the SVG is decoration over the cards.
    expect(screen.getByTestId("dependency-lines").getAttribute("aria-hidden")).toBe("true");
    expect(screen.getByTestId("dependency-legend").textContent).toContain("Planned out of order");

    fireEvent.keyDown(document.body, { key: "d" });
    expect(screen.queryByTestId("dependency-line")).toBeNull();
    expect(screen.queryByTestId("dependency-legend")).toBeNull();
    fireEvent.keyDown(document.body, { key: "d" });
    await waitFor(() => {
      expect(lines()).toHaveLength(2);
    });
  });

  it("follows the cards: zoom, scroll, edits and collapsed slices", async () => {
    const backend = new FakeBackend([withDependencies()]);
    backend.savedPrefs.set("map-1", { collapsedReleaseIds: [], zoom: 0.5 });
    await renderApp(backend);
    await waitFor(() => {
      expect(screen.getByTestId("zoom-level").textContent).toMatch(/^50\s*%$/u);
    });
    zoom = 0.5;
    scrolled = 120;
    fireEvent.click(screen.getByTestId("dependency-lines-toggle"));
    await waitFor(() => {
      expect(lines()).toHaveLength(2);
    });
    // Drawn in the grid's own pixels, whatever the zoom and scroll on screen.
    expect(lines()[1]?.d).toBe(linePath(boxOf("st-5"), boxOf("st-2")).d);

    // A dependency linked in the story details gets its line.
    fireEvent.click(within(document.querySelector<HTMLElement>('[data-story-id="st-4"]') as HTMLElement).getByTestId("open-story"));
    await screen.findByTestId("story-panel");
    fireEvent.change(screen.getByTestId("dependency-search"), { target: { value: "aisle" } });
    fireEvent.click(document.querySelector<HTMLElement>('[data-testid="dependency-option"][data-story-id="st-2"]') as HTMLElement);
    await waitFor(() => {
      expect(lines().map((line) => `${line.from ?? ""}>${line.to ?? ""}`)).toContain("st-4>st-2");
    });

    // A line to a card in a collapsed slice is left out, and the legend says so.
    const slice = document.querySelector<HTMLElement>('[data-testid="release"][data-release-id="r-2"]') as HTMLElement;
    fireEvent.keyDown(screen.getByTestId("panel-close"), { key: "Escape" });
    fireEvent.click(within(slice).getByTestId("release-collapse"));
    await waitFor(() => {
      expect(lines().map((line) => line.from)).not.toContain("st-1");
    });
    expect(screen.getByTestId("dependency-legend").textContent).toContain("1 not shown");
  });

  it("is off in the backlog", async () => {
    await renderApp(new FakeBackend([withDependencies()]));
    fireEvent.click(screen.getByTestId("view-backlog"));
    expect(screen.getByTestId<HTMLButtonElement>("dependency-lines-toggle").disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: "d" });
    fireEvent.click(screen.getByTestId("view-map"));
    expect(screen.queryByTestId("dependency-line")).toBeNull();
  });
});
