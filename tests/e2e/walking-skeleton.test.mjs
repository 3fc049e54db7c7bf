// Walking skeleton, end to end in the real window: the sample map is shown on first start,
// a story added through the UI survives a restart of the app, and the CLI exports it from
// the same data directory. Run: xvfb-run -a -s "-screen 0 1440x900x24" npm run test:e2e
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, describe, it } from "node:test";
import { Key } from "webdriverio";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  cardsInDisplayOrder,
  cellSelector,
  clickElement,
  imageSpread,
  makeTempDir,
  openApp,
  preflight,
  readMap,
  removeDir,
  runCli,
  sampleMapPath,
  screenshot,
} from "./support/harness.mjs";

const STEP_TIMEOUT_MS = READY_TIMEOUT_MS + 4 * 60_000;

describe("walking skeleton", () => {
  const state = {
    dataDir: null,
    session: null,
    sample: null,
    storyTitle: `E2E story ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    firstStepId: null,
    firstReleaseId: null,
    titlesAfterRestart: null,
    broken: null, // the first step that failed: later steps depend on it and are skipped
  };

  /** Runs one step of the journey; on failure saves a screenshot and skips the rest. */
  const step = (name, fn) =>
    it(name, { timeout: STEP_TIMEOUT_MS }, async (t) => {
      if (state.broken) return t.skip(`needs the step that failed: ${state.broken}`);
      try {
        await fn(t);
      } catch (error) {
        state.broken = name;
        const shot = await screenshot(`failure-${name.slice(0, 1)}.png`).catch(() => null);
        if (shot) t.diagnostic(`screen at failure: ${shot}`);
        throw error;
      }
    });

  const endSession = async (t) => {
    const session = state.session;
    state.session = null;
    const { appQuitBySessionEnd } = await session.close();
    t.diagnostic(
      appQuitBySessionEnd
        ? "the app quit when the session ended"
        : "the app was still running 15 s after the session ended: stopped with its driver",
    );
  };

  before(() => {
    preflight();
    state.sample = JSON.parse(fs.readFileSync(sampleMapPath, "utf8"));
    assert.ok(state.sample.map?.name, "assets/sample-map.json has no map.name");
    assert.ok(state.sample.activities?.[0]?.steps?.[0], "assets/sample-map.json has no first step");
    assert.ok(state.sample.releases?.[0], "assets/sample-map.json has no release");
    assert.ok(Array.isArray(state.sample.stories), "assets/sample-map.json has no stories array");
    state.dataDir = makeTempDir("storymap-e2e-");
  });

  after(async () => {
    if (state.session) await state.session.close().catch(() => {});
    removeDir(state.dataDir);
  });

  step("1. first start on an empty data dir shows the sample map", async (t) => {
    const { sample } = state;
    state.session = await openApp({ dataDir: state.dataDir, label: "first-start" });
    const map = await readMap(state.session.browser);

    assert.equal(map.mapName, sample.map.name, "map name shown ≠ map.name of assets/sample-map.json");
    assert.deepEqual(
      map.activities.map((a) => a.title),
      sample.activities.map((a) => a.title),
      "activity titles shown (in order) ≠ the sample file's",
    );
    assert.deepEqual(
      map.steps.map((s) => s.title),
      sample.activities.flatMap((a) => a.steps.map((s) => s.title)),
      "step titles shown (in order) ≠ the sample file's",
    );
    assert.equal(
      map.cards.length,
      sample.stories.length,
      "number of story cards shown ≠ stories.length in the sample file",
    );

    const shot = await screenshot("sample-map.png");
    const spread = imageSpread(shot);
    t.diagnostic(`screenshot ${shot} (pixel spread ${spread.toFixed(3)})`);
    assert.ok(spread > 0.01, `${shot} is one flat colour: the window drew nothing`);
  });

  step("2. a story added in the first cell appears as a card", async () => {
    const { browser } = state.session;
    const map = await readMap(browser);

    // First step of the first activity × first release (ids as stored: the sample's may
    // have been regenerated on import, so they are read from the window).
    const firstStep = map.activities[0]?.stepIds[0] ?? map.steps[0]?.id;
    assert.ok(firstStep, "no [data-testid=step] with a data-step-id in the window");
    assert.equal(
      map.steps.find((s) => s.id === firstStep)?.title,
      state.sample.activities[0].steps[0].title,
      "the first step shown is not the sample's first step",
    );
    const firstRelease = map.releaseIds[0];
    assert.ok(firstRelease, "no [data-testid=release] with a data-release-id in the window");
    state.firstStepId = firstStep;
    state.firstReleaseId = firstRelease;

    const cell = cellSelector(firstStep, firstRelease);
    await browser.$(cell).waitForExist({ timeout: UI_TIMEOUT_MS, timeoutMsg: `no cell ${cell}` });
    await clickElement(browser, browser.$(`${cell} [data-testid="add-story"]`), `add-story in ${cell}`);

    let input = browser.$(`${cell} [data-testid="new-story-input"]`);
    if (!(await input.waitForExist({ timeout: 10_000 }).catch(() => false))) {
      input = browser.$('[data-testid="new-story-input"]'); // rendered outside the cell
    }
    await input.waitForDisplayed({
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "[data-testid=new-story-input] did not appear after clicking add-story",
    });
    await input.setValue(state.storyTitle);
    assert.equal(await input.getValue(), state.storyTitle, "the new-story input lost typed text");
    await input.addValue(Key.Enter);

    await browser.waitUntil(
      async () =>
        (await readMap(browser)).cards.some(
          (c) =>
            c.title === state.storyTitle && c.stepId === firstStep && c.releaseId === firstRelease,
        ),
      {
        timeout: UI_TIMEOUT_MS,
        interval: 250,
        timeoutMsg: `no card titled "${state.storyTitle}" in ${cell} after pressing Enter`,
      },
    );
  });

  step("3. after a restart on the same data dir the story is still in its cell", async (t) => {
    await endSession(t);
    state.session = await openApp({ dataDir: state.dataDir, label: "restart" });
    const map = await readMap(state.session.browser);

    const matches = map.cards.filter((c) => c.title === state.storyTitle);
    assert.equal(matches.length, 1, `expected one card "${state.storyTitle}" after restart`);
    assert.deepEqual(
      { stepId: matches[0].stepId, releaseId: matches[0].releaseId },
      { stepId: state.firstStepId, releaseId: state.firstReleaseId },
      "the story came back in another cell",
    );
    assert.equal(map.cards.length, state.sample.stories.length + 1, "card count after restart");
    state.titlesAfterRestart = cardsInDisplayOrder(map).map((c) => c.title);
    await endSession(t);
  });

  step("4. the CLI exports the story from the same data dir", async () => {
    const stdout = runCli([
      "--data-dir",
      state.dataDir,
      "export",
      "json",
      "--map",
      state.sample.map.name,
    ]);
    let exported;
    try {
      exported = JSON.parse(stdout);
    } catch (error) {
      assert.fail(`storymap export json printed no JSON (${error.message}): ${stdout.slice(0, 500)}`);
    }

    const story = exported.stories?.find((s) => s.title === state.storyTitle);
    assert.ok(story, `"${state.storyTitle}" is not in the exported stories`);
    const exportedFirstStep = exported.activities?.[0]?.steps?.[0]?.id;
    assert.equal(exportedFirstStep, state.firstStepId, "export's first step id ≠ the window's");
    assert.equal(story.stepId, state.firstStepId, "exported story is not on the first step");
    assert.equal(story.releaseId, state.firstReleaseId, "exported story is not in the first release");
    assert.deepEqual(
      exported.stories.map((s) => s.title),
      state.titlesAfterRestart,
      "story titles in the export (in order) ≠ the cards shown in the window (display order)",
    );
  });
});
