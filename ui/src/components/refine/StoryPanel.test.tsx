import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MapEdit } from "../../bindings/MapEdit";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { cardSelector } from "../selectors";
import { card, openPanel, renderApp } from "../../test/renderApp";

function by(testId: string, attr: string, value: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="${testId}"][${attr}="${value}"]`);
  if (!found) throw new Error(`no ${testId} with ${attr}=${value}`);
  return found;
}

const edits = (backend: FakeBackend, kind: MapEdit["kind"]) => backend.edits.filter(({ edit }) => edit.kind === kind).map(({ edit }) => edit);

describe("story details panel", () => {
  it("opens on the focused card with O, closes with Esc and gives focus back to the card", async () => {
    await renderApp();
    const panel = await openPanel("st-1");
    expect(panel.dataset.storyId).toBe("st-1");
    expect(screen.getByTestId<HTMLTextAreaElement>("panel-title").value).toBe("See prices per kg");
    expect(document.activeElement).toBe(screen.getByTestId("panel-close"));

    fireEvent.keyDown(screen.getByTestId("panel-close"), { key: "Escape" });
    expect(screen.queryByTestId("story-panel")).toBeNull();
    await waitFor(() => {
      expect(document.activeElement).toBe(card("st-1"));
    });
    // Enter still renames in place, as before.
    fireEvent.keyDown(card("st-1"), { key: "Enter" });
    expect(screen.getByTestId("inline-input")).toBeTruthy();
  });

  it("opens from the card's details button and keeps map shortcuts off while inside", async () => {
    const { backend } = await renderApp();
    fireEvent.click(within(card("st-4")).getByTestId("open-story"));
    const panel = await screen.findByTestId("story-panel");
    fireEvent.keyDown(screen.getByTestId("panel-close"), { key: "Delete" });
    fireEvent.keyDown(screen.getByTestId("panel-close"), { key: "n" });
    expect(backend.edits).toEqual([]);
    expect(panel.dataset.storyId).toBe("st-4");
    fireEvent.click(screen.getByTestId("panel-close"));
    expect(screen.queryByTestId("story-panel")).toBeNull();
  });

  it("saves a text field once, on blur, not per keystroke", async () => {
    const { backend } = await renderApp();
    await openPanel("st-1");
    const soThat = screen.getByLabelText("so that");
    fireEvent.change(soThat, { target: { value: "I" } });
    fireEvent.change(soThat, { target: { value: "I compare" } });
    expect(edits(backend, "setStoryText")).toEqual([]);
    fireEvent.blur(soThat);
    await waitFor(() => {
      expect(edits(backend, "setStoryText")).toEqual([{ kind: "setStoryText", storyId: "st-1", field: "soThat", text: "I compare" }]);
    });
    await waitFor(() => {
      expect(by("dor-check", "data-item-id", "dor-why").dataset.passed).toBe("true");
    });
  });

  it("adds every pasted line as a criterion with one edit, then ticks, edits and reorders them", async () => {
    const { backend } = await renderApp();
    await openPanel("st-1");
    const input = screen.getByTestId("criteria-input");
    fireEvent.paste(input, { clipboardData: { getData: () => "Shows the price per kg\n\nRounds to cents\nWorks for loose fruit" } });
    await waitFor(() => {
      expect(edits(backend, "addCriteria")).toEqual([
        { kind: "addCriteria", storyId: "st-1", text: "Shows the price per kg\n\nRounds to cents\nWorks for loose fruit" },
      ]);
    });
    await waitFor(() => {
      expect(screen.getAllByTestId("criterion")).toHaveLength(3);
    });
    const texts = () => screen.getAllByTestId<HTMLTextAreaElement>("criterion-text").map((el) => el.value);
    expect(texts()).toEqual(["Shows the price per kg", "Rounds to cents", "Works for loose fruit"]);
    expect(by("dor-check", "data-item-id", "dor-criteria").dataset.passed).toBe("true");
    expect(by("invest-hint", "data-letter", "testable").dataset.verdict).toBe("pass");

    // Typing one line and Enter adds it.
    fireEvent.change(input, { target: { value: "Shows a unit label" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => {
      expect(texts()).toHaveLength(4);
    });

    const third = screen.getAllByTestId("criterion")[2];
    if (!third) throw new Error("no third criterion");
    const id = third.dataset.criterionId ?? "";
    fireEvent.keyDown(within(third).getByRole("button", { name: /drag/ }), { key: "ArrowUp", altKey: true });
    await waitFor(() => {
      expect(edits(backend, "moveCriterion")).toEqual([{ kind: "moveCriterion", storyId: "st-1", criterionId: id, toIndex: 1 }]);
    });
    await waitFor(() => {
      expect(texts().slice(0, 3)).toEqual(["Shows the price per kg", "Works for loose fruit", "Rounds to cents"]);
    });

    fireEvent.click(within(by("criterion", "data-criterion-id", id)).getByRole("checkbox"));
    await waitFor(() => {
      expect(edits(backend, "setCriterionDone")).toEqual([{ kind: "setCriterionDone", storyId: "st-1", criterionId: id, done: true }]);
    });
    fireEvent.click(within(by("criterion", "data-criterion-id", id)).getByRole("button", { name: /Delete criterion/ }));
    await waitFor(() => {
      expect(screen.getAllByTestId("criterion")).toHaveLength(3);
    });
  });

  it("estimates from the cards, shows the backend's refusal, and updates INVEST and the card", async () => {
    const { backend } = await renderApp();
    await openPanel("st-1");
    expect(by("invest-hint", "data-letter", "estimable").dataset.verdict).toBe("fail");
    fireEvent.click(by("estimate-option", "data-value", "5"));
    await waitFor(() => {
      expect(edits(backend, "setEstimate")).toEqual([{ kind: "setEstimate", storyId: "st-1", estimate: "5" }]);
    });
    await waitFor(() => {
      expect(by("estimate-option", "data-value", "5").getAttribute("aria-pressed")).toBe("true");
    });
    expect(by("invest-hint", "data-letter", "estimable").dataset.verdict).toBe("pass");
    expect(within(card("st-1")).getByText("5")).toBeTruthy();

    backend.failNextEdit({ code: "invalidInput", message: "'XL' is not an estimate here" });
    fireEvent.click(by("estimate-option", "data-value", "XL"));
    const toast = await screen.findByTestId("error-toast");
    expect(toast.textContent).toContain("'XL' is not an estimate here");
  });

  it("flags a story that is too big or too vague, and shows the ready badge once it passes the DoR", async () => {
    const view = sampleMap();
    const ready = view.stories.find((story) => story.id === "st-4");
    if (!ready) throw new Error("sample changed");
    Object.assign(ready, {
      soThat: "I find it fast",
      acceptanceCriteria: [{ id: "ac-1", text: "Finds by name", done: false, given: "", when: "", then: "" }],
      readyChecks: ["dor-questions"],
    });
    await renderApp(new FakeBackend([view]));
    expect(within(card("st-4")).getByTestId("ready-badge")).toBeTruthy();
    expect(within(card("st-1")).queryByTestId("ready-badge")).toBeNull();
    expect(within(card("st-1")).getByTestId("too-big-marker")).toBeTruthy();

    await openPanel("st-1");
    expect(screen.getByTestId("too-big-flag")).toBeTruthy();
    fireEvent.click(screen.getByTestId("panel-close"));
    await openPanel("st-4");
    expect(screen.queryByTestId("too-big-flag")).toBeNull();
    expect(screen.getByTestId("panel-ready").textContent).toContain("Ready");
    // Unticking the manual DoR item takes readiness away.
    fireEvent.click(within(by("dor-check", "data-item-id", "dor-questions")).getByRole("checkbox"));
    await waitFor(() => {
      expect(within(card("st-4")).queryByTestId("ready-badge")).toBeNull();
    });
  });

  it("links dependencies both ways and shows a refused cycle", async () => {
    const { backend } = await renderApp();
    await openPanel("st-4");
    fireEvent.change(screen.getByTestId("dependency-search"), { target: { value: "pay" } });
    fireEvent.click(by("dependency-option", "data-story-id", "st-5"));
    await waitFor(() => {
      expect(by("depends-on", "data-story-id", "st-5")).toBeTruthy();
    });
    // Paying comes after searching in the backlog: the backend warns about the order.
    expect(screen.getByTestId("dependency-warnings").textContent).toContain("Pay by card");

    // From the other story: it is needed by st-4; making it depend on st-4 would be a cycle.
    fireEvent.click(within(by("depends-on", "data-story-id", "st-5")).getByRole("button", { name: "Pay by card" }));
    await waitFor(() => {
      expect(screen.getByTestId("story-panel").dataset.storyId).toBe("st-5");
    });
    expect(by("needed-by", "data-story-id", "st-4")).toBeTruthy();
    fireEvent.change(screen.getByTestId("dependency-search"), { target: { value: "search" } });
    fireEvent.click(by("dependency-option", "data-story-id", "st-4"));
    const toast = await screen.findByTestId("error-toast");
    expect(toast.textContent).toContain("that would make a dependency cycle");
    await waitFor(() => {
      expect(edits(backend, "setDependency")).toHaveLength(2);
    });
  });

  it("splits a story into children with its criteria, shows the first, and one undo brings the original back", async () => {
    const { backend } = await renderApp();
    await openPanel("st-1");
    fireEvent.paste(screen.getByTestId("criteria-input"), { clipboardData: { getData: () => "Per kg\nPer piece" } });
    await waitFor(() => {
      expect(screen.getAllByTestId("criterion")).toHaveLength(2);
    });
    const [perKg, perPiece] = screen.getAllByTestId("criterion").map((el) => el.dataset.criterionId ?? "");

    fireEvent.click(screen.getByTestId("split-button"));
    const dialog = await screen.findByTestId("split-dialog");
    fireEvent.click(await within(dialog).findByText("Happy path first"));
    expect(by("split-pattern", "data-pattern", "happyUnhappy").getAttribute("aria-pressed")).toBe("true");
    const titles = screen.getAllByTestId<HTMLInputElement>("split-child-title");
    expect(titles.map((input) => input.value)).toEqual(["See prices per kg (happy path)", "See prices per kg (errors and edge cases)"]);
    fireEvent.change(titles[1] as HTMLInputElement, { target: { value: "Prices per piece" } });
    const second = document.querySelector<HTMLInputElement>(
      `[data-testid="split-criterion"][data-child-index="1"][data-criterion-id="${perPiece ?? ""}"]`,
    );
    if (!second) throw new Error("no split checkbox");
    fireEvent.click(second);
    expect(
      document.querySelector<HTMLInputElement>(`[data-testid="split-criterion"][data-child-index="0"][data-criterion-id="${perPiece ?? ""}"]`)?.checked,
    ).toBe(false);

    fireEvent.click(screen.getByTestId("split-confirm"));
    await waitFor(() => {
      expect(edits(backend, "splitStory")).toEqual([
        {
          kind: "splitStory",
          storyId: "st-1",
          children: [
            { title: "See prices per kg (happy path)", criterionIds: [perKg] },
            { title: "Prices per piece", criterionIds: [perPiece] },
          ],
        },
      ]);
    });
    await waitFor(() => {
      expect(screen.getByTestId("story-panel").dataset.storyId).not.toBe("st-1");
    });
    expect(screen.getByTestId("lineage").textContent).toContain("Split from ‘See prices per kg’");
    expect(screen.getAllByTestId("criterion-text").map((el) => (el as HTMLTextAreaElement).value)).toEqual(["Per kg"]);
    expect(document.querySelector(cardSelector("st-1"))).toBeNull();

    await act(async () => {
      fireEvent.keyDown(screen.getByTestId("panel-close"), { key: "z", ctrlKey: true });
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(screen.getByTestId("story-panel").dataset.storyId).toBe("st-1");
    });
    expect(card("st-1")).toBeTruthy();
    expect(screen.queryByTestId("lineage")).toBeNull();
  });
});
