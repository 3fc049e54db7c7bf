import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { card, renderApp, titleConflict } from "./testing";

describe("Conflicts", () => {
  it("badge the card, keep the chosen value with a resolveConflict edit, and disappear once read again", async () => {
    const backend = new FakeBackend();
    backend.conflictList = [titleConflict()];
    await renderApp(backend);
    await waitFor(() => {
      expect(card("st-1").dataset.conflicted).toBe("true");
    });
    expect(card("st-2").dataset.conflicted).toBeUndefined();
    expect(within(card("st-1")).getByTestId("conflict-badge").textContent).toBe("2 versions");
    expect(screen.getByTestId("conflicts-button").textContent).toBe("1 conflict");

    fireEvent.click(within(card("st-1")).getByTestId("conflict-badge"));
    const dialog = screen.getByTestId("conflicts-panel");
    const item = within(dialog).getByTestId("conflict");
    expect(item.dataset.storyId).toBe("st-1");
    expect(item.dataset.field).toBe("title");
    expect(item.textContent).toContain("See prices per kg");
    const values = within(item).getAllByTestId("conflict-value");
    expect(values.map((value) => value.textContent)).toEqual([
      expect.stringContaining("See prices per kilo"),
      expect.stringContaining("Showing now"),
    ]);
    expect(values[0]?.textContent).not.toContain("Showing now");
    expect(values[0]?.textContent).toContain("ana");

    const keep = item.querySelector<HTMLElement>('[data-testid="keep-value"][data-choice="c-ana"]');
    if (!keep) throw new Error("no keep button for ana's value");
    const asked = backend.conflictCalls;
    fireEvent.click(keep);
    await waitFor(() => {
      expect(within(dialog).queryByTestId("conflict")).toBeNull();
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "resolveConflict", storyId: "st-1", field: "title", choice: "c-ana" });
    expect(backend.conflictCalls).toBeGreaterThan(asked);
    expect(within(dialog).getByTestId("conflicts-done").textContent).toContain("All settled");
    expect(screen.queryByTestId("conflicts-button")).toBeNull();
    expect(card("st-1").dataset.conflicted).toBeUndefined();
    expect(within(card("st-1")).queryByTestId("conflict-badge")).toBeNull();
  });

  it("are read again when a teammate's change arrives, and the indicator lists them all", async () => {
    const backend = await renderApp();
    await waitFor(() => {
      expect(backend.conflictCalls).toBeGreaterThan(0);
    });
    expect(screen.queryByTestId("conflicts-button")).toBeNull();
    backend.conflictList = [titleConflict(), titleConflict("st-4", "Search by name")];
    act(() => {
      backend.emitRemoteChange({
        label: "Merged 2 changes by ben",
        change: {
          mapId: "map-1",
          name: null,
          activities: null,
          releases: sampleMap().releases,
          stories: [],
          settings: null,
          objectives: null,
          personas: null,
          removedStoryIds: [],
          createdId: null,
          history: { undo: null, redo: null },
          notice: null,
          session: null,
        },
      });
    });
    const indicator = await screen.findByTestId("conflicts-button");
    expect(indicator.textContent).toBe("2 conflicts");
    fireEvent.click(indicator);
    const items = within(screen.getByTestId("conflicts-panel")).getAllByTestId("conflict");
    expect(items.map((item) => item.dataset.storyId)).toEqual(["st-1", "st-4"]);
  });
});
