import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatMoment } from "../../model/time";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { card, renderApp } from "./testing";

const AT = "2025-11-24T13:05:00Z";

async function viewPast(): Promise<FakeBackend> {
  const backend = new FakeBackend();
  backend.points = [
    { hash: "h2", at: "2025-11-25T09:00:00Z", author: "ben", label: "Rename story 'See prices per kg'" },
    { hash: "h1", at: AT, author: "ana", label: "Add story 'Prices per kilo'" },
  ];
  const past = sampleMap();
  past.stories = past.stories.filter((story) => story.id !== "st-5");
  const first = past.stories.find((story) => story.id === "st-1");
  if (first) first.title = "Prices per kilo";
  backend.pastMaps.set("h1", past);
  await renderApp(backend);
  fireEvent.click(screen.getByTestId("changes-button"));
  fireEvent.click(within(screen.getByTestId("changes-panel")).getByTestId("view-earlier"));
  const list = screen.getByTestId("history-points");
  const points = await within(list).findAllByTestId("history-point");
  expect(points.map((point) => point.dataset.hash)).toEqual(["h2", "h1"]);
  expect(backend.pointLimits).toEqual([200]);
  const chosen = points[1];
  if (!chosen) throw new Error("no second point");
  fireEvent.click(chosen);
  await screen.findByTestId("past-banner");
  return backend;
}

describe("The map as of a point", () => {
  it("shows the past map read only under its banner, and Back to now returns", async () => {
    const backend = await viewPast();
    expect(screen.getByTestId("past-banner").textContent).toContain(`Viewing the map as of ${formatMoment(AT)} — read only`);
    expect(screen.queryByTestId("history-points")).toBeNull();
    expect(within(card("st-1")).getByTestId("story-title").textContent).toBe("Prices per kilo");
    expect(document.querySelector('[data-story-id="st-5"]')).toBeNull();
    expect(screen.queryAllByTestId("add-story")).toHaveLength(0);
    fireEvent.doubleClick(within(card("st-1")).getByTestId("story-title"));
    expect(screen.queryByTestId("inline-input")).toBeNull();
    fireEvent.keyDown(card("st-1"), { key: "Delete" });
    expect(backend.edits).toEqual([]);

    fireEvent.click(screen.getByTestId("back-to-now"));
    expect(screen.queryByTestId("past-banner")).toBeNull();
    expect(within(card("st-1")).getByTestId("story-title").textContent).toBe("See prices per kg");
    expect(card("st-5")).toBeTruthy();
    expect(screen.queryAllByTestId("restore-from-past")).toHaveLength(0);
  });

  it("goes back to now with Esc", async () => {
    await viewPast();
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(screen.queryByTestId("past-banner")).toBeNull();
  });

  it("restores one story from the past map and returns to now", async () => {
    const backend = await viewPast();
    fireEvent.click(within(card("st-1")).getByTestId("restore-from-past"));
    await waitFor(() => {
      expect(screen.queryByTestId("past-banner")).toBeNull();
    });
    expect(backend.edits.map((sent) => sent.edit)).toEqual([{ kind: "restoreStory", storyId: "st-1", at: "h1" }]);
    expect(within(card("st-1")).getByTestId("story-title").textContent).toBe("Prices per kilo");
    expect(card("st-5")).toBeTruthy();
  });
});
