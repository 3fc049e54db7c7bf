import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

describe("Definition of Ready settings", () => {
  it("adds, renames and removes items and sets the point limit; open stories follow", async () => {
    const backend = new FakeBackend();
    render(<App backend={backend} />);
    const card = await screen.findByText("Search by name");
    fireEvent.click(within(card.closest("article") as HTMLElement).getByTestId("open-story"));
    await screen.findByTestId("story-panel");
    fireEvent.click(screen.getByTestId("dor-settings-button"));
    const dialog = await screen.findByTestId("dor-settings");

    fireEvent.change(screen.getByTestId("dor-new-item"), { target: { value: "Mock-ups attached" } });
    fireEvent.keyDown(screen.getByTestId("dor-new-item"), { key: "Enter" });
    await waitFor(() => {
      expect(within(dialog).getAllByTestId("dor-item")).toHaveLength(8);
    });
    // The panel's checklist takes the new item as a manual check.
    const added = screen.getAllByTestId("dor-check").at(-1);
    expect(added?.textContent).toContain("Mock-ups attached");
    expect(added?.dataset.passed).toBe("false");

    const questions = within(dialog).getByLabelText("Definition of Ready item: No open questions");
    fireEvent.change(questions, { target: { value: "No open questions left" } });
    fireEvent.blur(questions);
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove 'The why is clear' from the Definition of Ready" }));
    fireEvent.change(screen.getByTestId("small-limit"), { target: { value: "13" } });
    await waitFor(() => {
      expect(backend.edits.map(({ edit }) => edit.kind)).toEqual(["addDorItem", "renameDorItem", "deleteDorItem", "setSmallLimit"]);
    });
    await waitFor(() => {
      expect(document.querySelector('[data-testid="dor-check"][data-item-id="dor-why"]')).toBeNull();
    });
    expect(screen.getByTestId<HTMLSelectElement>("small-limit").value).toBe("13");
  });
});
