// Accessible by default (issue #15): axe-core runs in the real window on the map, the story
// panel, the backlog, a running session and the presentation (light and dark), and finds no serious or
// critical violation. The axe script is handed to the page by WebDriver (the window's CSP
// allows no script from elsewhere, and this one is not part of the app).
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import { Key } from "webdriverio";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  makeTempDir,
  openApp,
  preflight,
  removeDir,
  runJourney,
  screenshot,
} from "./support/harness.mjs";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical violations on the page now, one line each, with where. */
async function violations(browser) {
  const found = await browser.executeAsync(
    `${axeSource}
     const done = arguments[arguments.length - 1];
     axe.run(document, { resultTypes: ["violations"] }).then(
       (result) => done(result.violations
         .filter((v) => v.impact === "serious" || v.impact === "critical")
         .map((v) => v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.map((n) => n.target.join(" ") + (v.id === "color-contrast" ? " (" + (n.any[0]?.message ?? "") + ")" : "")).join(" | "))),
       (error) => done(["axe failed: " + String(error)]),
     );`,
  );
  return found;
}

/** Every view's violations are gathered and reported together at the end of the journey. */
const found = [];

async function expectAccessible(browser, where) {
  for (const violation of await violations(browser)) found.push(`${where}: ${violation}`);
}

describe("accessible by default", { timeout: READY_TIMEOUT_MS + 4 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-a11y-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("has no serious or critical axe violations on the map, story panel, backlog, session and presentation", (t) =>
    runJourney(t, "a11y-failure.png", journey));

  async function journey(step) {
    step("the map");
    session = await openApp({ dataDir, label: "a11y" });
    const { browser } = session;
    await expectAccessible(browser, "the map");

    step("the story panel");
    const card = browser.$('[data-testid="story-card"]');
    await card.click();
    await browser.keys("o");
    await browser.$('[data-testid="story-panel"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    // A comment, so the thread and the card's comment count are checked too.
    await browser.$('[data-testid="comment-input"]').setValue("@Ana does this need a wireframe?");
    await browser.$('[data-testid="comment-send"]').click();
    await browser.$('[data-testid="comment-count"]').waitForExist({ timeout: UI_TIMEOUT_MS });
    await expectAccessible(browser, "the story panel");
    await browser.$('[data-testid="panel-close"]').click();
    await browser.$('[data-testid="story-panel"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });

    step("the backlog");
    await browser.keys("b");
    await browser.$('[data-testid="backlog"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await expectAccessible(browser, "the backlog");
    await browser.keys("b");
    await browser.$('[data-testid="story-card"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });

    step("a running session");
    await browser.$('[data-testid="session-button"]').click();
    await browser.$('[data-testid="start-session"]').click();
    await browser.$('[data-testid="session-participants"]').setValue("Ana, Ben");
    await browser.$('[data-testid="session-start-submit"]').click();
    await browser.$('[data-testid="reader-picker"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await expectAccessible(browser, "the session");
    await screenshot("a11y-session.png");

    step("the presentation");
    await browser.keys(Key.F5);
    await browser.$('[data-testid="presentation"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await browser.$('[data-testid="session-bar"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await expectAccessible(browser, "the presentation");
    await browser.keys("t");
    await browser.waitUntil(async () => (await browser.$('[data-testid="presentation"]').getAttribute("data-theme")) === "dark", {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "T did not switch the wall to the dark theme",
    });
    await expectAccessible(browser, "the presentation, dark");
    assert.deepEqual(found, [], `${found.length} serious or critical accessibility violations:\n${found.join("\n")}`);
  }
});
