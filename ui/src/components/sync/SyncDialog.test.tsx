import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

const SERVER = "wss://sync.example.org";

async function renderApp(backend = new FakeBackend()) {
  render(<App backend={backend} />);
  await screen.findByTestId("sync-status");
  return backend;
}

const pill = () => screen.getByTestId("sync-status");

async function openDialog() {
  fireEvent.click(pill());
  const dialog = await screen.findByTestId("sync-dialog");
  await within(dialog).findByTestId("sync-display-name");
  return dialog;
}

describe("sync status pill", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("asks for the open map's state, then follows the backend's events for that map only", async () => {
    const backend = new FakeBackend();
    backend.statuses.set("map-1", { mapId: "map-1", state: { kind: "connecting" }, serverUrl: SERVER, lastSyncedAt: null });
    await renderApp(backend);
    await waitFor(() => {
      expect(pill().dataset.state).toBe("connecting");
    });
    expect(pill().textContent).toBe("Connecting…");

    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000 - 5_000).toISOString();
    act(() => {
      backend.emitSyncStatus({ mapId: "map-1", state: { kind: "upToDate" }, serverUrl: SERVER, lastSyncedAt: twoMinutesAgo });
    });
    expect(pill().textContent).toBe("Up to date");
    expect(pill().title).toBe(`Synced 2 min ago with ${SERVER}`);

    act(() => {
      backend.emitSyncStatus({ mapId: "map-empty", state: { kind: "error", reason: "Refused" }, serverUrl: SERVER, lastSyncedAt: null });
    });
    expect(pill().dataset.state).toBe("upToDate");

    act(() => {
      backend.emitSyncStatus({ mapId: "map-1", state: { kind: "offline", reason: "The server does not answer" }, serverUrl: SERVER, lastSyncedAt: null });
    });
    expect(pill().textContent).toBe("Offline — retrying");
    expect(pill().title).toContain("The server does not answer. Your edits are kept");
  });

  it("shows every shared map's state in the map switcher, following events for maps not open", async () => {
    const backend = new FakeBackend();
    backend.statuses.set("map-empty", { mapId: "map-empty", state: { kind: "upToDate" }, serverUrl: SERVER, lastSyncedAt: null });
    await renderApp(backend);
    fireEvent.click(screen.getByTestId("map-switcher"));
    const item = (mapId: string) => within(document.querySelector<HTMLElement>(`[data-map-id="${mapId}"]`) ?? document.body);
    await waitFor(() => {
      expect(item("map-empty").getByTestId("map-item-sync").textContent).toBe("Up to date");
    });
    expect(item("map-1").queryByTestId("map-item-sync")).toBeNull();

    act(() => {
      backend.emitSyncStatus({ mapId: "map-empty", state: { kind: "offline", reason: "No answer" }, serverUrl: SERVER, lastSyncedAt: null });
    });
    expect(item("map-empty").getByTestId("map-item-sync").textContent).toBe("Offline — retrying");
    expect(item("map-empty").getByTestId("map-item-sync").title).toContain("No answer.");
    expect(pill().dataset.state).not.toBe("offline");
  });

  it("starts as Local only and asks again when another map opens", async () => {
    const backend = new FakeBackend();
    backend.statuses.set("map-empty", { mapId: "map-empty", state: { kind: "error", reason: "Refused" }, serverUrl: SERVER, lastSyncedAt: null });
    await renderApp(backend);
    await waitFor(() => {
      expect(pill().textContent).toBe("Local only");
    });
    fireEvent.click(screen.getByTestId("map-switcher"));
    fireEvent.click(await screen.findByRole("button", { name: /Open Loyalty programme/ }));
    await waitFor(() => {
      expect(pill().dataset.state).toBe("error");
    });
    expect(pill().textContent).toBe("Sync error");
  });
});

