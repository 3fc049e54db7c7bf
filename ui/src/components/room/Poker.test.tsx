import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { card } from "../history/testing";
import { lastEdit, startSession } from "./testing";

function chip(name: string): HTMLElement {
  const found = screen.getAllByTestId("vote-for").find((element) => element.textContent.includes(name));
  if (!found) throw new Error(`no chip for ${name}`);
  return found;
}

function pick(value: string) {
  const found = screen.getAllByTestId("poker-card").find((element) => element.getAttribute("data-value") === value);
  if (!found) throw new Error(`no card ${value}`);
  fireEvent.click(found);
}

describe("Planning poker", () => {
  it("keeps votes hidden until revealed, shows Rust's statistics, and accepting writes the estimate", async () => {
    const backend = await startSession();
    const poker = screen.getByTestId("poker");
    for (const name of ["Ana", "Ben", "Cy"]) {
      fireEvent.change(within(poker).getByTestId("participant-name"), { target: { value: name } });
      fireEvent.click(within(poker).getByTestId("add-participant"));
      await waitFor(() => {
        expect(within(poker).getByTestId("participant-name")).toHaveProperty("value", "");
      });
    }
    await waitFor(() => {
      expect(backend.edits.filter((item) => item.edit.kind === "addParticipant")).toHaveLength(3);
    });
    fireEvent.click(await within(poker).findByTestId("new-round"));
    await within(poker).findAllByTestId("vote-for");

    pick("5"); // Ana, the first without a vote, is chosen by itself
    await waitFor(() => {
      expect(chip("Ana").getAttribute("data-voted")).toBe("true");
    });
    expect(chip("Ana").textContent).toBe("Ana✓");
    fireEvent.click(chip("Ben"));
    pick("5");
    await waitFor(() => {
      expect(chip("Ben").getAttribute("data-voted")).toBe("true");
    });
    fireEvent.click(chip("Cy"));
    pick("13");
    await waitFor(() => {
      expect(chip("Cy").getAttribute("data-voted")).toBe("true");
    });
    // Nothing on screen tells the cards apart before the reveal.
    for (const name of ["Ana", "Ben", "Cy"]) expect(chip(name).textContent).toBe(`${name}✓`);
    expect(within(poker).queryByTestId("revealed-vote")).toBeNull();
    await waitFor(() => {
      expect(lastEdit(backend)).toMatchObject({ kind: "castVote", value: "13" });
    });

    fireEvent.click(within(poker).getByTestId("reveal-votes"));
    expect((await within(poker).findByTestId("poker-median")).textContent).toBe("Median 5");
    expect(within(poker).getByTestId("poker-stats").textContent).toContain("Spread 5–13 (2 cards)");
    const outliers = within(poker).getAllByTestId("revealed-vote").filter((vote) => vote.getAttribute("data-outlier") === "true");
    expect(outliers.map((vote) => vote.textContent)).toEqual(["13Cy"]);

    const accept = within(poker).getByTestId("accept-estimate");
    expect(accept.textContent).toBe("Accept 5");
    fireEvent.click(accept);
    await waitFor(() => {
      expect(lastEdit(backend)).toEqual({ kind: "acceptEstimate", sessionId: "session-new-1", roundId: expect.any(String) as string, estimate: "5" });
    });
    expect((await within(poker).findByTestId("poker-accepted")).textContent).toBe("Estimate set to 5");
    await waitFor(() => {
      expect(card("st-1").textContent).toContain("5");
    });

    fireEvent.click(within(poker).getByTestId("new-round"));
    await waitFor(() => {
      expect(chip("Ana").getAttribute("data-voted")).toBe("false");
    });
  });
});
