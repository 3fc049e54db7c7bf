// Planning with PI objectives in the real window (issue #16): add two objectives, set the
// team's velocity and read the health line, align stories from the story details, make one
// wait on another team and read Rust's warning, read each objective's roll-up and filter the
// backlog by one; add a persona, name who does an activity in the lane above the backbone and
// filter the map by them (the lane and the WSJF overlay at 1920×1080); start a session, whose default pick takes the top objective's story first,
// present it (the objective on the wall at 1920×1080), refine a ready story of it, end the
// session and read the objective and the open cross-team dependency in the stakeholder
// update; the CLI prints the same roll-ups.
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

const CHECKOUT = "Checkout in under two minutes";
const COMPLAINTS = "Fewer missing-item complaints";
const CHECKOUT_LABEL = `${CHECKOUT} (committed, value 9)`;
const PARENT = "Busy parent";
const PARENT_GOAL = "gets the week's shop done in ten minutes";

async function fill(browser, selector, text) {
  const field = browser.$(selector);
  await field.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
  await field.clearValue();
  await field.setValue(text);
}

async function addObjective(browser, title, value, kind) {
  const before = await browser.$$('[data-testid="objective-row"]').length;
  await fill(browser, '[data-testid="objective-new-title"]', title);
  await browser.$('[data-testid="objective-new-value"]').selectByAttribute("value", value);
  await browser.$('[data-testid="objective-new-kind"]').selectByAttribute("value", kind);
  await clickElement(browser, browser.$('[data-testid="objective-add"]'), `Add ${title}`);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="objective-row"]').length) === before + 1, {
    timeout: UI_TIMEOUT_MS,
    timeoutMsg: `objective ${title} never appeared`,
  });
}

/**
 * The `data-story-id`s of the elements `selector` finds, read in one go in the page: the list
 * re-renders while it filters, so reading element by element could meet a removed one.
 */
async function storyIds(browser, selector) {
  return browser.execute((query) => [...document.querySelectorAll(query)].map((el) => el.dataset.storyId).join(), selector);
}

/** Opens a story from its backlog row and picks its objective by title. */
async function align(browser, storyId, objectiveTitle) {
  await clickElement(browser, browser.$(`[data-testid="backlog-row"][data-story-id="${storyId}"] [data-testid="backlog-open"]`), storyId);
  const panel = browser.$(`[data-testid="story-panel"][data-story-id="${storyId}"]`);
  await panel.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
  const picker = panel.$('[data-testid="panel-objective"]');
  const value = await browser.execute(
    (id, title) => {
      const options = document.querySelectorAll(`[data-testid="story-panel"][data-story-id="${id}"] [data-testid="panel-objective"] option`);
      return [...options].find((option) => option.textContent?.startsWith(title))?.value ?? null;
    },
    storyId,
    objectiveTitle,
  );
  assert.ok(value, `the picker offers ${objectiveTitle}`);
  await picker.selectByAttribute("value", value);
  await browser.waitUntil(async () => (await picker.getValue()) === value, { timeout: UI_TIMEOUT_MS });
  await waitForQuiet(browser);
  await clickElement(browser, browser.$('[data-testid="panel-close"]'), "Close the panel");
}

