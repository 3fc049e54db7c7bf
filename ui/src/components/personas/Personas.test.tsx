import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { card, openPanel, renderApp } from "../../test/renderApp";

function laneCell(activityId: string): HTMLElement {
  const cell = document.querySelector<HTMLElement>(`[data-testid="persona-lane-cell"][data-activity-id="${activityId}"]`);
  if (!cell) throw new Error(`no lane cell for ${activityId}`);
  return cell;
}

/** The personas' ids in order, as the top bar's filter offers them. */
function personaIds(): string[] {
  const filter = screen.getByTestId<HTMLSelectElement>("persona-filter");
  return Array.from(filter.options)
    .map((o) => o.value)
    .filter((v) => v !== "" && !v.startsWith("-"));
}

async function addPersona(dialog: HTMLElement, name: string, goal: string) {
  const count = within(dialog).queryAllByTestId("persona-row").length;
  fireEvent.change(within(dialog).getByTestId("persona-new-name"), { target: { value: name } });
  fireEvent.change(within(dialog).getByTestId("persona-new-goal"), { target: { value: goal } });
  fireEvent.keyDown(within(dialog).getByTestId("persona-new-goal"), { key: "Enter" });
  await waitFor(() => {
    expect(within(dialog).getAllByTestId("persona-row")).toHaveLength(count + 1);
  });
}

/** Opens the personas from the top bar's filter and adds a traveller and a shop owner. */
async function twoPersonas() {
  const filter = screen.getByTestId<HTMLSelectElement>("persona-filter");
  expect(Array.from(filter.options).map((o) => o.textContent)).toEqual(["No personas", "Add personas…"]);
  fireEvent.change(filter, { target: { value: "-manage-" } });
  const dialog = await screen.findByTestId("personas-dialog");
  await addPersona(dialog, "Budget shopper", "pays as little as they can");
  await addPersona(dialog, "Shop owner", "");
  fireEvent.keyDown(dialog, { key: "Escape" });
  await waitFor(() => {
    expect(screen.queryByTestId("personas-dialog")).toBeNull();
  });
}

describe("Personas", () => {
  it("adds personas, draws the lane above the backbone and names who does an activity", async () => {
    const { backend } = await renderApp();
    // A map without personas has no lane.
    expect(screen.queryAllByTestId("persona-lane-cell")).toHaveLength(0);
    await twoPersonas();
    expect(backend.edits.map((e) => e.edit)).toContainEqual({ kind: "addPersona", name: "Budget shopper", goal: "pays as little as they can", color: null });
    await waitFor(() => {
      expect(screen.getAllByTestId("persona-lane-cell").map((c) => c.dataset.activityId)).toEqual(["a-discover", "a-checkout"]);
    });
    expect(laneCell("a-discover").textContent).toContain("Who does this?");
    const [shopper = ""] = personaIds();
    fireEvent.change(within(laneCell("a-discover")).getByTestId("persona-lane-select"), { target: { value: shopper } });
    await waitFor(() => {
      expect(laneCell("a-discover").dataset.personaId).toBe(shopper);
    });
    expect(laneCell("a-discover").textContent).toContain("Budget shopperpays as little as they can");
    expect(within(laneCell("a-discover")).getByText("BS").style.background).not.toBe("");
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "setActivityPersona", activityId: "a-discover", personaId: shopper });
  });

  it("filters the map by persona: a story serves its own persona or else its activity's", async () => {
    const { backend } = await renderApp();
    await twoPersonas();
    const [shopper = "", owner = ""] = personaIds();
    fireEvent.change(within(laneCell("a-discover")).getByTestId("persona-lane-select"), { target: { value: shopper } });
    await waitFor(() => {
      expect(laneCell("a-discover").dataset.personaId).toBe(shopper);
    });
    // st-4 names its own persona in its details; the picker first offers the activity's.
    const panel = await openPanel("st-4");
    const picker = within(panel).getByTestId<HTMLSelectElement>("panel-persona");
    expect(picker.options[0]?.textContent).toBe("As its activity: Budget shopper");
    fireEvent.change(picker, { target: { value: owner } });
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toEqual({ kind: "setStoryPersona", storyId: "st-4", personaId: owner });
    });
    // "As a" offers the personas by name.
    const asA = within(panel).getByTestId<HTMLInputElement>("narrative-as-a");
    const offered = document.getElementById(asA.getAttribute("list") ?? "")?.querySelectorAll("option");
    expect(Array.from(offered ?? []).map((o) => o.value)).toEqual(["Budget shopper", "Shop owner"]);

    const filter = screen.getByTestId<HTMLSelectElement>("persona-filter");
    await waitFor(() => {
      expect(within(filter).getByRole("option", { name: "Budget shopper (3)" })).toBeTruthy();
    });
    expect(within(filter).getByRole("option", { name: "Shop owner (1)" })).toBeTruthy();
    expect(within(filter).getByRole("option", { name: "For no one yet (1)" })).toBeTruthy();
    fireEvent.change(filter, { target: { value: shopper } });
    expect(card("st-1").className).toContain("is-match");
    expect(card("st-4").className).toContain("is-dimmed");
    expect(card("st-5").className).toContain("is-dimmed");
    fireEvent.change(filter, { target: { value: "-none-" } });
    expect(card("st-5").className).toContain("is-match");
    expect(card("st-1").className).toContain("is-dimmed");
    fireEvent.change(filter, { target: { value: "" } });
    expect(card("st-1").className).not.toContain("is-dimmed");
  });

  it("changes a persona's name, goal and colour, and deleting the filtered one stops the filter", async () => {
    const { backend } = await renderApp();
    await twoPersonas();
    const [shopper = ""] = personaIds();
    fireEvent.change(screen.getByTestId("persona-filter"), { target: { value: shopper } });
    expect(card("st-1").className).toContain("is-dimmed");
    fireEvent.click(screen.getAllByTestId("lane-personas-manage")[0] as HTMLElement);
    const dialog = await screen.findByTestId("personas-dialog");
    const goal = within(dialog).getAllByTestId<HTMLInputElement>("persona-goal")[0] as HTMLInputElement;
    fireEvent.change(goal, { target: { value: "compares prices per kg" } });
    fireEvent.keyDown(goal, { key: "Enter" });
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "updatePersona", personaId: shopper, name: "Budget shopper", goal: "compares prices per kg" });
    });
    fireEvent.click(within(dialog).getAllByRole("radio", { name: "#059669" })[0] as HTMLElement);
    await waitFor(() => {
      expect(backend.edits.at(-1)?.edit).toMatchObject({ kind: "updatePersona", personaId: shopper, color: "#059669" });
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete persona Budget shopper" }));
    await waitFor(() => {
      expect(within(dialog).getAllByTestId("persona-row")).toHaveLength(1);
    });
    expect(card("st-1").className).not.toContain("is-dimmed");
  });
});
