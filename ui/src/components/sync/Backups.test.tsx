import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap } from "../../test/sampleMap";
import { App } from "../App";

async function renderApp(backend: FakeBackend) {
  render(<App backend={backend} />);
  await screen.findByTestId("sync-status");
  return backend;
}

async function openBackups() {
  fireEvent.click(screen.getByTestId("map-switcher"));
  fireEvent.click(await screen.findByTestId("restore-backup"));
  return screen.findByTestId("backups-dialog");
}

describe("restoring from a backup", () => {
  it("lists the open map's backups by day, restores one as a copy and opens it", async () => {
    const backend = new FakeBackend();
    const mapId = "map-1";
    const older = { ...sampleMap(), stories: sampleMap().stories.slice(0, 2) };
    for (const [date, size] of [["2026-12-03", 2048], ["2026-11-29", 3 * 1024 * 1024]] as const) {
      const path = `/data/backups/${mapId}/${date}.storymap`;
      backend.backupList.push({ mapId, mapName: "Online grocery shop", date, path, sizeBytes: size });
      backend.backupMaps.set(path, { ...older, map: { ...older.map, id: mapId } });
    }
    backend.backupList.push({ mapId: "other", mapName: "Other", date: "2026-12-04", path: "/other.storymap", sizeBytes: 10 });
    await renderApp(backend);
    const dialog = await openBackups();
    const rows = await within(dialog).findAllByTestId("backup");
    expect(rows.map((row) => row.textContent)).toEqual([
      "Thu 3 Dec 20262 KB · Restore as a copy",
      "Sun 29 Nov 20263.0 MB · Restore as a copy",
    ]);
    fireEvent.click(rows[1] as HTMLElement);
    await waitFor(() => {
      expect(screen.queryByTestId("backups-dialog")).toBeNull();
    });
    expect(backend.restoredBackups).toEqual([`/data/backups/${mapId}/2026-11-29.storymap`]);
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Online grocery shop (backup of 2026-11-29)");
    });
    expect(screen.getAllByTestId("story-card")).toHaveLength(2);
  });

  it("says when there is no backup yet, and shows why a restore failed", async () => {
    const backend = new FakeBackend();
    await renderApp(backend);
    let dialog = await openBackups();
    expect((await within(dialog).findByTestId("backups-empty")).textContent).toContain("No backups yet");
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => {
      expect(screen.queryByTestId("backups-dialog")).toBeNull();
    });
    backend.backupList.push({ mapId: "map-1", mapName: "x", date: "2026-12-01", path: "/gone.storymap", sizeBytes: 1 });
    dialog = await openBackups();
    fireEvent.click(await within(dialog).findByTestId("backup"));
    expect((await within(dialog).findByTestId("backups-error")).textContent).toContain("cannot read /gone.storymap");
  });
});

describe("a backup pass that fails", () => {
  it("is told in the window with Rust's reason, not only in a log", async () => {
    const backend = await renderApp(new FakeBackend());
    expect(screen.queryByTestId("error-toast")).toBeNull();
    act(() => {
      backend.emitBackupFailed({
        code: "storageFull",
        message: "Today's backup was not written: the disk is full. Storymap tries again within the hour.",
      });
    });
    const toast = await screen.findByTestId("error-toast");
    expect(toast.getAttribute("data-error-code")).toBe("storageFull");
    expect(toast.textContent).toContain("Storymap tries again within the hour");
  });
});
