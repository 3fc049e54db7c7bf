import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ApiError } from "../bindings/ApiError";
import { FakeBackend } from "../test/fakeBackend";
import { emptyMap, sampleMap } from "../test/sampleMap";
import { App } from "./App";

async function renderApp(backend = new FakeBackend()) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  return { ...utils, backend };
}

function cell(stepId: string, releaseId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `[data-testid="cell"][data-step-id="${stepId}"][data-release-id="${releaseId}"]`,
  );
  if (!found) throw new Error(`no cell ${stepId} × ${releaseId}`);
  return found;
}

function byTestIdAndAttr(testId: string, attr: string, value: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="${testId}"][${attr}="${value}"]`);
  if (!found) throw new Error(`no ${testId} with ${attr}=${value}`);
  return found;
}

const inlineInput = () => screen.getByTestId<HTMLInputElement>("inline-input");

function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
}

function press(element: HTMLElement, key: string) {
  fireEvent.keyDown(element, { key });
}

describe("App", () => {
  it("draws the map with its backbone, slices and cards once it has loaded", async () => {
    const { container } = await renderApp();

    expect(screen.getByTestId("map-name").textContent).toBe("Online grocery shop");
    expect(screen.getAllByTestId("activity").map((el) => el.dataset.activityId)).toEqual(["a-discover", "a-checkout"]);
    expect(screen.getAllByTestId("activity-title").map((el) => el.textContent)).toEqual([
      "Discover products",
      "Check out",
    ]);
    expect(screen.getAllByTestId("step").map((el) => el.dataset.stepId)).toEqual(["s-browse", "s-search", "s-pay"]);
    expect(screen.getAllByTestId("step-title").map((el) => el.textContent)).toEqual(["Browse", "Search", "Pay"]);
    expect(screen.getAllByTestId("release").map((el) => el.dataset.releaseId)).toEqual(["r-mvp", "r-2"]);
    expect(screen.getAllByTestId("release-title").map((el) => el.textContent)).toEqual(["MVP", "Release 2"]);
    expect(screen.getAllByTestId("cell")).toHaveLength(6);
    expect(container.querySelector(".app")?.getAttribute("data-ready")).toBe("true");

    const browseMvp = within(cell("s-browse", "r-mvp")).getAllByTestId("story-card");
    expect(browseMvp.map((card) => card.dataset.storyId)).toEqual(["st-2", "st-1"]);
    expect(within(cell("s-browse", "r-mvp")).getAllByTestId("story-title").map((el) => el.textContent)).toEqual([
      "Browse by aisle",
      "See prices per kg",
    ]);
    expect(byTestIdAndAttr("story-card", "data-story-id", "st-5").getAttribute("aria-label")).toBe(
      "Story 'Pay by card', Ready, estimate M, step Pay, slice MVP",
    );
    expect(byTestIdAndAttr("story-card", "data-story-id", "st-4").getAttribute("aria-label")).toBe(
      "Story 'Search by name', Ready, 5 points, step Search, slice MVP",
    );
    expect(byTestIdAndAttr("story-card", "data-story-id", "st-5").dataset.status).toBe("ready");
    expect(within(cell("s-pay", "r-mvp")).getByText("M")).toBeTruthy();
    expect(screen.getAllByTestId("release-rollup").map((el) => el.textContent)).toEqual([
      "4 stories · 11 pts · 0 ready · 1 done",
      "1 story · 0 pts · 0 ready",
    ]);
    expect(within(cell("s-pay", "r-2")).getByTestId("add-story")).toBeTruthy();
  });

  it("adds stories from a cell, keeping the input open and empty for the next one", async () => {
    const { backend } = await renderApp();
    fireEvent.click(within(cell("s-search", "r-2")).getByTestId("add-story"));
    const input = screen.getByTestId<HTMLInputElement>("new-story-input");
    expect(document.activeElement).toBe(input);

    type(input, "  Filter by diet  ");
    press(input, "Enter");
    await waitFor(() => {
      expect(within(cell("s-search", "r-2")).getAllByTestId("story-title").map((el) => el.textContent)).toEqual([
        "Filter by diet",
      ]);
    });
    expect(backend.edits.at(-1)).toEqual({
      mapId: "map-1",
      edit: { kind: "addStory", stepId: "s-search", releaseId: "r-2", title: "Filter by diet" },
    });
    expect(screen.getByTestId<HTMLInputElement>("new-story-input").value).toBe("");

    type(input, "Search by recipe");
    press(input, "Enter");
    await waitFor(() => {
      expect(within(cell("s-search", "r-2")).getAllByTestId("story-card")).toHaveLength(2);
    });

    press(input, "Enter"); // empty: nothing is sent
    press(input, "Escape");
    expect(screen.queryByTestId("new-story-input")).toBeNull();
    expect(backend.edits).toHaveLength(2);
  });

  it("sends the edits one after another in the order they were made", async () => {
    const { backend } = await renderApp();
    fireEvent.click(within(cell("s-pay", "r-2")).getByTestId("add-story"));
    const input = screen.getByTestId("new-story-input");
    for (const title of ["One", "Two", "Three"]) {
      type(input, title);
      press(input, "Enter");
    }
    await waitFor(() => {
      expect(within(cell("s-pay", "r-2")).getAllByTestId("story-title").map((el) => el.textContent)).toEqual([
        "One",
        "Two",
        "Three",
      ]);
    });
    expect(backend.edits.map(({ edit }) => (edit.kind === "addStory" ? edit.title : ""))).toEqual([
      "One",
      "Two",
      "Three",
    ]);
  });

  it("renames an activity by double-clicking its title; Enter saves", async () => {
    const { backend } = await renderApp();
    const title = within(byTestIdAndAttr("activity", "data-activity-id", "a-discover")).getByTestId("activity-title");
    fireEvent.doubleClick(title);
    const input = inlineInput();
    expect(input.value).toBe("Discover products");
    type(input, "Find groceries");
    press(input, "Enter");
    await waitFor(() => {
      expect(screen.getAllByTestId("activity-title")[0]?.textContent).toBe("Find groceries");
    });
    expect(backend.edits).toEqual([
      { mapId: "map-1", edit: { kind: "renameActivity", activityId: "a-discover", title: "Find groceries" } },
    ]);
    expect(screen.queryByTestId("inline-input")).toBeNull();
    expect(document.activeElement).toBe(screen.getAllByTestId("activity-title")[0]);
  });

  it("starts renaming a focused title with Enter; Escape cancels without sending", async () => {
    const { backend } = await renderApp();
    const title = within(byTestIdAndAttr("release", "data-release-id", "r-2")).getByTestId("release-title");
    title.focus();
    press(title, "Enter");
    type(inlineInput(), "Release 2.0");
    press(inlineInput(), "Escape");
    expect(screen.queryByTestId("inline-input")).toBeNull();
    expect(screen.getAllByTestId("release-title")[1]?.textContent).toBe("Release 2");
    expect(backend.edits).toEqual([]);
  });

  it("saves a rename on blur, and never sends an empty or unchanged title", async () => {
    const { backend } = await renderApp();
    const stepTitle = () => within(byTestIdAndAttr("step", "data-step-id", "s-pay")).getByTestId("step-title");

    fireEvent.doubleClick(stepTitle());
    type(inlineInput(), "   ");
    press(inlineInput(), "Enter");
    fireEvent.doubleClick(stepTitle());
    press(inlineInput(), "Enter");
    expect(backend.edits).toEqual([]);
    expect(stepTitle().textContent).toBe("Pay");

    fireEvent.doubleClick(stepTitle());
    type(inlineInput(), "Pay online");
    fireEvent.blur(inlineInput());
    await waitFor(() => {
      expect(stepTitle().textContent).toBe("Pay online");
    });
    expect(backend.edits.map(({ edit }) => edit)).toEqual([{ kind: "renameStep", stepId: "s-pay", title: "Pay online" }]);
  });

  it("renames a story from its focused card with Enter", async () => {
    const { backend } = await renderApp();
    const card = byTestIdAndAttr("story-card", "data-story-id", "st-5");
    card.focus();
    press(card, "Enter");
    type(inlineInput(), "Pay by card or PayPal");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(within(byTestIdAndAttr("story-card", "data-story-id", "st-5")).getByTestId("story-title").textContent).toBe(
        "Pay by card or PayPal",
      );
    });
    expect(backend.edits.map(({ edit }) => edit)).toEqual([
      { kind: "renameStory", storyId: "st-5", title: "Pay by card or PayPal" },
    ]);
    expect(document.activeElement).toBe(byTestIdAndAttr("story-card", "data-story-id", "st-5"));
  });

  it("renames the map in place", async () => {
    const { backend } = await renderApp();
    fireEvent.doubleClick(screen.getByTestId("map-name"));
    type(inlineInput(), "Grocery app");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Grocery app");
    });
    expect(backend.edits.map(({ edit }) => edit)).toEqual([{ kind: "renameMap", name: "Grocery app" }]);
  });

  it("adds an activity, a step under it and a release slice", async () => {
    const { backend } = await renderApp();
    fireEvent.click(screen.getByTestId("add-activity"));
    type(inlineInput(), "Get delivery");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(screen.getAllByTestId("activity-title").map((el) => el.textContent)).toContain("Get delivery");
    });
    expect(screen.queryByTestId("inline-input")).toBeNull();

    const delivery = screen.getAllByTestId("activity").find((el) => el.textContent.includes("Get delivery"));
    if (!delivery) throw new Error("activity not drawn");
    fireEvent.click(within(delivery).getByTestId("add-step"));
    type(inlineInput(), "Track order");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(screen.getAllByTestId("step-title").map((el) => el.textContent)).toEqual([
        "Browse",
        "Search",
        "Pay",
        "Track order",
      ]);
    });
    // The step input stays open, empty, for the next step; Escape closes it.
    expect(inlineInput().value).toBe("");
    press(inlineInput(), "Escape");

    fireEvent.click(screen.getByTestId("add-release"));
    type(inlineInput(), "Later");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(screen.getAllByTestId("release-title").map((el) => el.textContent)).toEqual(["MVP", "Release 2", "Later"]);
    });
    expect(backend.edits.map(({ edit }) => edit.kind)).toEqual(["addActivity", "addStep", "addRelease"]);
    expect(backend.edits[1]?.edit).toMatchObject({ activityId: delivery.dataset.activityId });
    // The new step has a cell in every slice.
    expect(screen.getAllByTestId("cell")).toHaveLength(12);
  });

  it("shows a failed edit in a dismissable error message", async () => {
    const backend = new FakeBackend();
    const error: ApiError = { code: "storageFull", message: "No space left on device" };
    backend.failNextEdit(error);
    await renderApp(backend);
    fireEvent.click(within(cell("s-pay", "r-2")).getByTestId("add-story"));
    type(screen.getByTestId("new-story-input"), "Pay on delivery");
    press(screen.getByTestId("new-story-input"), "Enter");

    const alert = await screen.findByRole("alert");
    expect(alert.dataset.errorCode).toBe("storageFull");
    expect(within(alert).getByText("This device is out of space")).toBeTruthy();
    expect(within(alert).getByText("No space left on device")).toBeTruthy();
    expect(within(cell("s-pay", "r-2")).queryAllByTestId("story-card")).toHaveLength(0);
    expect(screen.getByTestId("save-status").textContent).toBe("Last change not saved");

    fireEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("invites the first activity on an empty map", async () => {
    const backend = new FakeBackend([emptyMap(), sampleMap()]);
    await renderApp(backend);
    expect(screen.getByText("Start with the backbone")).toBeTruthy();
    expect(screen.queryAllByTestId("activity")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("add-activity"));
    type(inlineInput(), "Join the programme");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(screen.getAllByTestId("activity-title").map((el) => el.textContent)).toEqual(["Join the programme"]);
    });
    expect(screen.queryByText("Start with the backbone")).toBeNull();
    expect(screen.getAllByTestId("release-title").map((el) => el.textContent)).toEqual(["MVP"]);
  });

  it("switches maps and creates a new one from the map switcher", async () => {
    const { backend } = await renderApp();
    fireEvent.click(screen.getByTestId("map-switcher"));
    const option = await screen.findByRole("button", { name: "Open Loyalty programme, 0 stories" });
    expect(screen.getByRole("button", { name: "Open Online grocery shop, 5 stories" })).toBeTruthy();
    fireEvent.click(option);
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Loyalty programme");
    });

    fireEvent.click(screen.getByTestId("map-switcher"));
    fireEvent.click(await screen.findByTestId("new-map"));
    type(inlineInput(), "  Pharmacy  ");
    press(inlineInput(), "Enter");
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Pharmacy");
    });
    expect([...backend.maps.values()].map((view) => view.map.name)).toContain("Pharmacy");
    expect(screen.getByText("Start with the backbone")).toBeTruthy();
  });

  it("offers to try again when the start map cannot be opened", async () => {
    const backend = new FakeBackend();
    let failures = 1;
    const open = backend.openStartMap.bind(backend);
    backend.openStartMap = () => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject({ code: "corruptData", message: "checksum mismatch" } satisfies ApiError);
      }
      return open();
    };
    const { container } = render(<App backend={backend} />);
    expect(await screen.findByText("This map's data is damaged")).toBeTruthy();
    expect(container.querySelector('[data-ready="true"]')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Try again" }));
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Online grocery shop");
    });
  });

  it("lets the user open another map when the start map cannot be opened", async () => {
    const backend = new FakeBackend();
    backend.openStartMap = () => Promise.reject({ code: "corruptData", message: "bad" } satisfies ApiError);
    render(<App backend={backend} />);
    expect(await screen.findByText("This map's data is damaged")).toBeTruthy();
    fireEvent.click(screen.getByTestId("map-switcher"));
    fireEvent.click(await screen.findByRole("button", { name: "Open Loyalty programme, 0 stories" }));
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Loyalty programme");
    });
    expect(screen.queryByText("This map's data is damaged")).toBeNull();
  });
});
