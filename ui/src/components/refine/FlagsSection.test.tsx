import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { card, openPanel, renderApp } from "../../test/renderApp";

describe("session flags", () => {
  it("toggles a flag from the panel and shows it on the card by name", async () => {
    const { backend } = await renderApp();
    const panel = await openPanel("st-1");
    const risky = within(panel).getByRole("button", { name: "Risky" });
    expect(risky.getAttribute("aria-pressed")).toBe("false");
    expect(within(card("st-1")).queryByTestId("flag-marker")).toBeNull();

    fireEvent.click(risky);
    await waitFor(() => {
      expect(risky.getAttribute("aria-pressed")).toBe("true");
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "setFlag", storyId: "st-1", flag: "risky", on: true });
    const marker = within(card("st-1")).getByTestId("flag-marker");
    expect(marker.textContent).toBe("Risky");

    fireEvent.click(risky);
    await waitFor(() => {
      expect(within(card("st-1")).queryByTestId("flag-marker")).toBeNull();
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "setFlag", storyId: "st-1", flag: "risky", on: false });
  });

  it("filters the backlog by flag", async () => {
    const { backend } = await renderApp();
    const panel = await openPanel("st-4");
    fireEvent.click(within(panel).getByRole("button", { name: "Research needed" }));
    await waitFor(() => {
      expect(within(card("st-4")).getByTestId("flag-marker").textContent).toBe("Research needed");
    });
    fireEvent.click(screen.getByTestId("view-backlog"));
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").length).toBeGreaterThan(1);
    });
    fireEvent.change(screen.getByTestId("backlog-filter-flag"), { target: { value: "researchNeeded" } });
    await waitFor(() => {
      expect(screen.getAllByTestId("backlog-row").map((row) => row.dataset.storyId)).toEqual(["st-4"]);
    });
    expect(backend.backlogQueries.at(-1)).toMatchObject({ flag: "researchNeeded" });
  });

  it("filters the map to the cards with a flag, dimming the others, and counts each flag", async () => {
    await renderApp();
    const panel = await openPanel("st-2");
    fireEvent.click(within(panel).getByRole("button", { name: "Unclear" }));
    const filter = screen.getByTestId("flag-filter");
    await waitFor(() => {
      expect(within(filter).getByRole("option", { name: "Unclear (1)" })).toBeTruthy();
    });
    fireEvent.change(filter, { target: { value: "unclear" } });
    expect(card("st-2").className).toContain("is-match");
    expect(card("st-1").className).toContain("is-dimmed");
    expect(screen.queryByTestId("search-count")).toBeNull();

    fireEvent.change(filter, { target: { value: "" } });
    expect(card("st-1").className).not.toContain("is-dimmed");
    expect(card("st-2").className).not.toContain("is-match");
  });
});
