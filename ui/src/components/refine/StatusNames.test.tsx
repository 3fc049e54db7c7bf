import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { App } from "../App";
import { cardSelector } from "../selectors";

async function renderApp(backend = new FakeBackend()) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  return { ...utils, backend };
}

function card(storyId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(cardSelector(storyId));
  if (!found) throw new Error(`no card ${storyId}`);
  return found;
}

const nameInput = (status: string) =>
  document.querySelector<HTMLInputElement>(`[data-testid="status-label-input"][data-status="${status}"]`) as HTMLInputElement;
const resetButton = (status: string) =>
  document.querySelector<HTMLButtonElement>(`[data-testid="status-label-reset"][data-status="${status}"]`) as HTMLButtonElement;
const statusEdits = (backend: FakeBackend) =>
  backend.edits.flatMap(({ edit }) => (edit.kind === "setStatusLabel" ? [{ status: edit.status, label: edit.label }] : []));
const optionTexts = (select: HTMLElement) => [...select.querySelectorAll("option")].map((option) => option.textContent);

describe("status names", () => {
  it("renames a status in the settings; cards, the details' select and search follow, and Reset restores it", async () => {
    const { backend } = await renderApp();
    fireEvent.click(screen.getByTestId("dor-settings-button"));
    const dialog = await screen.findByTestId("dor-settings");
    expect(within(dialog).getByRole("heading", { name: "Refinement settings" })).toBeTruthy();
    expect(within(dialog).getAllByTestId("status-label-input").map((input) => (input as HTMLInputElement).value)).toEqual([
      "Idea",
      "Draft",
      "Refining",
      "Ready",
      "In sprint",
      "Done",
    ]);

    // Saved on blur…
    fireEvent.change(nameInput("refining"), { target: { value: "  In refinement " } });
    fireEvent.blur(nameInput("refining"));
    // …and on Enter.
    fireEvent.change(nameInput("done"), { target: { value: "Shipped" } });
    fireEvent.keyDown(nameInput("done"), { key: "Enter" });
    await waitFor(() => {
      expect(within(card("st-1")).getByTestId("story-status").textContent).toBe("In refinement");
    });
    expect(statusEdits(backend)).toEqual([
      { status: "refining", label: "In refinement" },
      { status: "done", label: "Shipped" },
    ]);
    expect(within(card("st-2")).getByTestId("story-status").textContent).toBe("Shipped");
    expect(card("st-1").getAttribute("aria-label")).toBe("Story 'See prices per kg', In refinement, not estimated, step Browse, slice MVP");
    expect(resetButton("refining").disabled).toBe(false);
    expect(resetButton("idea").disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole("button", { name: "Done" }));

    // Search reads the new name.
    fireEvent.change(screen.getByTestId("search-input"), { target: { value: "shipped" } });
    expect(screen.getByTestId("search-count").textContent).toBe("1 of 5");
    fireEvent.change(screen.getByTestId("search-input"), { target: { value: "" } });

    // The story details' status select offers the map's names.
    fireEvent.click(within(card("st-1")).getByTestId("open-story"));
    await screen.findByTestId("story-panel");
    const select = screen.getByTestId<HTMLSelectElement>("panel-status");
    expect(optionTexts(select)).toEqual(["Idea", "Draft", "In refinement", "Ready", "In sprint", "Shipped"]);
    expect(select.selectedOptions[0]?.textContent).toBe("In refinement");

    // Reset sends an empty name and the default comes back everywhere.
    fireEvent.click(screen.getByTestId("dor-settings-button"));
    await screen.findByTestId("dor-settings");
    fireEvent.click(resetButton("refining"));
    await waitFor(() => {
      expect(within(card("st-1")).getByTestId("story-status").textContent).toBe("Refining");
    });
    expect(statusEdits(backend).at(-1)).toEqual({ status: "refining", label: "" });
    expect(nameInput("refining").value).toBe("Refining");
    expect(optionTexts(screen.getByTestId("panel-status"))).toContain("Refining");

    // The same name may be given again after a reset.
    fireEvent.change(nameInput("refining"), { target: { value: "In refinement" } });
    fireEvent.blur(nameInput("refining"));
    await waitFor(() => {
      expect(within(card("st-1")).getByTestId("story-status").textContent).toBe("In refinement");
    });
  });

  it("shows a map's own names from the start, in the backlog's status select and filter too", async () => {
    const map = sampleMap();
    map.settings.statusLabels = map.settings.statusLabels.map((row) => (row.status === "ready" ? { ...row, label: "Groomed" } : row));
    await renderApp(new FakeBackend([map]));
    expect(within(card("st-4")).getByTestId("story-status").textContent).toBe("Groomed");
    expect(card("st-4").getAttribute("aria-label")).toContain("'Search by name', Groomed,");
    fireEvent.click(screen.getByTestId("view-backlog"));
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").length).toBeGreaterThan(0);
    });
    expect(optionTexts(screen.getByTestId("backlog-filter-status"))).toContain("Groomed");
    const rowSelect = document.querySelector<HTMLSelectElement>('[data-testid="backlog-row"][data-story-id="st-4"] [data-testid="backlog-status"]');
    expect(rowSelect?.selectedOptions[0]?.textContent).toBe("Groomed");
  });
});
