// Syncing in the real window with the real npm sync server: the status pill says "Local
// only" until the POPM turns sync on in Share & sync; a teammate (the CLI on a second data
// directory) joins by the copied link, adds a card and syncs; the card appears in the
// window without a reload, and the window and the teammate's export agree. Then the POPM
// opens another map: the shared one keeps syncing in the background, and the map switcher
// shows its state and the teammate's next card in its story count.
import assert from "node:assert/strict";
import { Key } from "webdriverio";
import { after, before, describe, it } from "node:test";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  clickElement,
  makeTempDir,
  openApp,
  preflight,
  readMap,
  removeDir,
  runCli,
  runJourney,
  screenshot,
  waitForMap,
} from "./support/harness.mjs";
import { startSyncServer } from "./support/syncServer.mjs";
import { turnSyncOn, waitForPill } from "./support/syncSteps.mjs";

describe("sync with a teammate", { timeout: READY_TIMEOUT_MS + 4 * 60_000 }, () => {
  let ana;
  let ben;
  let server;
  let session;

  before(async () => {
    preflight();
    ana = makeTempDir("storymap-e2e-sync-ana-");
    ben = makeTempDir("storymap-e2e-sync-ben-");
    server = await startSyncServer();
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    server?.stop();
    removeDir(ana);
    removeDir(ben);
  });

  it("turn sync on, a teammate joins by link and adds a card, the window shows it", (t) =>
    runJourney(t, "sync-failure.png", journey));

  async function journey(step) {
    step("a new map is local only");
    session = await openApp({ dataDir: ana, label: "sync" });
    const { browser } = session;
    await waitForPill(browser, "localOnly");
    const before = await readMap(browser);

    step("turn sync on in Share & sync");
    const link = await turnSyncOn(browser, { name: "Ana", server: server.url, screenshotAs: "sync-dialog.png", screenshot });

    step("the teammate joins by link, adds a card and syncs");
    const joined = runCli(["--data-dir", ben, "--name", "Ben", "join", link, "--server", server.url]).trim();
    assert.ok(joined.endsWith(`  ${before.mapName}`), joined);
    const mapId = joined.split(/\s+/)[0];
    const view = JSON.parse(runCli(["--data-dir", ben, "export", "json", "--map", mapId]));
    const activity = view.activities[0];
    runCli([
      "--data-dir", ben, "story", "add", "--map", mapId,
      "--activity", activity.title, "--step", activity.steps[0].title,
      "--release", view.releases[0].title, "--title", "Added by Ben on his laptop",
    ]);
    runCli(["--data-dir", ben, "sync", "--map", mapId, "--server", server.url, "--once"]);

    step("the card arrives in the window without a reload");
    const after = await waitForMap(
      browser,
      (map) => map.cards.some((c) => c.title === "Added by Ben on his laptop"),
      "Ben's card",
    );
    assert.equal(after.cards.length, before.cards.length + 1);
    await screenshot("sync-remote-card.png");

    step("the window and the teammate's copy agree");
    await waitForPill(browser, "upToDate");
    runCli(["--data-dir", ben, "sync", "--map", mapId, "--server", server.url, "--once"]);
    const bens = JSON.parse(runCli(["--data-dir", ben, "export", "json", "--map", mapId]));
    const titles = (cards) => cards.map((c) => c.title).sort();
    assert.deepEqual(titles(bens.stories), titles(after.cards));

    step("another map open: the shared one keeps syncing in the background");
    await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the map switcher");
    await clickElement(browser, browser.$('[data-testid="new-map"]'), "New map…");
    const name = browser.$('[data-testid="inline-input"]');
    await name.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await name.setValue("Returns");
    await name.addValue(Key.Enter);
    await waitForMap(browser, (map) => map.mapName === "Returns", "the new map open");
    runCli([
      "--data-dir", ben, "story", "add", "--map", mapId,
      "--activity", activity.title, "--step", activity.steps[0].title,
      "--release", view.releases[0].title, "--title", "Added while Ana plans returns",
    ]);
    runCli(["--data-dir", ben, "sync", "--map", mapId, "--server", server.url, "--once"]);

    step("the switcher shows the shared map up to date, with Ben's second card counted");
    const expected = `${after.cards.length + 1} stories`;
    await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the map switcher");
    const sharedItem = () =>
      browser.execute((id) => {
        const item = document.querySelector(`[data-testid="map-item"][data-map-id="${id}"]`);
        return {
          text: item?.textContent ?? "",
          sync: item?.querySelector('[data-testid="map-item-sync"]')?.textContent ?? "",
        };
      }, mapId);
    await browser.waitUntil(
      async () => {
        const item = await sharedItem();
        if (item.text.includes(expected) && item.sync === "Up to date") return true;
        // The list is read when the switcher opens: open it again to see the latest.
        await browser.keys(Key.Escape);
        await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the map switcher");
        return false;
      },
      { timeout: UI_TIMEOUT_MS, timeoutMsg: `the shared map up to date with ${expected} in the switcher` },
    );
    await screenshot("switcher-sync.png");
    const other = await browser.execute(() =>
      (document.querySelector('[data-testid="map-name"]')?.textContent ?? "").trim(),
    );
    assert.equal(other, "Returns", "the open map stayed open");
  }
});
