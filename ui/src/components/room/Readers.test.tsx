import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { participantNames } from "./StartSessionDialog";
import { lastEdit, renderApp, sessionStory } from "./testing";

const readerOf = (storyId: string) => within(sessionStory(storyId)).getByTestId<HTMLSelectElement>("reader-picker");
const chip = (name: string) => screen.getAllByTestId("reader-chip").find((item) => item.textContent === name) as HTMLElement;
const nameOf = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent;

async function startWith(people: string) {
  const backend = await renderApp();
  fireEvent.click(screen.getByTestId("session-button"));
  fireEvent.click(screen.getByTestId("start-session"));
  fireEvent.change(screen.getByTestId("session-participants"), { target: { value: people } });
  fireEvent.click(screen.getByTestId("session-start-submit"));
  await screen.findAllByTestId("reader-picker");
  return backend;
}

describe("The rotating reader", () => {
  it("reads names from the start dialog, one per comma or line", () => {
    expect(participantNames(" Ana, Ben ,\nCy,, ")).toEqual(["Ana", "Ben", "Cy"]);
    expect(participantNames("")).toEqual([]);
  });

  it("deals the stories to the room in turn, changes a reader by hand, skips someone, and credits readers in the summary", async () => {
    const backend = await startWith("Ana, Ben");
    expect(backend.edits.find((item) => item.edit.kind === "startSession")?.edit).toMatchObject({ participants: ["Ana", "Ben"] });
    expect(["st-1", "st-3", "st-4", "st-5"].map((id) => nameOf(readerOf(id)))).toEqual(["Ana", "Ben", "Ana", "Ben"]);

    fireEvent.change(readerOf("st-4"), { target: { value: readerOf("st-3").value } });
    await waitFor(() => {
      expect(nameOf(readerOf("st-4"))).toBe("Ben");
    });
    expect(lastEdit(backend)).toMatchObject({ kind: "setReader", storyId: "st-4" });

    fireEvent.click(chip("Ben"));
    await waitFor(() => {
      expect(chip("Ben").getAttribute("aria-pressed")).toBe("false");
    });
    expect(lastEdit(backend)).toMatchObject({ kind: "skipReader", skip: true });
    // The stories not read yet go to whoever still reads; the one in focus keeps Ana.
    expect(["st-1", "st-3", "st-4", "st-5"].map((id) => nameOf(readerOf(id)))).toEqual(["Ana", "Ana", "Ana", "Ana"]);

    // On the wall, the session bar says who reads the story in focus.
    act(() => {
      fireEvent.keyDown(document.body, { key: "F5" });
    });
    expect(within(await screen.findByTestId("session-bar")).getByTestId("read-by").textContent).toBe("Read by Ana");
    act(() => {
      fireEvent.keyDown(document.body, { key: "Escape" });
    });

    fireEvent.click(screen.getByTestId("mark-refined"));
    await waitFor(() => {
      expect(sessionStory("st-1").getAttribute("data-state")).toBe("refined");
    });
    fireEvent.click(screen.getByTestId("end-session"));
    const summary = await screen.findByTestId("session-summary");
    await waitFor(() => {
      expect(summary.textContent).toContain("Read by");
    });
    expect(summary.textContent).toContain("Ana: st-1");

    // The next session starts with the same room.
    fireEvent.click(within(summary).getByText("Close"));
    fireEvent.click(screen.getByTestId("start-session"));
    expect(screen.getByTestId<HTMLInputElement>("session-participants").value).toBe("Ana, Ben");
  });
});
