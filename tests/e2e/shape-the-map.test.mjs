// Building a map from nothing with the keyboard only, then shaping the sample map with the
// pointer in the real window: drag a card across a step and
// a slice, drag an activity to the front, drag a second card inside its cell, fit the map to
// the window (Ctrl+0) and drag the first card again at that zoom, undo three times (the last
// three), restart, and check that the zoom was kept and that the window and `storymap export
// json` agree on the order that survived. Also reports the time from pointer release to the card drawn in
// its new place (User Timing measure "storymap:drop-to-drawn", set by the UI).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { Key } from "webdriverio";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  artifactsDir,
  cardsInDisplayOrder,
  dragTo,
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
  waitForQuiet,
} from "./support/harness.mjs";

const sample = JSON.parse(fs.readFileSync(sampleMapPath, "utf8"));
const titleOf = (id) => sample.stories.find((s) => s.id === id).title;

// Ids are kept when the sample is imported.
const PAY_BY_CARD = "sample-story-18"; // Pay × MVP
const DELIVERY_SLOT = "sample-step-3-1";
const RELEASE_2 = "sample-release-2";
const FIRST_IN_TARGET = "sample-story-17"; // the first card of Choose delivery slot × Release 2
const FILL = "sample-activity-2";
const DISCOVER = "sample-activity-1";
const BROWSE_FRUIT = "sample-story-01"; // first of Browse categories × MVP
const PRICES = "sample-story-02"; // second of that cell
const SEARCH_BY_NAME = "sample-story-04"; // first of Search × MVP, not WSJF-scored
const SUGGESTIONS = "sample-story-27"; // second of that cell, WSJF 13 ÷ 3 = 4.3

const card = (browser, id) => browser.$(`[data-testid="story-card"][data-story-id="${id}"]`);
const activity = (browser, id) => browser.$(`[data-testid="activity"][data-activity-id="${id}"] [data-testid="activity-title"]`);
const cardIds = (map, stepId, releaseId) =>
  map.cards.filter((c) => c.stepId === stepId && c.releaseId === releaseId).map((c) => c.id);
const activityIds = (browserMap) => browserMap.activities.map((a) => a.title);
const zoomLevel = (browser) => browser.execute(() => document.querySelector('[data-testid="zoom-level"]')?.textContent);

/**
 * Types text and Enter into the input that has (or is about to get) focus, then waits for
 * quiet. WebKitWebDriver drops the second of two identical keystrokes in a row ("mm"), so
 * the texts typed here have no doubled letters.
 */
async function typeLine(browser, text) {
  await browser.waitUntil(() => browser.execute(() => document.activeElement instanceof HTMLInputElement), {
    timeout: UI_TIMEOUT_MS,
    timeoutMsg: `no input had focus to type "${text}" into`,
  });
  await browser.keys(text);
  await browser.keys(Key.Enter);
  await waitForQuiet(browser);
}

describe("build a map with the keyboard only", { timeout: READY_TIMEOUT_MS + 2 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-keys-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("creates a map, an activity, steps, a slice and stories without a mouse", async () => {
    session = await openApp({ dataDir, label: "keys" });
    const { browser } = session;
    await browser.keys([Key.Ctrl, "n"]);
    await typeLine(browser, "Loyalty scheme");
    await waitForMap(browser, (m) => m.mapName === "Loyalty scheme" && m.activities.length === 0, "the new empty map");
    await browser.keys("a");
    await typeLine(browser, "Join the scheme");
    await browser.keys("s");
    await typeLine(browser, "Sign up");
    await typeLine(browser, "Earn points");
    await browser.keys(Key.Escape);
    await browser.keys("r");
    await typeLine(browser, "Later");
    await browser.keys("n");
    await typeLine(browser, "Sign up with email");
    await typeLine(browser, "Sign up with a phone number");
    await browser.keys(Key.Escape);
    const map = await waitForMap(browser, (m) => m.cards.length === 2, "two cards typed in a row");
    assert.deepEqual(map.activities.map((a) => a.title), ["Join the scheme"]);
    assert.deepEqual(map.steps.map((s) => s.title), ["Sign up", "Earn points"]);
    assert.equal(map.releaseIds.length, 2);
    assert.deepEqual(map.cards.map((c) => c.title), ["Sign up with email", "Sign up with a phone number"]);
    await screenshot("keyboard-built-map.png");
    await session.close();
    session = null;

    const exported = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", "Loyalty scheme"]));
    assert.deepEqual(
      exported.stories.map((s) => [s.title, s.stepId, s.releaseId]),
      map.cards.map((c) => [c.title, c.stepId, c.releaseId]),
    );
    assert.deepEqual(exported.releases.map((r) => r.title), ["MVP", "Later"]);
  });
});

