// A laptop's database is damaged (its first bytes overwritten, as a failing disk or a bad
// copy leaves it). Storymap starts on a recovery screen instead of failing; "Repair" keeps
// the damaged file, brings the map back from its daily backup, and the map opens.
import assert from "node:assert/strict";
import { openSync, readdirSync, writeSync, closeSync } from "node:fs";
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
  runCli,
  runJourney,
  screenshot,
  waitForMap,
} from "./support/harness.mjs";

describe("repair a damaged database", { timeout: READY_TIMEOUT_MS + 3 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-repair-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("starts on the recovery screen and repair brings the map back from its backup", (t) =>
    runJourney(t, "repair-failure.png", journey));

  async function journey(step) {
    step("a map with a story, backed up, then the database's first bytes are overwritten");
    const cli = (...args) => runCli(["--data-dir", dataDir, ...args]);
    cli("map", "create", "Checkout");
    cli("story", "add", "--map", "Checkout", "--activity", "Pay", "--step", "Card", "--release", "MVP", "--title", "3-D Secure");
    cli("backup", "now");
    const database = join(dataDir, "storymap.sqlite3");
    const fd = openSync(database, "r+");
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);

    step("Storymap starts on the recovery screen");
    session = await openApp({ dataDir, label: "repair", readySelector: '[data-testid="repair-database"]' });
    const { browser } = session;
    const screen = browser.$('[data-testid="repair-database"]');
    assert.match(await screen.getText(), /database is damaged/);
    await screenshot("repair-damaged.png");

    step("Repair keeps the damaged file and restores the map from its backup");
    await clickElement(browser, browser.$('[data-testid="repair-rebuild"]'), "Repair");
    const report = browser.$('[data-testid="repair-report"]');
    await report.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const text = await report.getText();
    assert.match(text, /Checkout: restored from the backup of \d{4}-\d{2}-\d{2}/);
    assert.ok(
      readdirSync(dataDir).some((name) => name.startsWith("storymap.sqlite3.damaged-")),
      "the damaged file is kept",
    );
    await screenshot("repair-report.png");

    step("Open Storymap shows the map as it was backed up");
    await clickElement(browser, browser.$('[data-testid="repair-open"]'), "Open Storymap");
    await waitForMap(browser, (map) => map.mapName === "Checkout", "the repaired map open");
    const map = await readMap(browser);
    assert.ok(map.cards.some((card) => card.title === "3-D Secure"), "the story is back");
    await screenshot("repaired-map.png");
  }
});