describe("plan with PI objectives", { timeout: READY_TIMEOUT_MS + 5 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-objectives-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    removeDir(dataDir);
  });

  it("objectives, velocity, alignment, roll-ups, the session's pick, the wall and the update", (t) =>
    runJourney(t, "objectives-failure.png", journey));

  async function journey(step) {
    step("add two PI objectives from the backlog");
    session = await openApp({ dataDir, label: "objectives" });
    const { browser } = session;
    await clickElement(browser, browser.$('[data-testid="view-backlog"]'), "Backlog");
    await clickElement(browser, browser.$('[data-testid="backlog-objectives"]'), "Add the PI objectives");
    await browser.$('[data-testid="objectives-dialog"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await addObjective(browser, CHECKOUT, "9", "committed");
    await addObjective(browser, COMPLAINTS, "7", "stretch");
    await screenshot("objectives-dialog.png");
    await browser.keys(Key.Escape);
    await browser.$('[data-testid="objectives-dialog"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });

    step("set the velocity: the health line counts sprints");
    await clickElement(browser, browser.$('[data-testid="health-settings"]'), "Set the velocity");
    await fill(browser, '[data-testid="capacity-velocity"]', "10");
    await browser.keys(Key.Tab);
    await browser.waitUntil(async () => /sprints? \(target 1–2\)/.test(await browser.$('[data-testid="health-line"]').getText()), {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the health line never counted sprints",
    });
    await browser.keys(Key.Escape);
    await browser.$('[data-testid="dor-settings"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });

    step("align stories from the story details; the roll-ups add them up");
    await align(browser, "sample-story-18", CHECKOUT);
    await align(browser, "sample-story-19", CHECKOUT);
    await align(browser, "sample-story-39", COMPLAINTS);
    const rollup = browser.$('[data-testid="objective-rollup"] [data-testid="objective-rollup-facts"]');
    await browser.waitUntil(async () => (await rollup.getText()).includes("2 stories"), { timeout: UI_TIMEOUT_MS });
    // Pay by card (5, ready) and Apple Pay (3, not ready).
    assert.equal(await rollup.getText(), "5 of 8 pts ready · 2 stories, 0 done");

    step("Apple Pay waits on the Payments team: the panel warns, the row names the team");
    await clickElement(browser, browser.$('[data-testid="backlog-row"][data-story-id="sample-story-19"] [data-testid="backlog-open"]'), "Apple Pay");
    const panel = browser.$('[data-testid="story-panel"][data-story-id="sample-story-19"]');
    await panel.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await fill(browser, '[data-testid="crossteam-team"]', "Payments");
    await fill(browser, '[data-testid="crossteam-item"]', "Wallet SDK");
    await clickElement(browser, panel.$('[data-testid="crossteam-add"]'), "Add");
    const needed = panel.$('[data-testid="crossteam-row"] [data-testid="crossteam-needed"]');
    await needed.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await needed.selectByAttribute("value", "sample-release-1");
    const warning = panel.$('[data-testid="crossteam-warnings"]');
    await warning.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    // Apple Pay sits in Release 2; nothing is agreed and it is needed by MVP, an earlier slice.
    assert.equal(await warning.getText(), "Nothing agreed with Payments on 'Wallet SDK', needed by MVP");
    await panel.$('[data-testid="crossteam-warnings"]').scrollIntoView();
    await screenshot("crossteam-panel.png");
    await clickElement(browser, browser.$('[data-testid="panel-close"]'), "Close the panel");
    const marker = browser.$('[data-testid="backlog-row"][data-story-id="sample-story-19"] [data-testid="crossteam-marker"]');
    await marker.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    assert.match(await marker.getText(), /^⇄\s?Payments$/);

    step("a click on the objective shows its stories");
    await clickElement(browser, browser.$(".objective-rollup-title"), CHECKOUT);
    await browser.waitUntil(
      async () => (await storyIds(browser, '[data-testid="backlog-row"]')) === "sample-story-18,sample-story-19",
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "the backlog never showed only the objective's two stories" },
    );
    await screenshot("backlog-objectives.png");

    step("a persona does 'Check out': the lane names them, the map filters by them");
    await clickElement(browser, browser.$('[data-testid="view-map"]'), "Map");
    await browser.$('[data-testid="persona-filter"]').selectByAttribute("value", "-manage-");
    await browser.$('[data-testid="personas-dialog"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await fill(browser, '[data-testid="persona-new-name"]', PARENT);
    await fill(browser, '[data-testid="persona-new-goal"]', PARENT_GOAL);
    await clickElement(browser, browser.$('[data-testid="persona-add"]'), "Add the persona");
    await browser.$('[data-testid="persona-row"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await browser.keys(Key.Escape);
    await browser.$('[data-testid="personas-dialog"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });
    const lane = browser.$('[data-testid="persona-lane-cell"][data-activity-id="sample-activity-3"]');
    await lane.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const parent = await browser.execute(
      () => [...document.querySelectorAll('[data-testid="persona-filter"] option')].map((o) => o.value).find((v) => v !== "" && !v.startsWith("-")) ?? null,
    );
    assert.ok(parent, "the filter offers the persona");
    await lane.$('[data-testid="persona-lane-select"]').selectByAttribute("value", parent);
    await browser.waitUntil(async () => (await lane.getAttribute("data-persona-id")) === parent, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the lane never named who does 'Check out'",
    });
    // Read in the page: the lane cell may be scrolled out of view, where WebDriver reads no text.
    const named = await browser.execute(
      () => document.querySelector('[data-testid="persona-lane-cell"][data-activity-id="sample-activity-3"] .persona-lane-name')?.textContent ?? "",
    );
    assert.equal(named, PARENT);
    await browser.$('[data-testid="persona-filter"]').selectByAttribute("value", parent);
    // Cards are drawn only near the view: bring Check out into it, then read the drawn ones.
    await lane.scrollIntoView({ block: "start", inline: "center" });
    const drawn = () =>
      browser.execute(() => {
        const cards = [...document.querySelectorAll('[data-testid="story-card"]')];
        const pay = cards.find((card) => card.dataset.storyId === "sample-story-18");
        return { dimmed: cards.filter((card) => card.classList.contains("is-dimmed")).length, pay: pay?.className ?? "" };
      });
    await browser.waitUntil(
      async () => {
        const { dimmed, pay } = await drawn();
        return dimmed > 0 && pay.includes("is-match");
      },
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "the filter never kept Pay by card and dimmed the cards of other activities" },
    );
    await screenshot("persona-filter.png");
    await clickElement(browser, browser.$('[data-testid="wsjf-heat-toggle"]'), "WSJF heat");
    await browser.setWindowSize(1920, 1080);
    await browser.$('[data-testid="wsjf-legend"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await waitForQuiet(browser);
    await screenshot("persona-lane-wsjf.png");
    await clickElement(browser, browser.$('[data-testid="wsjf-heat-toggle"]'), "WSJF heat off");
    await browser.$('[data-testid="persona-filter"]').selectByAttribute("value", "");
    await clickElement(browser, browser.$('[data-testid="view-backlog"]'), "Backlog");

    step("start a session on the top 2: the top objective's not-ready story comes first");
    await clickElement(browser, browser.$('[data-testid="session-button"]'), "Session");
    await clickElement(browser, browser.$('[data-testid="start-session"]'), "Start a session");
    await clickElement(browser, browser.$('[data-testid="pick-top"]'), "the top stories");
    await fill(browser, '[data-testid="story-count"]', "2");
    await clickElement(browser, browser.$('[data-testid="session-start-submit"]'), "Start");
    const picked = () => storyIds(browser, '[data-testid="session-story"]');
    await browser.waitUntil(async () => (await picked()).split(",").length === 2, { timeout: UI_TIMEOUT_MS });
    assert.equal(await picked(), "sample-story-19,sample-story-39", "objectives first, in their order");
    await browser.$('[data-testid="session-add-story"]').selectByAttribute("value", "sample-story-18");
    await browser.waitUntil(async () => (await picked()).split(",").length === 3, { timeout: UI_TIMEOUT_MS });

    step("present: the story shows its objective on the wall");
    await browser.setWindowSize(1920, 1080);
    await browser.keys(Key.F5);
    const objective = browser.$('[data-testid="presentation-story"] [data-testid="presented-objective"]');
    await objective.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    // The label is set in capitals by the stylesheet.
    assert.equal(await objective.getText(), `OBJECTIVE ${CHECKOUT_LABEL}`);
    // Its activity's persona: their initials on their badge, their name and goal.
    const persona = browser.$('[data-testid="presentation-story"] [data-testid="presented-persona"]');
    assert.equal(await persona.getText(), `BPFor ${PARENT} — ${PARENT_GOAL}`);
    await screenshot("present-objective.png");
    await browser.keys(Key.Escape);
    await browser.$('[data-testid="presentation"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });

    step("refine the ready story, end the session: the update names the objective");
    await clickElement(browser, browser.$('[data-testid="session-story"][data-story-id="sample-story-18"] .session-story-main'), "Pay by card");
    await clickElement(browser, browser.$('[data-testid="mark-refined"]'), "Mark refined");
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="session-story"][data-state="refined"]').length) === 1,
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "Pay by card never showed as refined" },
    );
    await clickElement(browser, browser.$('[data-testid="end-session"]'), "End session");
    const served = browser.$('[data-testid="summary-objectives"]');
    await served.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    assert.equal(await served.getText(), `The ready work serves ${CHECKOUT_LABEL}`);
    const update = await browser.$('[data-testid="stakeholder-update"]').getValue();
    assert.ok(update.includes(`The ready work serves ${CHECKOUT_LABEL}.`), update);
    assert.match(update, /Ready backlog: [\d.]+ sprints? \(target 1–2\)/, update);
    assert.ok(update.includes("'Pay with Apple Pay and Google Pay' waits on Payments for 'Wallet SDK' (asked, needed by MVP)"), update);
    await screenshot("objectives-summary.png");
    await browser.keys(Key.Escape);

    step("the CLI prints the same roll-ups");
    const printed = JSON.parse(runCli(["--data-dir", dataDir, "backlog", "--map", "Online grocery shop", "--json"]));
    assert.deepEqual(
      printed.objectives.map((o) => [o.label, o.stories, o.readyPoints]),
      [
        [CHECKOUT_LABEL, 2, 5],
        [`${COMPLAINTS} (stretch, value 7)`, 1, 0],
      ],
    );
  }
});
