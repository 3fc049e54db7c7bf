// A refinement session in the real window: start a session on the top 3 not-ready stories,
// run planning poker with 4 people on the first (hidden votes, reveal, accept the median),
// park the second with a reason, end the session, and read the summary and the stakeholder
// update; the CLI prints the same summary. Then the projector: presentation mode at
// 1920×1080 on a slice and on one story, screenshotted for legibility.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Key } from "webdriverio";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  clickElement,
  makeTempDir,
  openApp,
  preflight,
  removeDir,
  runCli,
  runJourney,
  screenshot,
  waitForQuiet,
} from "./support/harness.mjs";

const VOTES = [
  ["Ana", "3"],
  ["Ben", "5"],
  ["Cleo", "5"],
  ["Dev", "8"],
];

async function fill(browser, selector, text) {
  const field = browser.$(selector);
  await field.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
  await field.clearValue();
  await field.setValue(text);
}

describe("run a refinement session", { timeout: READY_TIMEOUT_MS + 5 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-session-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("start, poker with 4 votes, accept the median, park, end, summary; present", (t) =>
    runJourney(t, "session-failure.png", journey));

  async function journey(step) {
    step("start a session on the top 3 not-ready stories");
    session = await openApp({ dataDir, label: "session" });
    const { browser } = session;
    await clickElement(browser, browser.$('[data-testid="session-button"]'), "Session");
    await clickElement(browser, browser.$('[data-testid="start-session"]'), "Start a session");
    await clickElement(browser, browser.$('[data-testid="pick-top"]'), "the top stories");
    await fill(browser, '[data-testid="story-count"]', "3");
    await clickElement(browser, browser.$('[data-testid="session-start-submit"]'), "Start");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="session-story"]').length) === 3, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the session never listed 3 stories",
    });
    await browser.$('[data-testid="session-clock"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });

    step("focus the first story and add four people");
    const first = await browser.$('[data-testid="session-story"]').getAttribute("data-story-id");
    await clickElement(browser, browser.$('[data-testid="session-story"] .session-story-main'), "the first story");
    await browser.$('[data-testid="poker"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    for (const [name] of VOTES) {
      await fill(browser, '[data-testid="participant-name"]', name);
      await clickElement(browser, browser.$('[data-testid="add-participant"]'), `Add ${name}`);
      await browser.waitUntil(async () => (await browser.$$('[data-testid="vote-for"]').length) > 0 || (await browser.$('[data-testid="new-round"]').isExisting()), { timeout: UI_TIMEOUT_MS });
    }

    step("four hidden votes, then reveal");
    await clickElement(browser, browser.$('[data-testid="new-round"]'), "Start voting");
    for (const [name, value] of VOTES) {
      const chips = await browser.$$('[data-testid="vote-for"]');
      for (const c of chips) {
        if ((await c.getText()).includes(name)) await clickElement(browser, c, name);
      }
      await clickElement(browser, browser.$(`[data-testid="poker-card"][data-value="${value}"]`), `${name}'s ${value}`);
      await waitForQuiet(browser);
    }
    const hidden = await browser.$('[data-testid="poker"]').getText();
    assert.ok(hidden.includes("4 of 4 voted"), `votes stay hidden until revealed: ${hidden}`);
    await clickElement(browser, browser.$('[data-testid="reveal-votes"]'), "Reveal");
    const median = browser.$('[data-testid="poker-median"]');
    await median.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    assert.match(await median.getText(), /5/, "the median of 3, 5, 5, 8 is 5");
    await screenshot("session-poker.png");

    step("accept the median: the card gets the estimate");
    await clickElement(browser, browser.$('[data-testid="accept-estimate"]'), "Accept");
    await browser.$('[data-testid="poker-accepted"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const estimated = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", "Online grocery shop"]));
    assert.equal(estimated.stories.find((s) => s.id === first)?.estimate, "5");
    await clickElement(browser, browser.$('[data-testid="mark-refined"]'), "Mark refined");
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="session-story"][data-state="refined"]').length) === 1,
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "the first story never showed as refined" },
    );

    step("park the second story with a reason");
    const second = (await browser.$$('[data-testid="session-story"] .session-story-main'))[1];
    await clickElement(browser, second, "the second story");
    await clickElement(browser, browser.$('[data-testid="park-story"]'), "Park this story");
    await fill(browser, '[data-testid="park-reason"]', "Needs UX input on the flow");
    await clickElement(browser, browser.$('[data-testid="park-submit"]'), "Park");
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="session-story"][data-state="parked"]').length) === 1,
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "no story showed as parked" },
    );
    await screenshot("session-panel.png");

    step("end the session: the summary and the stakeholder update");
    await clickElement(browser, browser.$('[data-testid="end-session"]'), "End session");
    const headline = browser.$('[data-testid="summary-headline"]');
    await headline.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const headlineText = await headline.getText();
    assert.match(headlineText, /refined 2 items/, headlineText);
    assert.match(headlineText, /1 parked/, headlineText);
    const update = await browser.$('[data-testid="stakeholder-update"]').getValue();
    assert.ok(update.length > 40, `a stakeholder update: ${update}`);
    const health = await browser.$('[data-testid="summary-health"]').getText();
    assert.match(health, /^Ready backlog: /, health);
    assert.ok(update.includes(health), `the update carries the health line:\n${update}`);
    await screenshot("session-summary.png");
    const printed = runCli(["--data-dir", dataDir, "session", "summary", "--map", "Online grocery shop", "--format", "markdown"]);
    assert.ok(printed.includes(headlineText), `the CLI prints the same headline:\n${printed}`);
    await browser.keys(Key.Escape);

    step("present at 1920×1080: a slice with the WSJF heat, then one story, then the slice in the dark theme");
    await browser.setWindowSize(1920, 1080);
    await browser.keys(Key.F5);
    const wall = browser.$('[data-testid="presentation"]');
    await wall.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await browser.keys("2");
    await browser.$('[data-testid="presentation-slice"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await screenshot("present-slice.png");
    await browser.keys("w");
    const heatShown = async () => (await wall.getAttribute("class")).includes("has-heat");
    await browser.waitUntil(heatShown, { timeout: UI_TIMEOUT_MS, timeoutMsg: "W did not show the WSJF heat" });
    await browser.$('[data-testid="wsjf-legend"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await screenshot("present-slice-wsjf.png");
    await browser.keys("1");
    await browser.$('[data-testid="presentation-story"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await screenshot("present-story.png");
    await browser.keys("t");
    await browser.waitUntil(async () => (await wall.getAttribute("data-theme")) === "dark", { timeout: UI_TIMEOUT_MS });
    await screenshot("present-story-dark.png");
    await browser.keys("2");
    await browser.$('[data-testid="wsjf-legend"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await screenshot("present-slice-wsjf-dark.png");
    await browser.keys(Key.Escape);
    await wall.waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });
  }
});
