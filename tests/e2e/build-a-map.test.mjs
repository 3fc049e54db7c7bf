// Building a map from nothing in the real window: a new map from the switcher, the first
// activity from the empty state, a step, two stories typed one after the other, renames by
// double-click; then a restart opens that map again (the last one), the switcher opens the
// sample map again, and the CLI export agrees with what the window showed.
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, describe, it } from "node:test";
import { Key } from "webdriverio";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  cellSelector,
  clickElement,
  makeTempDir,
  openApp,
  preflight,
  readMap,
  removeDir,
  runJourney,
  runCli,
  sampleMapPath,
  screenshot,
  waitForMap,
} from "./support/harness.mjs";
import { renameByDoubleClick } from "./support/mapSteps.mjs";

const MAP_NAME = "Checkout revamp";
const sampleName = JSON.parse(fs.readFileSync(sampleMapPath, "utf8")).map.name;

/** Types into the inline input that just opened and presses Enter. */
async function typeInto(browser, selector, text) {
  const input = browser.$(selector);
  await input.waitForDisplayed({ timeout: UI_TIMEOUT_MS, timeoutMsg: `${selector} did not open` });
  await input.setValue(text);
  await input.addValue(Key.Enter);
}


describe("build a map from nothing", { timeout: READY_TIMEOUT_MS * 2 + 4 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-build-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("creates, fills and renames a map, which reopens and exports as shown", (t) => runJourney(t, "build-failure.png", journey));

  async function journey(step) {
    step("open the app");
    session = await openApp({ dataDir, label: "build" });
    const { browser } = session;

    step("create a map from the switcher");
    await clickElement(browser, browser.$('[data-testid="map-switcher"]'), "the map switcher");
    await clickElement(browser, browser.$('[data-testid="new-map"]'), "New map…");
    await typeInto(browser, '[data-testid="inline-input"]', MAP_NAME);
    await waitForMap(browser, (m) => m.mapName === MAP_NAME && m.activities.length === 0, `the empty map "${MAP_NAME}"`);

    step("add the first activity");
    await clickElement(browser, browser.$('[data-testid="add-activity"]'), "Add the first activity");
    await typeInto(browser, '[data-testid="inline-input"]', "Pay");
    await waitForMap(browser, (m) => m.activities.length === 1, "the first activity");

    step("add a step");
    await clickElement(browser, browser.$('[data-testid="add-step"]'), "+ Step");
    await typeInto(browser, '[data-testid="inline-input"]', "Enter card details");
    let map = await waitForMap(browser, (m) => m.steps.length === 1 && m.steps[0].title, "the first step");

    step("type two stories");
    // Two stories typed one after the other: Enter keeps the input open for the next.
    const cell = cellSelector(map.steps[0].id, map.releaseIds[0]);
    await clickElement(browser, browser.$(`${cell} [data-testid="add-story"]`), "Add story");
    await typeInto(browser, `${cell} [data-testid="new-story-input"]`, "Pay by card");
    await typeInto(browser, `${cell} [data-testid="new-story-input"]`, "Pay with a voucher");
    await browser.keys(Key.Escape);
    map = await waitForMap(browser, (m) => m.cards.length === 2, "two story cards");
    assert.deepEqual(map.cards.map((c) => c.title), ["Pay by card", "Pay with a voucher"]);

    step("rename a card and the activity");
    // Renames by double-click, for a card and for the activity.
    await renameByDoubleClick(browser, browser.$('[data-testid="story-title"]'), "Pay by card with 3-D Secure");
    await renameByDoubleClick(browser, browser.$('[data-testid="activity-title"]'), "Check out");
    map = await waitForMap(
      browser,
      (m) => m.activities[0]?.title === "Check out" && m.cards[0]?.title === "Pay by card with 3-D Secure",
      "both renames",
    );
    await screenshot("built-map.png");
    await session.close();
    session = null;

    step("restart");
    // A restart opens the last map, not the sample.
    session = await openApp({ dataDir, label: "build-restart" });
    const reopened = await readMap(session.browser);
    assert.equal(reopened.mapName, MAP_NAME, "the app did not reopen the last map");
    assert.deepEqual(reopened, map, "the map after a restart differs from before");

    step("switch back to the sample map");
    const browser2 = session.browser;
    await clickElement(browser2, browser2.$('[data-testid="map-switcher"]'), "the map switcher");
    await browser2.$('[data-testid="map-item"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const items = await browser2.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="map-item"]')).map((item) => ({
        id: item.getAttribute("data-map-id"),
        text: (item.textContent ?? "").trim(),
      })),
    );
    const names = items.map((item) => item.text).join(" | ");
    assert.equal(items.length, 2, `expected the sample and the new map in the switcher, got: ${names}`);
    const sampleItem = items.find((item) => item.text.startsWith(sampleName));
    assert.ok(sampleItem, `the sample map is not in the switcher: ${names}`);
    await clickElement(
      browser2,
      browser2.$(`[data-testid="map-item"][data-map-id="${sampleItem.id}"]`),
      "the sample map in the switcher",
    );
    await waitForMap(browser2, (m) => m.mapName === sampleName && m.cards.length > 0, "the sample map");
    await session.close();
    session = null;

    step("export with the CLI");
    const exported = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", MAP_NAME]));
    assert.deepEqual(
      {
        activities: exported.activities.map((a) => [a.title, a.steps.map((s) => s.title)]),
        releases: exported.releases.map((r) => r.title),
        stories: exported.stories.map((s) => [s.title, s.stepId, s.releaseId]),
      },
      {
        activities: [["Check out", ["Enter card details"]]],
        releases: ["MVP"],
        stories: map.cards.map((c) => [c.title, c.stepId, c.releaseId]),
      },
    );
  }
});
