import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { lastEdit, renderApp, sessionStory, startSession } from "./testing";

describe("Session runner", () => {
  it("starts a session with the defaults: Rust's pick of 10, 90 minutes, 5 per story, Fibonacci", async () => {
    const backend = await renderApp();
    fireEvent.click(screen.getByTestId("session-button"));
    expect(within(screen.getByTestId("session-panel")).getByTestId("past-sessions").textContent).toContain("No session yet");
    fireEvent.click(screen.getByTestId("start-session"));
    expect(screen.getByTestId<HTMLInputElement>("session-length").value).toBe("90");
    expect(screen.getByTestId<HTMLInputElement>("session-timebox").value).toBe("5");
    expect(screen.getByTestId<HTMLInputElement>("story-count").value).toBe("10");
    fireEvent.click(screen.getByTestId("session-start-submit"));
    await screen.findAllByTestId("session-story");
    expect(backend.edits.map((item) => item.edit).filter((edit) => edit.kind === "startSession")).toEqual([
      { kind: "startSession", storyIds: null, storyCount: 10, lengthMinutes: 90, timeboxMinutes: 5, deck: "fibonacci", participants: [] },
    ]);
    expect(screen.getAllByTestId("session-story").map((row) => row.getAttribute("data-story-id"))).toEqual(["st-1", "st-3", "st-4", "st-5"]);
    expect(sessionStory("st-1").getAttribute("data-state")).toBe("discussing");
    expect(within(screen.getByTestId("session-agenda")).getAllByTestId("agenda-item")).toHaveLength(4);
    expect(screen.getByTestId("session-button").getAttribute("data-session-open")).toBe("true");
  });

  it("shows the clock since the start with the current agenda item, and an amber timebox once over", async () => {
    const backend = new FakeBackend();
    backend.room.startedAgoSeconds = 61 * 60 + 5;
    backend.room.spent.set("st-1", 7 * 60);
    await startSession(backend);
    const clock = screen.getByTestId("session-clock");
    expect(clock.textContent).toMatch(/61:0\d \/ 90:00/);
    expect(within(clock).getByTestId("clock-agenda").textContent).toBe("Prioritise and adjust dependencies");
    const current = screen.getAllByTestId("agenda-item").filter((item) => item.getAttribute("data-current") === "true");
    expect(current.map((item) => within(item).getByTestId<HTMLInputElement>("agenda-title").value)).toEqual(["Prioritise and adjust dependencies"]);
    const timebox = within(screen.getByTestId("session-panel")).getByTestId("timebox");
    expect(timebox.getAttribute("data-overrun")).toBe("true");
    expect(timebox.textContent).toMatch(/7:0\d of 5:00 · over time/);
  });

  it("keeps the timebox calm within its minutes", async () => {
    const backend = new FakeBackend();
    backend.room.spent.set("st-1", 100);
    await startSession(backend);
    const timebox = screen.getByTestId("timebox");
    expect(timebox.getAttribute("data-overrun")).toBe("false");
    expect(timebox.textContent).not.toContain("over time");
  });

  it("parks the story with a reason, marks one refined, and moves on", async () => {
    const backend = await startSession();
    fireEvent.click(screen.getByTestId("park-story"));
    const submit = screen.getByTestId<HTMLButtonElement>("park-submit");
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByTestId("park-reason"), { target: { value: "Waiting for the payment provider" } });
    fireEvent.click(submit);
    await waitFor(() => {
      expect(lastEdit(backend)).toEqual({ kind: "parkSessionStory", sessionId: "session-new-1", storyId: "st-1", reason: "Waiting for the payment provider" });
    });
    await waitFor(() => {
      expect(sessionStory("st-1").getAttribute("data-state")).toBe("parked");
    });
    expect(sessionStory("st-1").textContent).toContain("Parked: Waiting for the payment provider");
    fireEvent.click(screen.getByTestId("next-story"));
    await waitFor(() => {
      expect(sessionStory("st-3").getAttribute("data-state")).toBe("discussing");
    });
    fireEvent.click(screen.getByTestId("mark-refined"));
    await waitFor(() => {
      expect(sessionStory("st-3").getAttribute("data-state")).toBe("refined");
    });
  });

  it("logs a decision for the story in focus and records who needs to give input", async () => {
    const backend = await startSession();
    fireEvent.click(screen.getByTestId("add-decision"));
    fireEvent.change(screen.getByTestId("note-text"), { target: { value: "Prices per kg only for loose produce" } });
    fireEvent.click(screen.getByTestId("note-submit"));
    await waitFor(() => {
      expect(lastEdit(backend)).toEqual({ kind: "addSessionNote", sessionId: "session-new-1", storyId: "st-1", noteKind: "decision", text: "Prices per kg only for loose produce" });
    });
    expect((await screen.findByTestId("session-note")).textContent).toContain("Prices per kg only for loose produce");
    const needs = screen.getByTestId("needs-input");
    fireEvent.change(needs, { target: { value: "UX" } });
    fireEvent.blur(needs);
    await waitFor(() => {
      expect(lastEdit(backend)).toEqual({ kind: "setStoryText", storyId: "st-1", field: "needsInputFrom", text: "UX" });
    });
    await waitFor(() => {
      expect(sessionStory("st-1").textContent).toContain("Needs UX");
    });
  });

  it("ends with the summary: headline, an editable stakeholder update in Markdown or text, copied as edited", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const backend = await startSession();
    fireEvent.click(screen.getByTestId("mark-refined"));
    await waitFor(() => {
      expect(sessionStory("st-1").getAttribute("data-state")).toBe("refined");
    });
    fireEvent.click(screen.getByTestId("end-session"));
    const summary = await screen.findByTestId("session-summary");
    await waitFor(() => {
      expect(lastEdit(backend)).toEqual({ kind: "endSession", sessionId: "session-new-1" });
    });
    expect((await within(summary).findByTestId("summary-headline")).textContent).toBe("We've refined 1 items — 1 ready (8 pts), 0 parked");
    expect(within(summary).getByTestId("summary-health").textContent).toBe("Ready backlog: 8 pts");
    const update = within(summary).getByTestId<HTMLTextAreaElement>("stakeholder-update");
    expect(update.value).toContain("## Refinement");
    fireEvent.change(update, { target: { value: "## Refinement\n\nGreat session, thanks all." } });
    expect(update.value).toBe("## Refinement\n\nGreat session, thanks all.");
    const text = summary.querySelector<HTMLElement>('[data-testid="summary-format"][data-format="text"]');
    if (!text) throw new Error("no text format");
    fireEvent.click(text);
    expect(update.value.startsWith("Refinement\n")).toBe(true);
    fireEvent.click(within(summary).getByTestId("copy-update"));
    expect(writeText).toHaveBeenCalledWith(update.value);

    // The session is now a past one, and its summary opens from the list.
    fireEvent.click(within(summary).getByText("Close"));
    fireEvent.click(screen.getByTestId("past-session"));
    expect(await screen.findByTestId("summary-headline")).toBeTruthy();
    expect(screen.getByTestId("past-sessions").textContent).toContain("1 refined · 0 parked · 4 stories");
  });

  it("saves the update, as edited, to the file chosen in the save dialog, and says why when it could not", async () => {
    const backend = await startSession();
    fireEvent.click(screen.getByTestId("end-session"));
    const summary = await screen.findByTestId("session-summary");
    const update = await within(summary).findByTestId<HTMLTextAreaElement>("stakeholder-update");
    fireEvent.change(update, { target: { value: "## Refinement\n\nThanks all." } });
    backend.savePath = "/home/ana/update.md";
    fireEvent.click(within(summary).getByTestId("save-update"));
    await waitFor(() => {
      expect(backend.updatesSaved).toEqual([{ path: "/home/ana/update.md", text: "## Refinement\n\nThanks all." }]);
    });
    expect(backend.fileKindsAsked.at(-1)).toBe("markdown");
    expect(backend.savePathsAsked.at(-1)).toBe("Session summary.md");

    backend.failNextExchange({ code: "storage", message: "cannot write /read-only/update.md: Permission denied" });
    fireEvent.click(within(summary).getByTestId("save-update"));
    expect((await within(summary).findByTestId("save-update-error")).textContent).toBe(
      "cannot write /read-only/update.md: Permission denied",
    );
    expect(backend.updatesSaved).toHaveLength(1);
  });
});
