import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { backendWithJiraFile, JIRA_PATH, menuItem, renderApp } from "./testing";

const mapName = () => screen.getByTestId("map-name").textContent;

function target(kind: "newMap" | "existingMap"): HTMLElement {
  const found = screen.getAllByTestId("jira-target").find((element) => element.dataset.kind === kind);
  if (!found) throw new Error(`no ${kind} target`);
  return found;
}

async function openImport(backend = backendWithJiraFile()) {
  await renderApp(backend);
  await menuItem("jira-import");
  await screen.findByTestId("jira-preview");
  return backend;
}

describe("importing from a Jira CSV", () => {
  it("asks for a .csv file, then previews what the backend says the import would do", async () => {
    const backend = await openImport();
    expect(backend.fileKindsAsked).toEqual(["jiraCsv"]);
    expect(backend.jiraPreviews[0]).toEqual({ path: JIRA_PATH, target: { kind: "newMap", name: "jira-export" }, statusMap: [] });
    expect(screen.getByTestId<HTMLInputElement>("jira-map-name").value).toBe("jira-export");
    expect(within(target("newMap")).getByRole("radio")).toHaveProperty("checked", true);

    const tiles = [...screen.getByTestId("jira-counts").querySelectorAll<HTMLElement>("[data-kind]")];
    expect(tiles.map((tile) => [tile.dataset.kind, tile.dataset.count])).toEqual([
      ["create", "3"],
      ["update", "1"],
      ["unchanged", "2"],
      ["skipped", "1"],
    ]);
    expect(tiles[0]?.textContent).toContain("1 activity · 2 steps · 1 slice · 4 criteria added");

    const columns = [...screen.getByTestId("jira-columns").querySelectorAll("tbody tr")];
    expect(columns.map((row) => row.textContent)).toEqual([
      "Summarytitle",
      "Issue keyissue key (kept on the story or activity)",
      "Statusstatus",
      "Sprint ×2Ignored",
      "Custom field (Story Points)estimate",
    ]);
    expect(columns.map((row) => row.classList.contains("is-ignored"))).toEqual([false, false, false, true, false]);

    const warnings = screen.getAllByTestId("jira-warning");
    expect(warnings.map((warning) => warning.dataset.row)).toEqual(["4", "6", "9"]);
    expect(warnings[1]?.textContent).toContain("Row 6 · Custom field (Story Points)");
    expect(warnings[2]?.textContent).toBe("Row 9no summary; the row is skipped");

    const stories = screen.getAllByTestId("jira-story");
    expect(stories.map((row) => row.dataset.action)).toEqual(["create", "update"]);
    expect(stories[0]?.textContent).toBe("SHOP-2Pay by voucherCheckout › Pay / MVPReady53New");
    expect(stories[1]?.textContent).toBe("SHOP-3Search by nameDiscover · keeps its placeIn sprint—1Update");
    expect(screen.getByTestId("jira-import-submit").textContent).toBe("Import 6 stories");
  });

  it("imports into a new map named as the person typed, opens it and shows the backend's label", async () => {
    const backend = await openImport();
    fireEvent.change(screen.getByTestId("jira-map-name"), { target: { value: "Shop backlog" } });
    await waitFor(() => {
      expect(backend.jiraPreviews.at(-1)?.target).toEqual({ kind: "newMap", name: "Shop backlog" });
    });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>("jira-import-submit").disabled).toBe(false);
    });
    fireEvent.click(screen.getByTestId("jira-import-submit"));

    await waitFor(() => {
      expect(mapName()).toBe("Shop backlog");
    });
    expect(backend.jiraImports).toEqual([{ path: JIRA_PATH, target: { kind: "newMap", name: "Shop backlog" }, statusMap: [] }]);
    expect(screen.queryByTestId("jira-dialog")).toBeNull();
    expect(screen.getByTestId("info-toast").textContent).toContain("Import 6 stories from Jira");
    expect(screen.getByText("Pay by voucher")).toBeTruthy();
  });

  it("updates the open map by issue key, then reopens it to show the result", async () => {
    const backend = await openImport();
    const openMap = vi.spyOn(backend, "openMap");
    fireEvent.click(within(target("existingMap")).getByRole("radio"));
    expect(target("existingMap").textContent).toContain("Online grocery shop");
    expect(screen.queryByTestId("jira-map-name")).toBeNull();
    await waitFor(() => {
      expect(backend.jiraPreviews.at(-1)?.target).toEqual({ kind: "existingMap", mapId: "map-1" });
    });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>("jira-import-submit").disabled).toBe(false);
    });
    fireEvent.click(screen.getByTestId("jira-import-submit"));

    expect(await screen.findByText("Pay by voucher")).toBeTruthy();
    expect(backend.jiraImports.map((call) => call.target)).toEqual([{ kind: "existingMap", mapId: "map-1" }]);
    expect(openMap).toHaveBeenCalledWith("map-1");
    expect(mapName()).toBe("Online grocery shop");
  });

  it("offers the statuses the preview could not map, and sends the mapping with the import", async () => {
    const backend = await openImport();
    const editor = screen.getByTestId("jira-status-map");
    const suggested = editor.querySelector<HTMLElement>('[data-jira-status="In QA"]');
    if (!suggested) throw new Error("In QA is not offered");
    fireEvent.change(within(suggested).getByTestId("jira-status-choice"), { target: { value: "inSprint" } });
    await waitFor(() => {
      expect(backend.jiraPreviews.at(-1)?.statusMap).toEqual([{ jiraStatus: "In QA", status: "inSprint" }]);
    });
    await waitFor(() => {
      expect(screen.getAllByTestId("jira-warning").map((warning) => warning.dataset.row)).toEqual(["6", "9"]);
    });

    fireEvent.click(within(editor).getByTestId("jira-status-add"));
    const names = within(editor).getAllByTestId<HTMLInputElement>("jira-status-name");
    expect(names.map((input) => input.value)).toEqual(["In QA", ""]);
    fireEvent.change(names[1] as HTMLInputElement, { target: { value: " Blocked " } });
    fireEvent.change(within(editor).getAllByTestId("jira-status-choice")[1] as HTMLElement, { target: { value: "refining" } });
    await waitFor(() => {
      expect(backend.jiraPreviews.at(-1)?.statusMap).toHaveLength(2);
    });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>("jira-import-submit").disabled).toBe(false);
    });
    fireEvent.click(screen.getByTestId("jira-import-submit"));
    await screen.findByTestId("info-toast");
    expect(backend.jiraImports[0]?.statusMap).toEqual([
      { jiraStatus: "In QA", status: "inSprint" },
      { jiraStatus: "Blocked", status: "refining" },
    ]);
  });

  it("shows a file the backend refuses inline, with its message, and imports nothing", async () => {
    const backend = new FakeBackend();
    backend.openPath = "/home/ann/notes.csv";
    backend.jiraFiles.set("/home/ann/notes.csv", { code: "invalidInput", message: "row 3 has 5 cells but the header has 7 (a quote never closed?)" });
    await renderApp(backend);
    await menuItem("jira-import");
    const error = await screen.findByTestId("jira-error");
    expect(error.textContent).toBe("row 3 has 5 cells but the header has 7 (a quote never closed?)");
    expect(screen.queryByTestId("jira-preview")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("jira-import-submit").disabled).toBe(true);
    expect(backend.jiraImports).toEqual([]);
  });

  it("keeps the dialog open with the reason when the import itself fails", async () => {
    const backend = await openImport();
    backend.failNextExchange({ code: "storage", message: "the disk is read-only" });
    fireEvent.click(screen.getByTestId("jira-import-submit"));
    expect((await screen.findByTestId("jira-error")).textContent).toBe("the disk is read-only");
    expect(screen.getByTestId("jira-dialog")).toBeTruthy();
    expect(mapName()).toBe("Online grocery shop");
    expect(screen.getByTestId<HTMLButtonElement>("jira-import-submit").disabled).toBe(false);
  });

  it("does nothing when the file dialog is cancelled", async () => {
    const backend = await renderApp();
    await menuItem("jira-import");
    await act(() => Promise.resolve());
    expect(screen.queryByTestId("jira-dialog")).toBeNull();
    expect(backend.jiraPreviews).toEqual([]);
  });
});
