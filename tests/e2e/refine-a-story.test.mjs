// Refining a story in the real window: open it, paste three acceptance criteria through the
// real clipboard, estimate it and watch the INVEST hints change, split it into two by
// workflow steps giving one criterion to the second story, undo the split, redo it, show
// the dependency lines on the fitted map, flag a story risky and filter the map by it,
// restart, and check the window and `storymap export json` agree. Screenshots of the story
// panel, the split, the lines, the flag filter, the backlog.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { Key } from "webdriverio";
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
  runCli,
  screenshot,
  waitForMap,
  waitForQuiet,
} from "./support/harness.mjs";

const STORY = "sample-story-06"; // "Search by recipe": an idea in Later, no estimate, no criteria
const CRITERIA = ["Search finds recipes by name", "Each recipe lists its ingredients", "Add all ingredients in one click"];

/**
 * Puts text on the X clipboard of the test display. xclip stays in the foreground (no
 * forked daemon to outlive the test, holding its pipes) and serves pastes until killed.
 */
let clipboard = null;
async function setClipboard(text) {
  clipboard = spawn("xclip", ["-selection", "clipboard", "-quiet"], { stdio: ["pipe", "ignore", "ignore"] });
  const failed = new Promise((_, reject) => clipboard.on("error", reject));
  clipboard.stdin.end(text);
  // xclip owns the selection as soon as it has read its input.
  await Promise.race([new Promise((resolve) => setTimeout(resolve, 300)), failed]);
}

const hint = (browser, letter) => browser.$(`[data-testid="invest-hint"][data-letter="${letter}"]`);
const verdictOf = async (browser, letter) => (await hint(browser, letter)).getAttribute("data-verdict");

async function waitForVerdict(browser, letter, verdict) {
  await browser.waitUntil(async () => (await verdictOf(browser, letter)) === verdict, {
    timeout: UI_TIMEOUT_MS,
    timeoutMsg: `INVEST ${letter} never became ${verdict}`,
  });
}

