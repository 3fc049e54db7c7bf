import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { menuItem, renderApp } from "./testing";

async function openExport(backend = new FakeBackend()) {
  await renderApp(backend);
  await menuItem("export-menu");
  await screen.findByTestId("export-dialog");
  return backend;
}

function choose(testId: string) {
  fireEvent.click(within(screen.getByTestId(testId)).getByRole("radio"));
}

async function exportAs(backend: FakeBackend, path: string) {
  backend.savePath = path;
  fireEvent.click(screen.getByTestId("export-submit"));
  await waitFor(() => {
    expect(screen.queryByTestId("export-dialog")).toBeNull();
  });
}

describe("exporting the open map", () => {
  it.each([
    ["export-jira", "jiraCsv", "Online grocery shop.csv", { kind: "jiraCsv", mapId: "map-1", path: "/out/shop.csv" }],
    ["export-markdown", "markdown", "Online grocery shop.md", { kind: "markdown", mapId: "map-1", path: "/out/shop.md" }],
    [
      "export-svg",
      "svg",
      "Online grocery shop.svg",
      { kind: "svg", mapId: "map-1", path: "/out/shop.svg", format: { kind: "svg" }, scope: { kind: "wholeMap" } },
    ],
  ] as const)("%s writes the file the backend way, named after the map", async (testId, fileKind, proposed, written) => {
    const backend = await openExport();
    choose(testId);
    expect(screen.queryByTestId("export-paper")).toBeNull();
    await exportAs(backend, written.path);
    expect(backend.savePathsAsked).toEqual([proposed]);
    expect(backend.fileKindsAsked).toEqual([fileKind]);
    expect(backend.written).toEqual([written]);
    expect(screen.getByTestId("info-toast").textContent).toContain(`Exported 'Online grocery shop' to ${written.path.slice(5)}`);
  });

  it("draws one slice as a PNG, the slice named in the file", async () => {
    const backend = await openExport();
    choose("export-png");
    fireEvent.change(screen.getByTestId("export-scope"), { target: { value: "r-2" } });
    await exportAs(backend, "/out/Online grocery shop - Release 2.png");
    expect(backend.savePathsAsked).toEqual(["Online grocery shop - Release 2.png"]);
    expect(backend.written).toEqual([
      { kind: "png", mapId: "map-1", path: "/out/Online grocery shop - Release 2.png", format: { kind: "png" }, scope: { kind: "slice", releaseId: "r-2" } },
    ]);
  });

  it("prints a PDF on the paper chosen, whole map or one slice", async () => {
    const backend = await openExport();
    choose("export-pdf");
    fireEvent.change(screen.getByTestId("export-paper"), { target: { value: "letter" } });
    await exportAs(backend, "/out/shop.pdf");
    await menuItem("export-menu");
    choose("export-pdf");
    fireEvent.change(screen.getByTestId("export-paper"), { target: { value: "a4" } });
    fireEvent.change(screen.getByTestId("export-scope"), { target: { value: "r-mvp" } });
    await exportAs(backend, "/out/mvp.pdf");
    expect(backend.fileKindsAsked).toEqual(["pdf", "pdf"]);
    expect(backend.written.map(({ format, scope }) => ({ format, scope }))).toEqual([
      { format: { kind: "pdf", paper: "letter" }, scope: { kind: "wholeMap" } },
      { format: { kind: "pdf", paper: "a4" }, scope: { kind: "slice", releaseId: "r-mvp" } },
    ]);
  });

  it("writes the stakeholder page of one slice, with no paper to choose", async () => {
    const backend = await openExport();
    choose("export-html");
    expect(screen.queryByTestId("export-paper")).toBeNull();
    fireEvent.change(screen.getByTestId("export-scope"), { target: { value: "r-mvp" } });
    await exportAs(backend, "/out/Online grocery shop - MVP.html");
    expect(backend.savePathsAsked).toEqual(["Online grocery shop - MVP.html"]);
    expect(backend.fileKindsAsked).toEqual(["html"]);
    expect(backend.written).toEqual([
      { kind: "html", mapId: "map-1", path: "/out/Online grocery shop - MVP.html", scope: { kind: "slice", releaseId: "r-mvp" } },
    ]);
  });

  it("still writes .storymap files, with their whole history", async () => {
    const backend = await openExport();
    choose("export-storymap");
    await exportAs(backend, "/out/shop.storymap");
    expect(backend.fileKindsAsked).toEqual(["storymap"]);
    expect(backend.exported).toEqual([{ mapId: "map-1", path: "/out/shop.storymap" }]);
    expect(backend.written).toEqual([]);
  });

  it("stays open when the save dialog is cancelled, and shows a refusal inline", async () => {
    const backend = await openExport();
    choose("export-markdown");
    fireEvent.click(screen.getByTestId("export-submit"));
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>("export-submit").disabled).toBe(false);
    });
    expect(backend.written).toEqual([]);
    expect(screen.queryByTestId("info-toast")).toBeNull();

    backend.savePath = "/read-only/shop.md";
    backend.failNextExchange({ code: "storage", message: "/read-only is not writable" });
    fireEvent.click(screen.getByTestId("export-submit"));
    expect((await screen.findByTestId("export-error")).textContent).toBe("/read-only is not writable");
    expect(screen.getByTestId("export-dialog")).toBeTruthy();
  });
});
