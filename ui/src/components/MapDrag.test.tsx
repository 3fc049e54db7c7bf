import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../test/fakeBackend";
import { App } from "./App";

// jsdom lays nothing out: give cells, cards and headers the rectangles a browser would.
const COL = 200;
const ROW = 300;
const STEPS = ["s-browse", "s-search", "s-pay"];
const RELEASES = ["r-mvp", "r-2"];
/** How far the map has moved up under the pointer since the drag started (say, scrolled). */
let shift = 0;

function rectOf(element: Element): DOMRect {
  const el = element as HTMLElement;
  const box = (x: number, y: number, width: number, height: number) => new DOMRect(x, y - shift, width, height);
  switch (el.dataset.testid) {
    case "cell":
      return box(STEPS.indexOf(el.dataset.stepId ?? "") * COL + 200, RELEASES.indexOf(el.dataset.releaseId ?? "") * ROW + 100, COL, ROW);
    case "story-card": {
      const cell = el.closest<HTMLElement>('[data-testid="cell"]');
      if (!cell) return box(0, 0, 0, 0);
      const cellRect = rectOf(cell);
      const index = [...cell.querySelectorAll('[data-testid="story-card"]')].indexOf(el);
      return box(cellRect.x + 5, cellRect.y + shift + 10 + index * 60, COL - 10, 50);
    }
    case "step":
      return box(STEPS.indexOf(el.dataset.stepId ?? "") * COL + 200, 50, COL, 50);
    case "release":
      return box(0, RELEASES.indexOf(el.dataset.releaseId ?? "") * ROW + 100, 200, ROW);
    default:
      return box(0, 0, 0, 0);
  }
}

function center(element: Element) {
  const rect = rectOf(element);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

async function drag(element: Element, to: { x: number; y: number }, midway?: () => void) {
  const from = center(element);
  fireEvent.pointerDown(element, { isPrimary: true, button: 0, clientX: from.x, clientY: from.y, pointerId: 1 });
  // Several small steps, as WebDriver's pointer actions do.
  for (let step = 1; step <= 4; step += 1) {
    const x = from.x + ((to.x - from.x) * step) / 4;
    const y = from.y + ((to.y - from.y) * step) / 4;
    await act(async () => {
      fireEvent.pointerMove(document, { isPrimary: true, clientX: x, clientY: y, pointerId: 1 });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    if (step === 2) midway?.();
  }
  await act(async () => {
    fireEvent.pointerUp(document, { isPrimary: true, clientX: to.x, clientY: to.y, pointerId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const card = (id: string) => document.querySelector(`[data-testid="story-card"][data-story-id="${id}"]`) as Element;
const cellIds = (stepId: string, releaseId: string) =>
  within(document.querySelector<HTMLElement>(`[data-testid="cell"][data-step-id="${stepId}"][data-release-id="${releaseId}"]`) ?? document.body)
    .queryAllByTestId("story-card")
    .map((el) => el.dataset.storyId);

describe("drag and drop with the pointer", () => {
  beforeEach(() => {
    shift = 0;
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      return rectOf(this);
    });
    performance.clearMarks();
    performance.clearMeasures();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function renderApp() {
    const backend = new FakeBackend();
    render(<App backend={backend} />);
    await waitFor(() => {
      expect(document.querySelector('[data-ready="true"]')).not.toBeNull();
    });
    return backend;
  }

  it("moves a card into another slice's cell and measures drop-to-drawn", async () => {
    const backend = await renderApp();
    // Browse × Release 2 holds st-3 at y 410–460: drop just below it, at the end.
    await drag(card("st-5"), { x: 300, y: 480 });
    await waitFor(() => {
      expect(screen.getByTestId("app").dataset.pendingEdits).toBe("0");
    });
    expect(backend.edits.map(({ edit }) => edit)).toEqual([
      { kind: "moveStory", storyId: "st-5", stepId: "s-browse", releaseId: "r-2", toIndex: 1 },
    ]);
    expect(cellIds("s-browse", "r-2")).toEqual(["st-3", "st-5"]);
    await waitFor(() => {
      expect(performance.getEntriesByName("storymap:drop-to-drawn", "measure")).toHaveLength(1);
    });
  });

  it("reorders a card within its cell, before the card it is dropped on the top half of", async () => {
    const backend = await renderApp();
    // Browse × MVP: st-2 at y 110–160, st-1 at 170–220. Drop st-1 above st-2's middle.
    await drag(card("st-1"), { x: 300, y: 120 });
    await waitFor(() => {
      expect(cellIds("s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    });
    expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "moveStory", storyId: "st-1", toIndex: 0 });
  });

  it("drops onto the cell drawn under the pointer after the map moved under it mid-drag", async () => {
    // A zoomed map scrolls by zoom × its scroll pixels on screen, so the targets must be
    // measured where they are drawn, not where they were when the drag started.
    const backend = await renderApp();
    // Pay × MVP to y 115, after the map moved up a slice: the top of st-3 in Browse × Release 2 now.
    await drag(card("st-5"), { x: 300, y: 115 }, () => {
      shift = ROW;
    });
    await waitFor(() => {
      expect(cellIds("s-browse", "r-2")).toEqual(["st-5", "st-3"]);
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "moveStory", storyId: "st-5", stepId: "s-browse", releaseId: "r-2", toIndex: 0 });
  });

  it("does nothing when a card is dropped where it was", async () => {
    const backend = await renderApp();
    await drag(card("st-2"), { x: 300, y: 125 });
    expect(backend.edits).toEqual([]);
  });

  it("moves a step by dragging its header onto the right half of another", async () => {
    const backend = await renderApp();
    const browse = document.querySelector('[data-testid="step"][data-step-id="s-browse"]') as Element;
    await drag(browse, { x: 790, y: 75 });
    await waitFor(() => {
      expect(screen.getAllByTestId("step").map((el) => el.dataset.stepId)).toEqual(["s-search", "s-pay", "s-browse"]);
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "moveStep", stepId: "s-browse", activityId: "a-checkout", toIndex: 1 });
  });
});

describe("a card let go off the grid", () => {
  beforeEach(() => {
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      return rectOf(this);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("goes back where it was", async () => {
    const backend = new FakeBackend();
    render(<App backend={backend} />);
    await waitFor(() => {
      expect(document.querySelector('[data-ready="true"]')).not.toBeNull();
    });
    await drag(card("st-5"), { x: 2000, y: 2000 });
    expect(backend.edits).toEqual([]);
    expect(cellIds("s-pay", "r-mvp")).toEqual(["st-5"]);
  });
});
