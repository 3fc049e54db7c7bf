import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../model/shortcuts";
import { FakeBackend } from "../test/fakeBackend";
import { emptyMap, sampleMap } from "../test/sampleMap";
import { App } from "./App";

async function renderApp(backend = new FakeBackend()) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  return { ...utils, backend };
}

const app = () => screen.getByTestId("app");

async function quiet() {
  await waitFor(() => {
    expect(app().dataset.pendingEdits).toBe("0");
  });
}

function cardIds(stepId: string, releaseId: string): string[] {
  const cell = document.querySelector<HTMLElement>(`[data-testid="cell"][data-step-id="${stepId}"][data-release-id="${releaseId}"]`);
  if (!cell) throw new Error(`no cell ${stepId} × ${releaseId}`);
  return within(cell)
    .queryAllByTestId("story-card")
    .map((card) => card.dataset.storyId ?? "");
}

function card(storyId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="story-card"][data-story-id="${storyId}"]`);
  if (!found) throw new Error(`no card ${storyId}`);
  return found;
}

function key(key: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {}) {
  const target = document.activeElement ?? document.body;
  fireEvent.keyDown(target, { key, altKey: mods.alt ?? false, ctrlKey: mods.ctrl ?? false, shiftKey: mods.shift ?? false });
}

function typeAndEnter(text: string) {
  const input = document.activeElement;
  if (!(input instanceof HTMLInputElement)) throw new Error("no input has focus");
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

describe("the map by keyboard", () => {
  it("moves a card down within its cell with Alt+↓, announces it, and undoes and redoes it", async () => {
    const { backend } = await renderApp();
    card("st-2").focus();
    key("ArrowDown", { alt: true });
    expect(cardIds("s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    expect(screen.getByTestId("move-announcement").textContent).toBe(
      "Moved 'Browse by aisle' to Browse › MVP, position 2 of 2",
    );
    await quiet();
    expect(backend.edits.at(-1)?.edit).toEqual({
      kind: "moveStory",
      storyId: "st-2",
      stepId: "s-browse",
      releaseId: "r-mvp",
      toIndex: 1,
    });
    expect(document.activeElement).toBe(card("st-2"));
    const undo = screen.getByTestId<HTMLButtonElement>("undo-button");
    expect(undo.disabled).toBe(false);
    expect(undo.title).toBe("Undo Move story 'Browse by aisle' (Ctrl+Z)");
    expect(screen.getByTestId<HTMLButtonElement>("redo-button").disabled).toBe(true);

    key("z", { ctrl: true });
    await waitFor(() => {
      expect(cardIds("s-browse", "r-mvp")).toEqual(["st-2", "st-1"]);
    });
    expect(screen.getByTestId<HTMLButtonElement>("redo-button").disabled).toBe(false);
    key("y", { ctrl: true });
    await waitFor(() => {
      expect(cardIds("s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    });
  });

  it("crosses into the next slice at the bottom of a cell, and to the next step with Alt+→", async () => {
    const { backend } = await renderApp();
    card("st-1").focus();
    key("ArrowDown", { alt: true });
    await quiet();
    expect(cardIds("s-browse", "r-2")).toEqual(["st-1", "st-3"]);
    expect(card("st-1").getAttribute("aria-label")).toBe("Story 'See prices per kg', Refining, not estimated, step Browse, slice Release 2");
    expect(document.activeElement).toBe(card("st-1"));
    key("ArrowRight", { alt: true });
    await quiet();
    expect(cardIds("s-search", "r-2")).toEqual(["st-1"]);
    expect(backend.edits.map(({ edit }) => edit)).toEqual([
      { kind: "moveStory", storyId: "st-1", stepId: "s-browse", releaseId: "r-2", toIndex: 0 },
      { kind: "moveStory", storyId: "st-1", stepId: "s-search", releaseId: "r-2", toIndex: 0 },
    ]);
  });

  it("shows a move before the backend answers, and counts the edit as pending until it does", async () => {
    const backend = new FakeBackend();
    await renderApp(backend);
    backend.hold();
    card("st-5").focus();
    key("ArrowLeft", { alt: true });
    // First in its cell, it stays first in the step to its left.
    expect(cardIds("s-search", "r-mvp")).toEqual(["st-5", "st-4"]);
    expect(app().dataset.pendingEdits).toBe("1");
    expect(backend.maps.get("map-1")?.stories.find((story) => story.id === "st-5")?.stepId).toBe("s-pay");
    act(() => {
      backend.release();
    });
    await quiet();
    expect(cardIds("s-search", "r-mvp")).toEqual(["st-5", "st-4"]);
    expect(document.activeElement).toBe(card("st-5"));
  });

  it("puts a refused move back and says why", async () => {
    const backend = new FakeBackend();
    backend.failNextEdit({ code: "storage", message: "disk busy" });
    await renderApp(backend);
    card("st-2").focus();
    key("ArrowDown", { alt: true });
    expect(cardIds("s-browse", "r-mvp")).toEqual(["st-1", "st-2"]);
    expect(await screen.findByTestId("error-toast")).toBeTruthy();
    expect(cardIds("s-browse", "r-mvp")).toEqual(["st-2", "st-1"]);
  });

  it("roves focus over cards and empty cells with the arrow keys", async () => {
    await renderApp();
    card("st-2").focus();
    expect(card("st-2").tabIndex).toBe(0);
    key("ArrowDown");
    expect(document.activeElement).toBe(card("st-1"));
    expect(card("st-1").tabIndex).toBe(0);
    expect(card("st-2").tabIndex).toBe(-1);
    key("ArrowRight");
    expect(document.activeElement).toBe(card("st-4"));
    key("ArrowDown");
    const empty = document.activeElement as HTMLElement;
    expect(empty.dataset.testid).toBe("cell");
    expect(empty.dataset.stepId).toBe("s-search");
    expect(empty.dataset.releaseId).toBe("r-2");
  });

  it("adds stories in the focused cell with N, and in an empty cell with Enter", async () => {
    const { backend } = await renderApp();
    card("st-4").focus();
    key("n");
    typeAndEnter("Search by barcode");
    await quiet();
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "addStory", stepId: "s-search", releaseId: "r-mvp", title: "Search by barcode" });
    key("Escape");

    card("st-5").focus();
    key("ArrowDown");
    key("Enter");
    typeAndEnter("Pay on delivery");
    await quiet();
    expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "addStory", stepId: "s-pay", releaseId: "r-2" });
  });

  it("deletes a card with Delete and brings it back from the toast's Undo", async () => {
    const { backend } = await renderApp();
    card("st-2").focus();
    key("Delete");
    await quiet();
    expect(cardIds("s-browse", "r-mvp")).toEqual(["st-1"]);
    expect(document.activeElement).toBe(card("st-1"));
    expect(screen.getByTestId("undo-toast").textContent).toContain("Deleted story 'Browse by aisle'");
    fireEvent.click(screen.getByTestId("toast-undo"));
    await waitFor(() => {
      expect(cardIds("s-browse", "r-mvp")).toEqual(["st-2", "st-1"]);
    });
    expect(backend.edits.map(({ edit }) => edit.kind)).toEqual(["deleteStory"]);
  });

  it("duplicates a card right below it with Ctrl+D", async () => {
    await renderApp();
    card("st-2").focus();
    key("d", { ctrl: true });
    await quiet();
    const ids = cardIds("s-browse", "r-mvp");
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe("st-2");
    expect(ids[2]).toBe("st-1");
    expect(within(card(ids[1] ?? "")).getByTestId("story-title").textContent).toBe("Browse by aisle");
  });

  it("asks before deleting a step with its stories, then offers Undo", async () => {
    const { backend } = await renderApp();
    const pay = document.querySelector<HTMLElement>('[data-testid="step"][data-step-id="s-pay"] [data-testid="step-title"]');
    pay?.focus();
    key("Delete");
    const dialog = screen.getByTestId("confirm-dialog");
    expect(within(dialog).getByText("Delete step 'Pay' and its 1 story?")).toBeTruthy();
    fireEvent.click(within(dialog).getByText("Cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(backend.edits).toEqual([]);

    pay?.focus();
    key("Delete");
    fireEvent.click(screen.getByTestId("confirm-button"));
    await quiet();
    expect(screen.getAllByTestId("step-title").map((el) => el.textContent)).toEqual(["Browse", "Search"]);
    expect(backend.edits.map(({ edit }) => edit)).toEqual([{ kind: "deleteStep", stepId: "s-pay" }]);
    fireEvent.click(screen.getByTestId("toast-undo"));
    await waitFor(() => {
      expect(screen.getAllByTestId("step-title").map((el) => el.textContent)).toEqual(["Browse", "Search", "Pay"]);
    });
  });

  it("deletes a slice, moving its cards to the slice the user picks", async () => {
    const { backend } = await renderApp();
    fireEvent.click(within(document.querySelector<HTMLElement>('[data-release-id="r-mvp"][data-testid="release"]') ?? document.body).getByLabelText("Delete slice 'MVP'"));
    const dialog = screen.getByTestId("confirm-dialog");
    const select = within(dialog).getByTestId<HTMLSelectElement>("move-stories-to");
    expect(select.value).toBe("");
    fireEvent.change(select, { target: { value: "r-2" } });
    fireEvent.click(screen.getByTestId("confirm-button"));
    await quiet();
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "deleteRelease", releaseId: "r-mvp", moveStoriesTo: "r-2" });
    expect(screen.getAllByTestId("release-title").map((el) => el.textContent)).toEqual(["Release 2"]);
    expect(cardIds("s-browse", "r-2")).toHaveLength(3);
  });

  it("sends a slice's cards to Unplanned by default", async () => {
    const { backend } = await renderApp();
    const title = document.querySelector<HTMLElement>('[data-release-id="r-2"] [data-testid="release-title"]');
    title?.focus();
    key("Delete");
    fireEvent.click(screen.getByTestId("confirm-button"));
    await quiet();
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "deleteRelease", releaseId: "r-2", moveStoriesTo: null });
    expect(screen.getAllByTestId("release-title").map((el) => el.textContent)).toEqual(["MVP", "Unplanned"]);
  });

  it("moves headers with Alt+arrows: slices up and down, steps and activities sideways", async () => {
    const { backend } = await renderApp();
    document.querySelector<HTMLElement>('[data-release-id="r-2"] [data-testid="release-title"]')?.focus();
    key("ArrowUp", { alt: true });
    expect(screen.getAllByTestId("release-title").map((el) => el.textContent)).toEqual(["Release 2", "MVP"]);
    await quiet();
    document.querySelector<HTMLElement>('[data-step-id="s-search"] [data-testid="step-title"]')?.focus();
    key("ArrowRight", { alt: true });
    await quiet();
    expect(screen.getAllByTestId("step").map((el) => el.dataset.stepId)).toEqual(["s-browse", "s-search", "s-pay"]);
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "moveStep", stepId: "s-search", activityId: "a-checkout", toIndex: 0 });
    document.querySelector<HTMLElement>('[data-activity-id="a-checkout"] [data-testid="activity-title"]')?.focus();
    key("ArrowLeft", { alt: true });
    await quiet();
    expect(screen.getAllByTestId("activity").map((el) => el.dataset.activityId)).toEqual(["a-checkout", "a-discover"]);
  });

  it("keeps shortcuts quiet while typing in a field", async () => {
    const { backend } = await renderApp();
    const search = screen.getByTestId("search-input");
    search.focus();
    key("n");
    key("Delete");
    key("z", { ctrl: true });
    expect(screen.queryByTestId("new-story-input")).toBeNull();
    expect(backend.edits).toEqual([]);
  });

  it("lists every shortcut of the table in the ? dialog", async () => {
    await renderApp();
    document.body.focus();
    key("?", { shift: true });
    const dialog = screen.getByTestId("shortcuts-dialog");
    for (const shortcut of SHORTCUTS) expect(within(dialog).getByText(shortcut.description)).toBeTruthy();
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByTestId("shortcuts-dialog")).toBeNull();
  });

  it("builds a small map from an empty one with the keyboard only", async () => {
    const { backend } = await renderApp(new FakeBackend([emptyMap(), sampleMap()]));
    key("a");
    typeAndEnter("Join the programme");
    await waitFor(() => {
      expect(screen.getAllByTestId("activity-title").map((el) => el.textContent)).toEqual(["Join the programme"]);
    });
    key("s");
    typeAndEnter("Sign up");
    await quiet();
    typeAndEnter("Earn points");
    await quiet();
    key("Escape");
    expect(screen.getAllByTestId("step-title").map((el) => el.textContent)).toEqual(["Sign up", "Earn points"]);
    key("r");
    typeAndEnter("Later");
    await quiet();
    key("n");
    typeAndEnter("Sign up with email");
    await quiet();
    key("Escape");
    expect(backend.edits.map(({ edit }) => edit.kind)).toEqual(["addActivity", "addStep", "addStep", "addRelease", "addStory"]);
    expect(backend.edits.at(-1)?.edit).toMatchObject({ releaseId: "r-e-mvp", title: "Sign up with email" });

    key("n", { ctrl: true });
    expect(await screen.findByLabelText("Name of the new map")).toBe(document.activeElement);
  });
});

describe("the top bar", () => {
  it("highlights matching cards, counts them and clears on Escape", async () => {
    await renderApp();
    key("f", { ctrl: true });
    const search = screen.getByTestId("search-input");
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: "ready" } });
    expect(screen.getByTestId("search-count").textContent).toBe("2 of 5");
    expect(card("st-4").className).toContain("is-match");
    expect(card("st-1").className).toContain("is-dimmed");
    fireEvent.keyDown(search, { key: "Escape" });
    expect(screen.queryByTestId("search-count")).toBeNull();
    expect(card("st-1").className).not.toContain("is-dimmed");
  });

  it("collapses slices and zooms, remembering both on this device", async () => {
    const backend = new FakeBackend();
    backend.savedPrefs.set("map-1", { collapsedReleaseIds: ["r-2"], zoom: 0.8 });
    await renderApp(backend);
    await waitFor(() => {
      expect(screen.getByTestId("zoom-level").textContent).toBe("80 %");
    });
    expect(document.querySelectorAll('[data-testid="cell"][data-release-id="r-2"]')).toHaveLength(0);
    const collapse = () => within(document.querySelector<HTMLElement>('[data-testid="release"][data-release-id="r-2"]') ?? document.body).getByTestId("release-collapse");
    expect(collapse().getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(collapse());
    expect(document.querySelectorAll('[data-testid="cell"][data-release-id="r-2"]')).toHaveLength(3);
    fireEvent.click(screen.getByTestId("zoom-in"));
    key("=", { ctrl: true });
    await waitFor(() => {
      expect(backend.savedPrefs.get("map-1")).toEqual({ collapsedReleaseIds: [], zoom: 1 });
    });
    fireEvent.click(screen.getByTestId("zoom-fit"));
    expect(screen.getByTestId("zoom-level").textContent).toBe("100 %");
  });

  it("shows an undo's notice as an info toast, and disables undo when there is nothing left", async () => {
    const backend = new FakeBackend();
    await renderApp(backend);
    expect(screen.getByTestId<HTMLButtonElement>("undo-button").disabled).toBe(true);
    card("st-2").focus();
    key("ArrowDown", { alt: true });
    await quiet();
    backend.noticeNextUndo("Part of this was changed by a teammate and was kept.");
    fireEvent.click(screen.getByTestId("undo-button"));
    expect((await screen.findByTestId("info-toast")).textContent).toContain("changed by a teammate");
    expect(screen.getByTestId<HTMLButtonElement>("undo-button").disabled).toBe(true);
  });
});
