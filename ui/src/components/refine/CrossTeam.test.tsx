import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { card, openPanel, renderApp } from "../../test/renderApp";

describe("cross-team dependencies", () => {
  it("adds one from the panel, names the team on the card, moves it on and filters the backlog", async () => {
    const { backend } = await renderApp();
    const panel = await openPanel("st-4");
    fireEvent.change(within(panel).getByTestId("crossteam-team"), { target: { value: "Payments" } });
    fireEvent.change(within(panel).getByTestId("crossteam-item"), { target: { value: "PAY-88 PSP contract" } });
    fireEvent.click(within(panel).getByTestId("crossteam-add"));
    const row = await within(panel).findByTestId("crossteam-row");
    expect(backend.edits.at(-1)?.edit).toEqual({
      kind: "addCrossTeamDependency",
      storyId: "st-4",
      team: "Payments",
      item: "PAY-88 PSP contract",
      neededBy: null,
      status: "asked",
    });
    expect(within(card("st-4")).getByTestId("crossteam-marker").textContent).toBe("⇄Payments");

    // Needed by a slice, then agreed.
    fireEvent.change(within(row).getByTestId("crossteam-needed"), { target: { value: "r-2" } });
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "updateCrossTeamDependency", neededBy: "r-2", status: "asked" });
    });
    fireEvent.change(within(row).getByTestId("crossteam-status"), { target: { value: "agreed" } });
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "updateCrossTeamDependency", neededBy: "r-2", status: "agreed" });
    });
    // A date instead: the picker offers a date field.
    fireEvent.change(within(row).getByTestId("crossteam-needed"), { target: { value: "date" } });
    fireEvent.change(await within(row).findByTestId("crossteam-date"), { target: { value: "2027-03-31" } });
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toMatchObject({ neededBy: "2027-03-31" });
    });

    fireEvent.click(screen.getByTestId("view-backlog"));
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").length).toBeGreaterThan(1);
    });
    fireEvent.change(screen.getByTestId("backlog-filter-crossteam"), { target: { value: "yes" } });
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").map((r) => r.dataset.storyId)).toEqual(["st-4"]);
    });
    expect(backend.backlogQueries.at(-1)).toMatchObject({ crossTeam: true });

    // Done: the card no longer names the team.
    fireEvent.change(within(screen.getByTestId("crossteam-row")).getByTestId("crossteam-status"), { target: { value: "done" } });
    await waitFor(() => {
      expect(document.querySelector('[data-testid="backlog-row"] [data-testid="crossteam-marker"]')).toBeNull();
    });
  });
});
