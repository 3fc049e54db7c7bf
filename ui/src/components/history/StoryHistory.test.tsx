import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatMoment } from "../../model/time";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { card, entry, renderApp } from "./testing";

const AT = "2025-11-24T13:05:00Z";

async function openHistory(backend: FakeBackend) {
  await renderApp(backend);
  fireEvent.click(within(card("st-1")).getByTestId("open-story"));
  const section = await screen.findByTestId("story-history");
  expect(section.dataset.open).toBe("false");
  expect(within(section).queryByTestId("history-entry")).toBeNull();
  fireEvent.click(within(section).getByTestId("story-history-toggle"));
  await within(section).findAllByTestId("history-entry");
  return section;
}

function withPastTitle(): FakeBackend {
  const backend = new FakeBackend();
  backend.timelines.set("st-1", [
    entry("ben renamed it to 'See prices per kg'", "ben", "2025-11-25T09:00:00Z", "h2"),
    entry("ana added it", "ana", AT, "h1"),
  ]);
  const past = sampleMap();
  const first = past.stories.find((story) => story.id === "st-1");
  if (first) first.title = "Prices per kilo";
  backend.pastMaps.set("h1", past);
  return backend;
}

describe("Story history", () => {
  it("loads on expand and restores the story after an inline confirm", async () => {
    const backend = withPastTitle();
    const section = await openHistory(backend);
    const entries = within(section).getAllByTestId("history-entry");
    expect(entries.map((item) => item.dataset.hash)).toEqual(["h2", "h1"]);
    expect(entries[1]?.textContent).toContain("ana added it");

    const restore = section.querySelector<HTMLElement>('[data-testid="restore-story"][data-hash="h1"]');
    if (!restore) throw new Error("no restore for h1");
    fireEvent.click(restore);
    const confirm = within(section).getByTestId("restore-confirm");
    expect(confirm.textContent).toContain(`Restore ‘See prices per kg’ as it was on ${formatMoment(AT)}? You can undo this.`);
    expect(backend.edits).toEqual([]);

    fireEvent.click(within(confirm).getByTestId("restore-confirm-button"));
    await waitFor(() => {
      expect(within(card("st-1")).getByTestId("story-title").textContent).toBe("Prices per kilo");
    });
    expect(backend.edits.map((sent) => sent.edit)).toEqual([{ kind: "restoreStory", storyId: "st-1", at: "h1" }]);
    expect(screen.getByTestId("undo-button").getAttribute("aria-label")).toBe("Undo Restore story 'Prices per kilo'");
  });

  it("sends nothing when the confirm is cancelled", async () => {
    const backend = withPastTitle();
    const section = await openHistory(backend);
    const restore = section.querySelector<HTMLElement>('[data-testid="restore-story"][data-hash="h2"]');
    if (!restore) throw new Error("no restore for h2");
    fireEvent.click(restore);
    fireEvent.click(within(section).getByTestId("restore-cancel"));
    expect(within(section).queryByTestId("restore-confirm")).toBeNull();
    expect(backend.edits).toEqual([]);
  });
});