describe("shape the map with the pointer", { timeout: READY_TIMEOUT_MS * 2 + 4 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-shape-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("drags cards and an activity, also fitted to the window, undoes three times, and the order survives a restart", (t) => runJourney(t, "shape-failure.png", (step) => journey(step, t)));

  async function journey(step, t) {
    step("open the sample map");
    session = await openApp({ dataDir, label: "shape" });
    const { browser } = session;
    const start = await readMap(browser);
    assert.equal(start.cards.length, sample.stories.length);
    await screenshot("map-40-cards.png");

    step("drag 'Pay by card' to Choose delivery slot × Release 2, above its first card");
    await dragTo(browser, card(browser, PAY_BY_CARD), card(browser, FIRST_IN_TARGET), { edge: "top" });
    let map = await waitForMap(
      browser,
      (m) => cardIds(m, DELIVERY_SLOT, RELEASE_2)[0] === PAY_BY_CARD,
      `'${titleOf(PAY_BY_CARD)}' first in Choose delivery slot × Release 2`,
    );
    await waitForQuiet(browser);
    const dropToDrawn = await browser.execute(() =>
      performance.getEntriesByName("storymap:drop-to-drawn").map((e) => e.duration),
    );
    assert.ok(dropToDrawn.length > 0, "the UI recorded no drop-to-drawn measure");
    t.diagnostic(`pointer release → card drawn in its new place: ${dropToDrawn[0].toFixed(1)} ms`);
    fs.mkdirSync(artifactsDir, { recursive: true });
    fs.writeFileSync(
      path.join(artifactsDir, "drop-to-drawn.json"),
      JSON.stringify({ measure: "storymap:drop-to-drawn", ms: dropToDrawn }, null, 2),
    );

    step("drag the activity 'Fill the basket' to the front");
    await dragTo(browser, activity(browser, FILL), activity(browser, DISCOVER), { edge: "left" });
    map = await waitForMap(browser, (m) => m.activities[0]?.title === "Fill the basket", "the activity moved first");
    await waitForQuiet(browser);

    step("drag a card below its neighbour inside its cell");
    await dragTo(browser, card(browser, BROWSE_FRUIT), card(browser, PRICES), { edge: "bottom" });
    map = await waitForMap(
      browser,
      (m) => cardIds(m, "sample-step-1-1", "sample-release-1").join() === [PRICES, BROWSE_FRUIT].join(),
      "the two cards swapped",
    );
    await waitForQuiet(browser);

    // The map is scaled at any zoom but 100 %: drops must still land where they are drawn.
    step("fit the map to the window and drag 'Pay by card' above the first card of Browse categories × MVP");
    await browser.keys([Key.Ctrl, "0"]);
    await browser.waitUntil(async () => (await zoomLevel(browser)) !== "100 %", {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "Ctrl+0 did not zoom the map out to fit the window",
    });
    const fitted = await zoomLevel(browser);
    t.diagnostic(`fit to window: ${fitted}`);
    await screenshot("map-fit-to-window.png");
    await dragTo(browser, card(browser, PAY_BY_CARD), card(browser, PRICES), { edge: "top" });
    map = await waitForMap(
      browser,
      (m) => cardIds(m, "sample-step-1-1", "sample-release-1").join() === [PAY_BY_CARD, PRICES, BROWSE_FRUIT].join(),
      `'${titleOf(PAY_BY_CARD)}' first in Browse categories × MVP at ${fitted}`,
    );
    await waitForQuiet(browser);

    step("undo three times with the keyboard");
    await browser.keys([Key.Ctrl, "z"]);
    await waitForQuiet(browser);
    await browser.keys([Key.Ctrl, "z"]);
    await waitForQuiet(browser);
    await browser.keys([Key.Ctrl, "z"]);
    map = await waitForMap(
      browser,
      (m) =>
        m.activities[0]?.title === "Discover products" &&
        cardIds(m, "sample-step-1-1", "sample-release-1").join() === [BROWSE_FRUIT, PRICES].join(),
      "all three undos",
    );
    await waitForQuiet(browser);
    assert.deepEqual(activityIds(map), activityIds(start), "the activity order is back");
    assert.equal(cardIds(map, DELIVERY_SLOT, RELEASE_2)[0], PAY_BY_CARD, "the first move was not undone");
    assert.equal(map.cards.length, start.cards.length, "a card vanished or doubled");

    step("show the WSJF heat (W) and sort the MVP slice by WSJF, then undo the sort");
    await browser.keys("w");
    await browser.$('[data-testid="wsjf-legend"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const heat = (id) => card(browser, id).getAttribute("data-heat");
    assert.equal(await heat(SUGGESTIONS), "4", `'${titleOf(SUGGESTIONS)}' scores 13 ÷ 3 = 4.3`);
    assert.equal(await heat(SEARCH_BY_NAME), "none");
    await screenshot("map-wsjf-heat.png");
    const search = (m) => cardIds(m, "sample-step-1-2", "sample-release-1").join();
    assert.equal(search(map), [SEARCH_BY_NAME, SUGGESTIONS].join());
    await browser.$('[data-testid="release"][data-release-id="sample-release-1"] [data-testid="sort-by-wsjf"]').click();
    await waitForMap(browser, (m) => search(m) === [SUGGESTIONS, SEARCH_BY_NAME].join(), "the scored story sorted first");
    await waitForQuiet(browser);
    await browser.keys([Key.Ctrl, "z"]);
    map = await waitForMap(browser, (m) => search(m) === [SEARCH_BY_NAME, SUGGESTIONS].join(), "the sort undone");
    await waitForQuiet(browser);
    await session.close();
    session = null;

    step("restart");
    session = await openApp({ dataDir, label: "shape-restart" });
    const reopened = await readMap(session.browser);
    assert.deepEqual(reopened, map, "the map after a restart differs from before");
    assert.equal(await zoomLevel(session.browser), fitted, "the zoom was not kept");
    await session.close();
    session = null;

    step("export with the CLI");
    const exported = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", sample.map.name]));
    assert.deepEqual(
      exported.activities.map((a) => a.title),
      map.activities.map((a) => a.title),
    );
    assert.deepEqual(
      exported.stories.map((s) => [s.id, s.stepId, s.releaseId]),
      cardsInDisplayOrder(map).map((c) => [c.id, c.stepId, c.releaseId]),
    );
  }
});
