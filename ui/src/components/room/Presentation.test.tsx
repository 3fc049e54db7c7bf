import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { renderApp, startSession } from "./testing";

const presentation = () => screen.getByTestId("presentation");
const key = (name: string) => {
  act(() => {
    fireEvent.keyDown(document.body, { key: name });
  });
};
async function shownStory(): Promise<string | null> {
  return (await screen.findByTestId("presentation-story")).getAttribute("data-story-id");
}

describe("Presentation mode", () => {
  it("opens on the first slice without a session, moves through slices and the slice's stories, and Esc leaves", async () => {
    const backend = await renderApp();
    fireEvent.click(screen.getByTestId("present-button"));
    expect(presentation().getAttribute("data-focus")).toBe("slice");
    expect(screen.getByTestId("app").classList.contains("is-presenting")).toBe(true);
    expect((await screen.findByTestId("presentation-slice")).textContent).toContain("MVP");
    expect(backend.room.focuses[0]).toEqual({ kind: "slice", releaseId: "r-mvp" });
    expect((await screen.findByTestId("presented-health-slice")).textContent).toBe("MVP: 8 pts · 1 unestimated");
    expect(screen.getByTestId("presented-health").textContent).toContain("Ready backlog: 0 pts");

    key("ArrowRight");
    await waitFor(() => {
      expect(screen.getByTestId("presentation-slice").textContent).toContain("Release 2");
    });
    expect(screen.getByTestId("presented-health-slice").textContent).toBe("Release 2: 1 unestimated");
    key("ArrowLeft");
    key("1");
    expect(presentation().getAttribute("data-focus")).toBe("story");
    expect(await shownStory()).toBe("st-1");
    key("ArrowRight");
    await waitFor(async () => {
      expect(await shownStory()).toBe("st-2");
    });
    key(" ");
    key("PageDown");
    await waitFor(async () => {
      expect(await shownStory()).toBe("st-5");
    });
    // The end of the slice stays put.
    key("ArrowDown");
    expect(await shownStory()).toBe("st-5");
    expect(screen.getByTestId("presentation-position").textContent).toBe("4 / 4");

    key("Escape");
    expect(screen.queryByTestId("presentation")).toBeNull();
    expect(screen.getByTestId("app").classList.contains("is-presenting")).toBe(false);
  });

  it("shows the WSJF heat on the slice's cards with W, in either theme, with the key", async () => {
    const map = sampleMap();
    const scored = map.stories.find((story) => story.id === "st-1");
    if (scored) scored.wsjf = { value: 8, timeCriticality: 8, riskReduction: 8, jobSize: 2 };
    await renderApp(new FakeBackend([map]));
    key("F5");
    await screen.findByTestId("presentation-slice");
    expect(presentation().classList.contains("has-heat")).toBe(false);
    key("w");
    expect(presentation().classList.contains("has-heat")).toBe(true);
    expect(screen.getByTestId("presentation-heat").getAttribute("aria-pressed")).toBe("true");
    const card = (id: string) => document.querySelector<HTMLElement>(`[data-testid="presented-card"][data-story-id="${id}"]`);
    expect(card("st-1")?.dataset.heat).toBe("5");
    expect(card("st-1")?.textContent).toContain("12");
    expect(card("st-2")?.dataset.heat).toBe("none");
    expect(screen.getByTestId("wsjf-legend").textContent).toContain("1 of 5 scored");
    key("t");
    expect(presentation().classList.contains("has-heat")).toBe(true);
    // A single story shows no cards, so no key either.
    key("1");
    await screen.findByTestId("presentation-story");
    expect(screen.queryByTestId("wsjf-legend")).toBeNull();
    key("w");
    expect(presentation().classList.contains("has-heat")).toBe(false);
  });

  it("opens with F5, switches theme with T, shows a story's activity, and E opens the story's details", async () => {
    await renderApp();
    key("F5");
    expect(presentation().getAttribute("data-theme")).toBe("light");
    key("t");
    expect(presentation().getAttribute("data-theme")).toBe("dark");
    key("1");
    expect(await shownStory()).toBe("st-1");
    key("3");
    expect(presentation().getAttribute("data-focus")).toBe("activity");
    expect((await screen.findByTestId("presentation-slice")).getAttribute("data-kind")).toBe("activity");
    key("1");
    key("e");
    expect((await screen.findByTestId("story-panel")).getAttribute("data-story-id")).toBe("st-1");
    fireEvent.click(screen.getByTestId("presentation-exit"));
    expect(screen.queryByTestId("presentation")).toBeNull();
  });

  it("follows the session's stories and shows the session bar", async () => {
    const backend = await startSession();
    fireEvent.click(screen.getByTestId("session-button"));
    fireEvent.click(screen.getByTestId("present-button"));
    expect(presentation().getAttribute("data-focus")).toBe("story");
    expect(await shownStory()).toBe("st-1");
    expect(screen.getByTestId("session-bar")).toBeTruthy();
    expect(screen.queryByTestId("session-panel")).toBeNull();
    // The session's stories, not the slice's: st-2 is done, so not picked.
    key("ArrowRight");
    await waitFor(async () => {
      expect(await shownStory()).toBe("st-3");
    });
    // "Next story" on the bar focuses the next one to discuss, and the wall follows.
    fireEvent.click(screen.getByTestId("next-story"));
    await waitFor(async () => {
      expect(await shownStory()).toBe("st-3");
    });
    expect(backend.edits.at(-1)?.edit).toEqual({ kind: "focusSessionStory", sessionId: "session-new-1", storyId: "st-3" });
  });
});