describe("Share & sync dialog", () => {
  it("shows the settings, and saves what was typed with the switch and default server", async () => {
    const backend = new FakeBackend();
    backend.defaultServerUrl = SERVER;
    await renderApp(backend);
    const dialog = await openDialog();
    expect(screen.getByTestId<HTMLInputElement>("sync-display-name").value).toBe("Ann");
    expect(document.activeElement).toBe(screen.getByTestId("sync-display-name"));
    expect(screen.getByTestId<HTMLInputElement>("sync-server-url").value).toBe(SERVER);
    expect(screen.getByTestId<HTMLInputElement>("sync-server-url").placeholder).toBe(SERVER);
    expect(screen.getByTestId("sync-enabled").getAttribute("aria-checked")).toBe("false");
    expect(within(dialog).getByText("Local only: this map stays on this computer.")).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>("sync-share-url").value).toBe("automerge:map-1");

    fireEvent.change(screen.getByTestId("sync-display-name"), { target: { value: "  Ann from Product " } });
    fireEvent.change(screen.getByTestId("sync-server-url"), { target: { value: "wss://team.example.org" } });
    fireEvent.click(screen.getByTestId("sync-make-default"));
    fireEvent.click(screen.getByTestId("sync-enabled"));
    expect(screen.getByTestId("sync-enabled").getAttribute("aria-checked")).toBe("true");
    fireEvent.click(screen.getByTestId("sync-save"));

    await waitFor(() => {
      expect(screen.queryByTestId("sync-dialog")).toBeNull();
    });
    expect(backend.savedSyncSettings).toEqual([
      {
        mapId: "map-1",
        settings: { enabled: true, serverUrl: "wss://team.example.org", makeDefault: false, displayName: "Ann from Product" },
      },
    ]);
  });

  it("shows the backend's refusal inline and keeps what was typed", async () => {
    const backend = await renderApp();
    await openDialog();
    backend.failNextSync({ code: "invalidInput", message: "'http://x' is not a sync server address: use ws:// or wss://" });
    fireEvent.change(screen.getByTestId("sync-server-url"), { target: { value: "http://x" } });
    fireEvent.click(screen.getByTestId("sync-enabled"));
    fireEvent.submit(screen.getByTestId("sync-server-url").closest("form") as HTMLFormElement);

    const error = await screen.findByTestId("sync-error");
    expect(error.textContent).toBe("'http://x' is not a sync server address: use ws:// or wss://");
    expect(screen.getByTestId("sync-dialog")).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>("sync-server-url").value).toBe("http://x");
    expect(screen.getByTestId<HTMLButtonElement>("sync-save").disabled).toBe(false);
    // An empty address goes as none, for the backend to judge.
    fireEvent.change(screen.getByTestId("sync-server-url"), { target: { value: "   " } });
    fireEvent.click(screen.getByTestId("sync-save"));
    await waitFor(() => {
      expect(backend.savedSyncSettings.at(-1)?.settings.serverUrl).toBeNull();
    });
  });

  it("copies the share link and says so", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await renderApp();
    await openDialog();
    fireEvent.click(screen.getByTestId("sync-copy-link"));
    await waitFor(() => {
      expect(screen.getByTestId("sync-copy-link").textContent).toBe("Copied");
    });
    expect(writeText).toHaveBeenCalledWith("automerge:map-1");
  });

  it("copies the invitation Rust made for the map and its server", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const backend = new FakeBackend();
    backend.defaultServerUrl = SERVER;
    await renderApp(backend);
    await openDialog();
    const invitation = screen.getByTestId<HTMLInputElement>("sync-invitation-url").value;
    expect(invitation).toMatch(/^storymap:\/\/join\?/);
    fireEvent.click(screen.getByTestId("sync-copy-invitation"));
    await waitFor(() => {
      expect(screen.getByTestId("sync-copy-invitation").textContent).toBe("Copied");
    });
    expect(writeText).toHaveBeenCalledWith(invitation);
  });

  it("offers no invitation before a server is known", async () => {
    await renderApp();
    await openDialog();
    expect(screen.queryByTestId("sync-invitation-url")).toBeNull();
    expect(screen.getByTestId("sync-share-url")).toBeTruthy();
  });

  it("closes on Esc without saving", async () => {
    const backend = await renderApp();
    const dialog = await openDialog();
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByTestId("sync-dialog")).toBeNull();
    expect(backend.savedSyncSettings).toEqual([]);
  });
});