describe("refine a story", { timeout: READY_TIMEOUT_MS * 2 + 4 * 60_000 }, () => {
  let dataDir;
  let session;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-refine-");
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    if (clipboard && clipboard.exitCode === null) clipboard.kill();
    removeDir(dataDir);
  });

  it("criteria by paste, estimate, INVEST, split, undo, redo, restart", (t) => runJourney(t, "refine-failure.png", journey));

  async function journey(step) {
    step("open the story");
    session = await openApp({ dataDir, label: "refine" });
    const { browser } = session;
    const card = browser.$(`[data-testid="story-card"][data-story-id="${STORY}"]`);
    await clickElement(browser, card.$('[data-testid="open-story"]'), "the card's Details button");
    await browser.$('[data-testid="story-panel"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    assert.equal(await verdictOf(browser, "testable"), "fail");
    assert.equal(await verdictOf(browser, "estimable"), "fail");
    assert.ok(await browser.$('[data-testid="too-big-flag"]').isDisplayed(), "two failures flag it too big or too vague");

    step("paste three criteria");
    await setClipboard(CRITERIA.join("\n"));
    await clickElement(browser, browser.$('[data-testid="criteria-input"]'), "the criteria box");
    await browser.keys([Key.Ctrl, "v"]);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="criterion"]').length) === 3, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "pasting did not add three criteria",
    });
    clipboard.kill();
    await waitForQuiet(browser);
    await waitForVerdict(browser, "testable", "pass");
    assert.equal(await browser.$('[data-testid="too-big-flag"]').isExisting(), false, "one failure left: not flagged");
    const criterionIds = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="criterion"]')).map((c) => c.getAttribute("data-criterion-id")),
    );

    step("estimate 13, then 5");
    await clickElement(browser, browser.$('[data-testid="estimate-option"][data-value="13"]'), "estimate 13");
    await waitForVerdict(browser, "estimable", "pass");
    await waitForVerdict(browser, "small", "fail");
    await clickElement(browser, browser.$('[data-testid="estimate-option"][data-value="5"]'), "estimate 5");
    await waitForVerdict(browser, "small", "pass");
    await waitForQuiet(browser);
    await screenshot("story-panel.png");

    step("split it by workflow steps, giving the second criterion to the second story");
    await clickElement(browser, browser.$('[data-testid="split-button"]'), "Split");
    await browser.$('[data-testid="split-dialog"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await clickElement(browser, browser.$('[data-testid="split-pattern"][data-pattern="workflowSteps"]'), "Workflow steps");
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="split-child-title"]').length) === 2,
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "the pattern did not suggest two stories" },
    );
    const titles = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="split-child-title"]')).map((i) => i.value),
    );
    assert.deepEqual(titles, ["Search by recipe — first step", "Search by recipe — next steps"]);
    await clickElement(
      browser,
      browser.$(`[data-testid="split-criterion"][data-child-index="1"][data-criterion-id="${criterionIds[1]}"]`),
      "the second criterion for the second story",
    );
    await screenshot("split-dialog.png");
    await clickElement(browser, browser.$('[data-testid="split-confirm"]'), "Split confirm");
    let map = await waitForMap(
      browser,
      (m) => !m.cards.some((c) => c.id === STORY) && m.cards.filter((c) => c.title.startsWith("Search by recipe —")).length === 2,
      "the two new stories in place of the original",
    );
    await waitForQuiet(browser);
    const split = map;

    step("undo the split, then redo it");
    await browser.keys([Key.Ctrl, "z"]);
    map = await waitForMap(browser, (m) => m.cards.some((c) => c.id === STORY), "the original story back");
    assert.equal(map.cards.filter((c) => c.title.startsWith("Search by recipe —")).length, 0);
    await waitForQuiet(browser);
    await browser.keys([Key.Ctrl, Key.Shift, "z"]);
    map = await waitForMap(browser, (m) => !m.cards.some((c) => c.id === STORY), "the split again");
    await waitForQuiet(browser);
    assert.deepEqual(map, split);

    step("dependency lines on the whole map");
    await browser.keys(Key.Escape);
    await browser.keys([Key.Ctrl, "0"]);
    await browser.keys("d");
    // The sample's one dependency: "Pay by card" needs "Enter delivery address".
    await browser
      .$('[data-testid="dependency-line"][data-from="sample-story-18"][data-to="sample-story-34"]')
      .waitForExist({ timeout: UI_TIMEOUT_MS, timeoutMsg: "no line from 'Pay by card' to 'Enter delivery address'" });
    await screenshot("dependency-lines.png");
    await browser.keys("d");

    step("flag 'Pay by card' risky and filter the map by the flag");
    const payByCard = browser.$('[data-testid="story-card"][data-story-id="sample-story-18"]');
    await clickElement(browser, payByCard.$('[data-testid="open-story"]'), "Pay by card's Details button");
    await clickElement(browser, browser.$('[data-testid="flag-toggle-risky"]'), "the Risky flag");
    await browser.waitUntil(
      async () => (await browser.$('[data-testid="flag-toggle-risky"]').getAttribute("aria-pressed")) === "true",
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "the Risky flag never turned on" },
    );
    await waitForQuiet(browser);
    await browser.keys(Key.Escape);
    await browser.$('[data-testid="story-panel"]').waitForDisplayed({ reverse: true, timeout: UI_TIMEOUT_MS });
    await browser.$('[data-testid="flag-filter"]').selectByAttribute("value", "risky");
    await browser.waitUntil(async () => (await payByCard.getAttribute("class")).includes("is-match"), {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the flagged card is not highlighted",
    });
    const dimmed = await browser.$$('[data-testid="story-card"].is-dimmed').length;
    assert.ok(dimmed > 10, `the other cards are dimmed (${dimmed})`);
    await screenshot("map-flag-filter.png");
    await browser.$('[data-testid="flag-filter"]').selectByAttribute("value", "");

    step("the backlog");
    await browser.keys("b");
    await browser.$('[data-testid="backlog-headline"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await screenshot("backlog.png");
    await session.close();
    session = null;

    step("restart and export");
    session = await openApp({ dataDir, label: "refine-restart" });
    const reopened = await readMap(session.browser);
    assert.deepEqual(
      reopened.cards.map((c) => c.id),
      split.cards.map((c) => c.id),
      "the split did not survive a restart",
    );
    await session.close();
    session = null;
    const exported = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", "Online grocery shop"]));
    const children = exported.stories.filter((s) => s.splitFrom === STORY);
    assert.deepEqual(
      children.map((s) => [s.title, s.acceptanceCriteria.map((c) => c.text), s.estimate, s.splitFromTitle]),
      [
        ["Search by recipe — first step", [CRITERIA[0], CRITERIA[2]], null, "Search by recipe"],
        ["Search by recipe — next steps", [CRITERIA[1]], null, "Search by recipe"],
      ],
    );
    assert.ok(children.every((s) => s.refinement && Array.isArray(s.refinement.invest)), "the export carries refinement");
    assert.deepEqual(exported.stories.find((s) => s.id === "sample-story-18").flags, ["risky"]);
  }
});
