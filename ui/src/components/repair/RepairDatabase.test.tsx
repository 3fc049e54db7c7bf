import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ApiError } from "../../bindings/ApiError";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

function damagedAtStart(backend: FakeBackend) {
  let damaged = true;
  const open = backend.openStartMap.bind(backend);
  backend.openStartMap = () =>
    damaged ? Promise.reject({ code: "databaseDamaged", message: "storymap.db is not readable" } satisfies ApiError) : open();
  backend.repairDatabase = (backupsOnly) => {
    backend.repairs.push(backupsOnly);
    damaged = false;
    return Promise.resolve(backend.repairReport);
  };
}

describe("RepairDatabase", () => {
  it("offers the repair, shows the report, then opens the start map", async () => {
    const backend = new FakeBackend();
    backend.repairReport = {
      damagedFile: "/data/storymap.sqlite3.damaged-20261204T140000Z",
      maps: [
        { mapId: "a", name: "Shop", from: { kind: "mapData" } },
        { mapId: "b", name: "Cafe", from: { kind: "backup", date: "2026-12-03" } },
        { mapId: "c", name: "Old", from: { kind: "lost" } },
      ],
    };
    damagedAtStart(backend);
    render(<App backend={backend} />);
    const repair = await screen.findByRole("button", { name: "Repair: rebuild from the map data" });
    expect(screen.getByText("Storymap's database is damaged")).toBeTruthy();
    expect(document.activeElement).toBe(repair);
    await act(async () => {
      fireEvent.click(repair);
      await Promise.resolve();
    });
    expect(await screen.findByText("Storymap is repaired")).toBeTruthy();
    expect(backend.repairs).toEqual([false]);
    const report = screen.getByRole("list", { name: "What was repaired" }).textContent;
    expect(report).toContain("Shop: rebuilt from the map data");
    expect(report).toContain("Cafe: restored from the backup of 2026-12-03");
    expect(report).toContain("Old: could not be recovered");
    expect(screen.getByText(/storymap\.sqlite3\.damaged-20261204T140000Z/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Open Storymap" }));
    await waitFor(() => {
      expect(screen.getByTestId("map-name").textContent).toBe("Online grocery shop");
    });
  });

  it("restores from backups only when asked, and shows a failed repair", async () => {
    const backend = new FakeBackend();
    damagedAtStart(backend);
    backend.repairDatabase = (backupsOnly) => {
      backend.repairs.push(backupsOnly);
      return Promise.reject({ code: "storage", message: "cannot move storymap.db aside" } satisfies ApiError);
    };
    render(<App backend={backend} />);
    fireEvent.click(await screen.findByRole("button", { name: "Restore from backups" }));
    expect(await screen.findByText("Repair failed: cannot move storymap.db aside")).toBeTruthy();
    expect(backend.repairs).toEqual([true]);
    expect(screen.getByRole("button", { name: "Repair: rebuild from the map data" })).toBeTruthy();
  });
});
