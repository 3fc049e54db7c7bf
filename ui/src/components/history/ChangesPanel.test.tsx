import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { noChanges } from "../../test/fakeHistory";
import { formatMoment } from "../../model/time";
import { entry, renderApp } from "./testing";

describe("What changed", () => {
  it("shows loading, then the backend's reason when it cannot answer, not an error toast", async () => {
    const backend = await renderApp();
    backend.changeAnswers.set("lastSync", { code: "invalidInput", message: "this map has no change 00ff" });
    backend.holdHistory();
    fireEvent.click(screen.getByTestId("changes-button"));
    const panel = screen.getByTestId("changes-panel");
    expect(within(panel).getByTestId("changes-loading")).toBeTruthy();
    expect(backend.changesAsked).toEqual([{ kind: "lastSync" }]);
    act(() => {
      backend.releaseHistory();
    });
    expect((await within(panel).findByTestId("changes-message")).textContent).toBe("this map has no change 00ff");
    expect(screen.queryByTestId("error-toast")).toBeNull();
    expect(within(panel).queryByTestId("changes-loading")).toBeNull();
  });

  it("says nothing changed since the chosen start", async () => {
    const backend = await renderApp();
    backend.changeAnswers.set("lastOpened", noChanges("Since you last opened this map"));
    fireEvent.keyDown(document.body, { key: "h" });
    const panel = screen.getByTestId("changes-panel");
    const choice = panel.querySelector<HTMLElement>('[data-testid="changes-since"][data-since="lastOpened"]');
    if (!choice) throw new Error("no lastOpened choice");
    fireEvent.click(choice);
    expect(choice.getAttribute("aria-pressed")).toBe("true");
    expect((await within(panel).findByTestId("changes-empty")).textContent).toContain("Nothing changed since you last opened this map");
    expect(backend.changesAsked.at(-1)).toEqual({ kind: "lastOpened" });
  });

  it("asks for the changes since the last refinement session", async () => {
    const backend = await renderApp();
    backend.changeAnswers.set("lastSession", noChanges("Since the last refinement session, started 2026-12-04 14:05 UTC"));
    fireEvent.keyDown(document.body, { key: "h" });
    const panel = screen.getByTestId("changes-panel");
    const choice = panel.querySelector<HTMLElement>('[data-testid="changes-since"][data-since="lastSession"]');
    if (!choice) throw new Error("no lastSession choice");
    expect(choice.textContent).toBe("Since the last session");
    fireEvent.click(choice);
    expect(choice.getAttribute("aria-pressed")).toBe("true");
    expect((await within(panel).findByTestId("changes-empty")).textContent).toContain("since the last refinement session");
    expect(backend.changesAsked.at(-1)).toEqual({ kind: "lastSession" });
  });

  it("groups entries per story and for the map, and asks again for a chosen date", async () => {
    const backend = new FakeBackend();
    const at = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    backend.changeAnswers.set("date", {
      sinceLabel: "Since Thu 20 Nov",
      changeCount: 4,
      authors: ["ana", "ben"],
      stories: [
        {
          storyId: "st-4",
          title: "Search by name",
          removed: false,
          entries: [entry("ben changed the estimate from 3 to 5", "ben", at), entry("ana renamed it", "ana", at, "h0")],
        },
        { storyId: "st-gone", title: "Gift wrap", removed: true, entries: [entry("ana removed it", "ana", at)] },
      ],
      mapEntries: [entry("ben added the slice 'Later'", "ben", at)],
      mentionCount: 0,
    });
    await renderApp(backend);
    fireEvent.click(screen.getByTestId("changes-button"));
    const panel = screen.getByTestId("changes-panel");
    const dateChoice = panel.querySelector<HTMLElement>('[data-since="date"]');
    if (!dateChoice) throw new Error("no date choice");
    fireEvent.click(dateChoice);
    fireEvent.change(within(panel).getByTestId("changes-date"), { target: { value: "2025-11-20" } });
    await waitFor(() => {
      expect(backend.changesAsked.at(-1)).toEqual({ kind: "date", date: "2025-11-20" });
    });

    const summary = await within(panel).findByTestId("changes-summary");
    expect(summary.textContent).toContain("4 changes by ana, ben");
    expect(summary.textContent).toContain("Since Thu 20 Nov");
    const groups = within(panel).getAllByTestId("changes-story");
    expect(groups.map((group) => group.dataset.storyId)).toEqual(["st-4", "st-gone"]);
    const first = within(groups[0] as HTMLElement).getAllByTestId("change-entry");
    expect(first.map((item) => item.textContent)).toEqual([
      "ben changed the estimate from 3 to 5ben·2 h ago",
      "ana renamed itana·2 h ago",
    ]);
    expect(first[0]?.querySelector("time")?.getAttribute("title")).toBe(formatMoment(at, true));
    expect(within(groups[1] as HTMLElement).getByTestId("removed-badge").textContent).toBe("Removed");
    expect(within(groups[1] as HTMLElement).queryByTestId("changes-story-open")).toBeNull();
    expect(within(within(panel).getByTestId("changes-map")).getAllByTestId("change-entry")).toHaveLength(1);

    fireEvent.click(within(groups[0] as HTMLElement).getByTestId("changes-story-open"));
    expect(screen.queryByTestId("changes-panel")).toBeNull();
    expect((await screen.findByTestId("story-panel")).dataset.storyId).toBe("st-4");
  });

  it("counts and marks the teammates' comments that mention me, as Rust flags them", async () => {
    const backend = new FakeBackend();
    const at = new Date(Date.now() - 5 * 60 * 1000).toISOString();
    const forMe = { ...entry('ben commented "@ana can you check the copy?"', "ben", at, "h2"), kind: "commentAdded" as const, mentionsYou: true };
    backend.changeAnswers.set("lastSync", {
      sinceLabel: "Since your last sync",
      changeCount: 2,
      authors: ["ben"],
      stories: [{ storyId: "st-4", title: "Search by name", removed: false, entries: [forMe, entry("ben renamed it", "ben", at)] }],
      mapEntries: [],
      mentionCount: 1,
    });
    await renderApp(backend);
    fireEvent.click(screen.getByTestId("changes-button"));
    const panel = screen.getByTestId("changes-panel");
    expect((await within(panel).findByTestId("changes-mentions")).textContent).toBe("@1 comment mentions you");
    const entries = within(panel).getAllByTestId("change-entry");
    expect(entries.map((item) => item.classList.contains("is-for-me"))).toEqual([true, false]);
    expect(within(entries[0] as HTMLElement).getByTestId("entry-mentions-you").textContent).toBe("mentions you");
  });
});
