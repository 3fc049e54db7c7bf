import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { openPanel, renderApp } from "../../test/renderApp";

function rowTitles(dialog: HTMLElement): string[] {
  return within(dialog)
    .getAllByTestId("objective-title")
    .map((input) => (input as HTMLInputElement).value);
}

async function addObjective(dialog: HTMLElement, title: string, value: string, kind: "committed" | "stretch") {
  const count = within(dialog).queryAllByTestId("objective-row").length;
  fireEvent.change(within(dialog).getByTestId("objective-new-title"), { target: { value: title } });
  fireEvent.change(within(dialog).getByTestId("objective-new-value"), { target: { value } });
  fireEvent.change(within(dialog).getByTestId("objective-new-kind"), { target: { value: kind } });
  fireEvent.click(within(dialog).getByTestId("objective-add"));
  await waitFor(() => {
    expect(within(dialog).getAllByTestId("objective-row")).toHaveLength(count + 1);
  });
}

describe("PI objectives", () => {
  it("adds, reorders, changes and deletes objectives from the story panel's picker", async () => {
    const { backend } = await renderApp();
    const panel = await openPanel("st-1");
    const picker = within(panel).getByTestId<HTMLSelectElement>("panel-objective");
    expect(picker.options[0]?.textContent).toBe("No objectives yet");
    fireEvent.click(within(panel).getByTestId("panel-objectives-manage"));
    const dialog = await screen.findByTestId("objectives-dialog");
    await addObjective(dialog, "Faster checkout", "8", "committed");
    await addObjective(dialog, "Self-service returns", "5", "stretch");
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "addObjective", title: "Self-service returns", businessValue: 5, committed: false });

    fireEvent.click(within(dialog).getByRole("button", { name: "Move 'Self-service returns' up" }));
    await waitFor(() => {
      expect(rowTitles(dialog)).toEqual(["Self-service returns", "Faster checkout"]);
    });
    expect(within(dialog).getByRole("button", { name: "Move 'Self-service returns' up" })).toHaveProperty("disabled", true);
    const kinds = within(dialog).getAllByTestId<HTMLSelectElement>("objective-kind");
    fireEvent.change(kinds[0] as HTMLSelectElement, { target: { value: "committed" } });
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "updateObjective", title: "Self-service returns", businessValue: 5, committed: true });
    });
    // The picker offers them in order, by name, kind and value.
    const names = Array.from(picker.options).map((option) => option.textContent);
    expect(names).toEqual(["None", "Self-service returns · committed · value 5", "Faster checkout · committed · value 8"]);

    fireEvent.click(within(dialog).getByRole("button", { name: "Delete objective 'Self-service returns'" }));
    await waitFor(() => {
      expect(rowTitles(dialog)).toEqual(["Faster checkout"]);
    });
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => {
      expect(screen.queryByTestId("objectives-dialog")).toBeNull();
    });
  });

  it("aligns a story, then the backlog filters, groups and adds up by objective", async () => {
    const { backend } = await renderApp();
    const panel = await openPanel("st-4");
    fireEvent.click(within(panel).getByTestId("panel-objectives-manage"));
    const dialog = await screen.findByTestId("objectives-dialog");
    await addObjective(dialog, "Faster checkout", "8", "committed");
    await addObjective(dialog, "Returns", "3", "stretch");
    fireEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    await waitFor(() => {
      expect(screen.queryByTestId("objectives-dialog")).toBeNull();
    });
    const picker = within(panel).getByTestId<HTMLSelectElement>("panel-objective");
    expect(picker.options).toHaveLength(3);
    const objectiveId = picker.options[1]?.value ?? "";
    fireEvent.change(picker, { target: { value: objectiveId } });
    await waitFor(() => {
      expect(picker.value).toBe(objectiveId);
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "alignStory", storyId: "st-4", objectiveId });

    fireEvent.click(screen.getByTestId("view-backlog"));
    const rollup = await screen.findByText("Faster checkout (committed, value 8)");
    const row = rollup.closest("li") as HTMLElement;
    expect(within(row).getByTestId("objective-rollup-facts").textContent).toBe("0 of 5 pts ready · 1 story, 0 done");
    // A click on the objective shows its stories.
    fireEvent.click(rollup);
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").map((r) => r.dataset.storyId)).toEqual(["st-4"]);
    });
    expect(backend.backlogQueries.at(-1)).toMatchObject({ objective: { aligned: objectiveId } });
    fireEvent.change(screen.getByTestId("backlog-filter-objective"), { target: { value: "none" } });
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").map((r) => r.dataset.storyId)).not.toContain("st-4");
    });
    expect(backend.backlogQueries.at(-1)).toMatchObject({ objective: "unaligned" });

    fireEvent.change(screen.getByTestId("backlog-filter-objective"), { target: { value: "" } });
    fireEvent.change(screen.getByTestId("backlog-sort"), { target: { value: "objective" } });
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row")[0]?.dataset.storyId).toBe("st-4");
    });
    const groups = screen.getAllByTestId("backlog-group").map((group) => group.textContent);
    expect(groups).toEqual(["Faster checkout · committed · value 8", "No objective"]);
  });
});
