import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MapView } from "../../bindings/MapView";
import { FakeBackend } from "../../test/fakeBackend";
import { emptyMap, sampleMap } from "../../test/sampleMap";
import { App } from "../App";
import { storymapFileName } from "./useSyncScreens";

async function renderApp(backend = new FakeBackend()) {
  render(<App backend={backend} />);
  await screen.findByTestId("sync-status");
  return backend;
}

async function menuItem(testId: string) {
  fireEvent.click(screen.getByTestId("map-switcher"));
  fireEvent.click(await screen.findByTestId(testId));
}

const mapName = () => screen.getByTestId("map-name").textContent;

function teammatesMap(): MapView {
  const view = emptyMap();
  return { ...view, map: { id: "map-team", name: "Grocery shop" } };
}

describe("joining a shared map", () => {
  it("fetches the map by link from the server, then opens it and says what arrived", async () => {
    const backend = new FakeBackend();
    backend.defaultServerUrl = "wss://sync.example.org";
    backend.joinable.set("automerge:team", teammatesMap());
    await renderApp(backend);
    await menuItem("join-map");
    await screen.findByTestId("join-dialog");
    await waitFor(() => {
      expect(screen.getByTestId<HTMLInputElement>("join-server").value).toBe("wss://sync.example.org");
    });
    expect(screen.getByTestId<HTMLButtonElement>("join-submit").disabled).toBe(true);
    fireEvent.change(screen.getByTestId("join-url"), { target: { value: " automerge:team " } });
    fireEvent.click(screen.getByTestId("join-submit"));

    await waitFor(() => {
      expect(mapName()).toBe("Grocery shop");
    });
    expect(screen.queryByTestId("join-dialog")).toBeNull();
    expect(backend.joined).toEqual([{ url: "automerge:team", serverUrl: "wss://sync.example.org" }]);
    expect(screen.getByTestId("info-toast").textContent).toContain("Added 'Grocery shop'");
  });

  it("shows why the backend refused, inline, and stays open to try again", async () => {
    const backend = await renderApp();
    backend.failNextSync({ code: "network", message: "ws://down.example.org:3030 does not answer" });
    await menuItem("join-map");
    fireEvent.change(await screen.findByTestId("join-url"), { target: { value: "automerge:team" } });
    fireEvent.change(screen.getByTestId("join-server"), { target: { value: "ws://down.example.org:3030" } });
    fireEvent.click(screen.getByTestId("join-submit"));

    expect((await screen.findByTestId("join-error")).textContent).toBe("ws://down.example.org:3030 does not answer");
    expect(screen.getByTestId("join-dialog")).toBeTruthy();
    expect(mapName()).toBe("Online grocery shop");
    expect(screen.getByTestId<HTMLButtonElement>("join-submit").disabled).toBe(false);
  });

  it("stops a join under way when asked, keeping nothing and saying nothing went wrong", async () => {
    const backend = await renderApp();
    backend.holdJoins = true;
    await menuItem("join-map");
    fireEvent.change(await screen.findByTestId("join-url"), { target: { value: "automerge:team" } });
    fireEvent.change(screen.getByTestId("join-server"), { target: { value: "wss://sync.example.org" } });
    fireEvent.click(screen.getByTestId("join-submit"));
    await waitFor(() => {
      expect(screen.getByTestId("join-cancel").textContent).toBe("Stop joining");
    });

    fireEvent.click(screen.getByTestId("join-cancel"));

    await waitFor(() => {
      expect(screen.queryByTestId("join-dialog")).toBeNull();
    });
    expect(backend.cancelledJoins).toBe(1);
    expect(mapName()).toBe("Online grocery shop");
    expect(screen.queryByTestId("error-toast")).toBeNull();
  });
});

describe("an invitation link", () => {
  it("opens the join dialog filled in with the map and server it names", async () => {
    const backend = new FakeBackend();
    backend.joinable.set("automerge:team", teammatesMap());
    backend.launchRequest = { kind: "join", invitation: { shareUrl: "automerge:team", serverUrl: "wss://team.example.org" } };
    await renderApp(backend);
    const dialog = await screen.findByTestId("join-dialog");
    expect(screen.getByTestId<HTMLInputElement>("join-url").value).toBe("automerge:team");
    expect(screen.getByTestId<HTMLInputElement>("join-server").value).toBe("wss://team.example.org");
    expect(within(dialog).getByTestId("join-note").textContent).toContain("invited you");
    fireEvent.click(screen.getByTestId("join-submit"));
    await waitFor(() => {
      expect(mapName()).toBe("Grocery shop");
    });
    expect(backend.joined).toEqual([{ url: "automerge:team", serverUrl: "wss://team.example.org" }]);
  });
});

