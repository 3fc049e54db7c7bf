// Weeks of work have backups: the app writes today's backup of the sample map on its own
// (a .storymap file under the data directory's backups/), the POPM changes a card, then
// brings the backup back from the maps menu. It opens beside the map as a copy holding the
// card as it was; the map itself keeps the change.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
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
  runJourney,
  screenshot,
  waitForMap,
} from "./support/harness.mjs";
import { renameByDoubleClick } from "./support/mapSteps.mjs";

const CARD = "sample-story-06"; // "Search by recipe"
const cardOf = (browser) => browser.$(`[data-testid="story-card"][data-story-id="${CARD}"]`);

/** The backup files the app has written, as "map id/day.storymap". */
function backupFiles(dataDir) {
  const root = join(dataDir, "backups");
  try {
    return readdirSync(root).flatMap((map) => readdirSync(join(root, map)).map((file) => `${map}/${file}`));
  } catch {
    return [];
  }
}

describe("restore a backup", { timeout: READY_TIMEOUT_MS + 3 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-backup-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("the app backs the map up by itself and a backup comes back as a copy", (t) =>
    runJourney(t, "backup-failure.png", journey));

  async function journey(step) {
    step("the app writes today's backup on its own");
    session = await openApp({ dataDir, label: "backup" });
    const { browser } = session;
    await browser.waitUntil(() => backupFiles(dataDir).length === 1, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the app wrote no backup",
    });
    const [file] = backupFiles(dataDir);
    assert.match(file, /\/\d{4}-\d{2}-\d{2}\.storymap$/);
    const day = file.slice(-"2026-12-01.storymap".length, -".storymap".length);

    step("a card changes after the backup");
    await renameByDoubleClick(browser, cardOf(browser).$('[data-testid="story-title"]'), "Changed after the backup");
    await waitForMap(browser, (map) => map.cards.some((c) => c.title === "Changed after the backup"), "the new title");

    step("the maps menu lists the backup");
    await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the maps menu");
    await clickElement(browser, browser.$('[data-testid="restore-backup"]'), "Restore from a backup…");
    const backup = browser.$(`[data-testid="backup"][data-date="${day}"]`);
    await backup.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await screenshot("restore-backup.png");

    step("restoring opens the copy, as the map was");
    await clickElement(browser, backup, "the backup");
    await waitForMap(
      browser,
      (map) => map.mapName === `Online grocery shop (backup of ${day})`,
      "the restored copy open",
    );
    const restored = await readMap(browser);
    assert.ok(restored.cards.some((c) => c.title === "Search by recipe"), "the card as it was");
    assert.ok(!restored.cards.some((c) => c.title === "Changed after the backup"), "not the later title");
    await screenshot("restored-copy.png");
  }
});
