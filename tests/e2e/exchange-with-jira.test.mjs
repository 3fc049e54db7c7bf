// Jira both ways in the real window: import a Jira Cloud CSV export through the app's
// dialog (the native open dialog answered by typing a path), read the preview, import,
// see the cards on the new map; then export the map as a PNG through the Export dialog
// and the native save dialog, and look at the image.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  artifactsDir,
  clickElement,
  imageSpread,
  makeTempDir,
  openApp,
  preflight,
  removeDir,
  repoRoot,
  runCli,
  runJourney,
  screenshot,
  waitForMap,
} from "./support/harness.mjs";
import { answerFileDialog } from "./support/fileDialog.mjs";

const CSV = path.join(repoRoot, "tests/fixtures/jira/cloud.csv");

describe("exchange with Jira", { timeout: READY_TIMEOUT_MS + 4 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-jira-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("import a Jira CSV with a preview, see the cards, export a PNG", (t) => runJourney(t, "jira-failure.png", journey));

  async function journey(step) {
    step("open Import from Jira in the maps menu and choose the file");
    session = await openApp({ dataDir, label: "jira" });
    const { browser } = session;
    await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the maps menu");
    await clickElement(browser, browser.$('[data-testid="jira-import"]'), "Import from Jira CSV…");
    await answerFileDialog("Import from Jira", CSV);

    step("the preview says what will be created, the columns and the warnings");
    const preview = browser.$('[data-testid="jira-preview"]');
    await preview.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await browser.waitUntil(async () => (await browser.$$('[data-testid="jira-story"]').length) > 0, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the preview listed no stories",
    });
    const counts = await browser.$('[data-testid="jira-counts"]').getText();
    assert.match(counts, /stor/i, counts);
    const columns = await browser.$('[data-testid="jira-columns"]').getText();
    assert.ok(columns.includes("Summary") && columns.includes("Issue key"), columns);
    await screenshot("jira-preview.png");

    step("import: the new map shows the Jira stories");
    await clickElement(browser, browser.$('[data-testid="jira-import-submit"]'), "Import");
    const map = await waitForMap(
      browser,
      (m) => ["Pay by card", "Pay with voucher", "Total shows wrong currency"].every((t) => m.cards.some((c) => c.title === t)),
      "the imported Jira stories",
    );
    assert.ok(map.activities.some((a) => a.title === "Checkout"), "the epic became an activity");
    await screenshot("jira-imported.png");
    const listed = runCli(["--data-dir", dataDir, "map", "list", "--json"]);
    const imported = JSON.parse(listed).find((m) => m.name === map.mapName);
    assert.ok(imported, `the CLI lists the imported map: ${listed}`);

    step("export the map as a PNG through the Export dialog");
    const png = path.join(dataDir, "jira-map.png");
    await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the maps menu");
    await clickElement(browser, browser.$('[data-testid="export-menu"]'), "Export…");
    await clickElement(browser, browser.$('[data-testid="export-png"]'), "PNG");
    await clickElement(browser, browser.$('[data-testid="export-submit"]'), "Export");
    await answerFileDialog("Export as PNG", png);
    await browser.waitUntil(() => fs.existsSync(png) && fs.statSync(png).size > 10_000, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: `no PNG was written to ${png}`,
    });
    const kept = path.join(artifactsDir, "jira-map-export.png");
    fs.copyFileSync(png, kept);
    assert.ok(imageSpread(kept) > 0.05, "the exported image is not blank");
  }
});