describe(".storymap files", () => {
  it("exports the open map where the person chose, named after the map", async () => {
    const backend = new FakeBackend();
    backend.savePath = "/home/ann/maps/Online grocery shop.storymap";
    await renderApp(backend);
    await menuItem("export-map");
    await screen.findByTestId("info-toast");
    expect(backend.savePathsAsked).toEqual(["Online grocery shop.storymap"]);
    expect(backend.exported).toEqual([{ mapId: "map-1", path: "/home/ann/maps/Online grocery shop.storymap" }]);
    expect(screen.getByTestId("info-toast").textContent).toContain("Exported 'Online grocery shop' to Online grocery shop.storymap");
  });

  it("does nothing when the file dialog is cancelled", async () => {
    const backend = await renderApp();
    await menuItem("export-map");
    await menuItem("import-map");
    await act(() => Promise.resolve());
    expect(backend.exported).toEqual([]);
    expect(screen.queryByTestId("info-toast")).toBeNull();
    expect(screen.queryByTestId("error-toast")).toBeNull();
  });

  it("imports a new map: shows what the file holds, then says what was added and opens it", async () => {
    const backend = new FakeBackend();
    backend.openPath = "/tmp/team.storymap";
    backend.files.set("/tmp/team.storymap", teammatesMap());
    backend.filePreviews.set("/tmp/team.storymap", { lastChangeAt: "2026-12-04T15:20:00Z", lastChangeAuthor: "Ben" });
    await renderApp(backend);
    await menuItem("import-map");
    const dialog = await screen.findByTestId("open-file-dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Open “team.storymap”");
    expect(within(dialog).getByTestId("open-file-map").textContent).toBe("Grocery shop");
    expect(within(dialog).getByTestId("open-file-stories").textContent).toBe("0 stories");
    expect(within(dialog).getByTestId("open-file-last-change").textContent).toMatch(/ 2026, \d\d:\d\d by Ben$/);
    expect(within(dialog).getByTestId("open-file-note").textContent).toContain("new here");
    fireEvent.click(within(dialog).getByTestId("open-file-confirm"));
    await waitFor(() => {
      expect(mapName()).toBe("Grocery shop");
    });
    expect(screen.getByTestId("info-toast").textContent).toContain("Added 'Grocery shop'");
  });

  it("imports into the open map: says what merged and shows the map as it is now", async () => {
    const backend = new FakeBackend();
    const newer = sampleMap();
    newer.stories = newer.stories.map((story) => (story.id === "st-4" ? { ...story, title: "Search by brand" } : story));
    backend.openPath = "/tmp/shop.storymap";
    backend.files.set("/tmp/shop.storymap", newer);
    backend.filePreviews.set("/tmp/shop.storymap", { alreadyHere: true });
    await renderApp(backend);
    await menuItem("import-map");
    const confirm = await screen.findByTestId("open-file-confirm");
    expect(confirm.textContent).toBe("Merge into my copy");
    fireEvent.click(confirm);
    expect(await screen.findByText("Search by brand")).toBeTruthy();
    expect(mapName()).toBe("Online grocery shop");
    expect(screen.getByTestId("info-toast").textContent).toContain("Merged 3 changes by ben");
  });

  it("shows a file the backend refuses as an error toast", async () => {
    const backend = new FakeBackend();
    backend.openPath = "/tmp/notes.txt";
    await renderApp(backend);
    await menuItem("import-map");
    const error = await screen.findByTestId("error-toast");
    expect(error.dataset.errorCode).toBe("foreignDocument");
    expect(error.textContent).toContain("/tmp/notes.txt is not a Storymap map file");
    expect(screen.queryByTestId("open-file-dialog")).toBeNull();
  });

  it("shows the file Storymap was started with, and writes nothing when cancelled", async () => {
    const backend = new FakeBackend();
    backend.files.set("/home/ann/team.storymap", teammatesMap());
    backend.launchRequest = { kind: "file", path: "/home/ann/team.storymap" };
    await renderApp(backend);
    const dialog = await screen.findByTestId("open-file-dialog");
    expect(within(dialog).getByTestId("open-file-map").textContent).toBe("Grocery shop");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => {
      expect(screen.queryByTestId("open-file-dialog")).toBeNull();
    });
    expect(mapName()).toBe("Online grocery shop");
    expect(backend.launchRequest).toBeNull();
  });

  it("takes a file dropped on the window: a drop target while over it, then the preview", async () => {
    const backend = await renderApp();
    backend.files.set("/dropped/team.storymap", teammatesMap());
    // As WebKit gives it (jsdom's File cannot read its bytes).
    const file = { name: "team.storymap", arrayBuffer: () => Promise.resolve(new Uint8Array([1, 2, 3]).buffer) };
    // jsdom has no DataTransfer: a drag from the file manager carries these.
    const dataTransfer = { types: ["Files"], files: [file], dropEffect: "none" };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId("file-drop-target").textContent).toContain("Drop a .storymap file");
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByTestId("file-drop-target")).toBeNull();
    const dialog = await screen.findByTestId("open-file-dialog");
    expect(within(dialog).getByTestId("open-file-map").textContent).toBe("Grocery shop");
    expect(backend.dropped).toEqual([{ fileName: "team.storymap", size: 3 }]);
  });

  it("ignores drags that carry no files", async () => {
    await renderApp();
    fireEvent.dragEnter(window, { dataTransfer: { types: ["text/plain"], files: [] } });
    expect(screen.queryByTestId("file-drop-target")).toBeNull();
  });

  it("shows a file handed over by a second launch while the window is open", async () => {
    const backend = await renderApp();
    backend.files.set("/tmp/team.storymap", teammatesMap());
    act(() => {
      backend.secondLaunch({ kind: "file", path: "/tmp/team.storymap" });
    });
    fireEvent.click(within(await screen.findByTestId("open-file-dialog")).getByTestId("open-file-confirm"));
    await waitFor(() => {
      expect(mapName()).toBe("Grocery shop");
    });
  });

  it("names files after the map without characters file systems refuse", () => {
    expect(storymapFileName("Q3: web / app")).toBe("Q3- web - app.storymap");
    expect(storymapFileName(" ?? ")).toBe("Story map.storymap");
    expect(storymapFileName("")).toBe("Story map.storymap");
  });
});

