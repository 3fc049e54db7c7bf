import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";
import { cardSelector } from "../selectors";
import { openPanel } from "../../test/renderApp";

describe("label colours", () => {
  it("colours a label from its chip, draws it with the settings' text colour, and lists it in the legend", async () => {
    const backend = new FakeBackend();
    const utils = render(<App backend={backend} />);
    await waitFor(() => {
      expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
    });
    expect(screen.queryByTestId("label-legend")).toBeNull();
    const panel = await openPanel("st-1");
    fireEvent.change(within(panel).getByLabelText("Add a label"), { target: { value: "payments" } });
    fireEvent.keyDown(within(panel).getByLabelText("Add a label"), { key: "Enter" });
    await within(panel).findByLabelText("Colour of label payments");
    fireEvent.change(within(panel).getByLabelText("Add a label"), { target: { value: "spike" } });
    fireEvent.keyDown(within(panel).getByLabelText("Add a label"), { key: "Enter" });
    await within(panel).findByLabelText("Colour of label spike");
    const color = within(panel).getByLabelText("Colour of label payments");
    fireEvent.change(color, { target: { value: "#1e3a8a" } });

    const legend = await screen.findByTestId("label-legend");
    expect(within(legend).getByText("payments").style.background).toBe("rgb(30, 58, 138)");
    const chip = within(panel).getAllByTestId("label-chip")[0] as HTMLElement;
    expect(chip.style.color).toBe("rgb(255, 255, 255)");
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "setLabelColor", label: "payments", color: "#1e3a8a" });
    // The card shows the coloured label; a label without a colour stays in the panel only.
    const card = document.querySelector<HTMLElement>(cardSelector("st-1"));
    if (!card) throw new Error("no card st-1");
    expect(within(card).getAllByTestId("card-label").map((label) => label.textContent)).toEqual(["payments"]);

    fireEvent.click(within(panel).getByRole("button", { name: "Take the colour off label payments" }));
    await waitFor(() => {
      expect(screen.queryByTestId("label-legend")).toBeNull();
    });
    expect(within(panel).getAllByTestId("label-chip").map((chip) => chip.style.color)).toEqual(["", ""]);
    expect(within(card).queryByTestId("card-label")).toBeNull();
  });
});