describe("about Storymap", () => {
  it("shows the version, where the maps are kept and the licences", async () => {
    await renderApp();
    await menuItem("about");
    const dialog = await screen.findByTestId("about-dialog");
    expect((await within(dialog).findByTestId("about-version")).textContent).toBe("Version 0.1.0");
    expect(within(dialog).getByTestId("about-data-dir").textContent).toBe("/home/ann/.local/share/storymap");
    expect(within(dialog).getByTestId("about-licence").textContent).toContain("Inter (font) — SIL Open Font License 1.1");
  });
});

describe("teammates' changes arriving", () => {
  it("patch the open map, show a brief toast and outline the changed cards", async () => {
    const backend = await renderApp();
    const searchStory = sampleMap().stories.find((story) => story.id === "st-4");
    if (!searchStory) throw new Error("no st-4");
    act(() => {
      backend.emitRemoteChange({
        label: "Merged 1 change by ben",
        change: {
          mapId: "map-1",
          name: null,
          activities: null,
          releases: sampleMap().releases,
          stories: [{ ...searchStory, title: "Search by name or brand" }],
          settings: null,
          objectives: null,
          personas: null,
          removedStoryIds: [],
          createdId: null,
          history: { undo: null, redo: null },
          notice: null,
          session: null,
        },
      });
    });
    const card = (await screen.findByText("Search by name or brand")).closest("article");
    expect(card?.classList.contains("is-arrived")).toBe(true);
    expect(screen.getByTestId("remote-toast").textContent).toContain("Merged 1 change by ben");
    await waitFor(
      () => {
        expect(card?.classList.contains("is-arrived")).toBe(false);
      },
      { timeout: 3000 },
    );
  });

  it("for another map leave the open one alone but refresh the maps list", async () => {
    const backend = await renderApp();
    const listMaps = vi.spyOn(backend, "listMaps");
    act(() => {
      backend.emitRemoteChange({
        label: "Merged 1 change by ben",
        change: {
          mapId: "map-empty",
          name: "Loyalty scheme",
          activities: null,
          releases: [],
          stories: [],
          settings: null,
          objectives: null,
          personas: null,
          removedStoryIds: ["st-1"],
          createdId: null,
          history: { undo: null, redo: null },
          notice: null,
          session: null,
        },
      });
    });
    expect(screen.queryByTestId("remote-toast")).toBeNull();
    expect(screen.getByText("See prices per kg")).toBeTruthy();
    expect(mapName()).toBe("Online grocery shop");
    expect(listMaps).toHaveBeenCalledTimes(1);
  });

  it("refresh the maps list when the backend says the list changed", async () => {
    const backend = await renderApp();
    const listMaps = vi.spyOn(backend, "listMaps");
    act(() => {
      backend.emitMapsChanged();
    });
    expect(listMaps).toHaveBeenCalledTimes(1);
  });
});
