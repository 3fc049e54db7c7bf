// Two people disagree and the POPM settles it in the real window: Ana's app syncs with the
// real npm sync server; the server goes down, Ana renames a card in the window while Ben
// (the CLI, his own data directory) renames the same card offline; the server comes back,
// Ana's app reconnects by itself, Ben syncs. The card shows "2 versions", the conflicts
// panel shows both titles with their authors, Ana keeps hers in one click, and Ben's next
// sync agrees. "What changed" lists Ben's rename by name.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
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
  waitForMap,
} from "./support/harness.mjs";
import { renameByDoubleClick } from "./support/mapSteps.mjs";
import { startSyncServer } from "./support/syncServer.mjs";
import { turnSyncOn, waitForPill } from "./support/syncSteps.mjs";

const CARD = "sample-story-06"; // "Search by recipe"
const cardOf = (browser) => browser.$(`[data-testid="story-card"][data-story-id="${CARD}"]`);

describe("resolve a conflict", { timeout: READY_TIMEOUT_MS + 5 * 60_000 }, () => {
  let ana;
  let ben;
  let server;
  let session;

  before(async () => {
    preflight();
    ana = makeTempDir("storymap-e2e-conflict-ana-");
    ben = makeTempDir("storymap-e2e-conflict-ben-");
    server = await startSyncServer();
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    server?.stop();
    removeDir(ana);
    removeDir(ben);
  });

  it("both rename one card offline; the window shows both and keeps Ana's", (t) =>
    runJourney(t, "conflict-failure.png", journey));

  async function journey(step) {
    step("Ana shares the map, Ben joins");
    session = await openApp({ dataDir: ana, label: "conflict" });
    const { browser } = session;
    const link = await turnSyncOn(browser, { name: "Ana", server: server.url, screenshot });
    const mapId = runCli(["--data-dir", ben, "--name", "Ben", "join", link, "--server", server.url]).split(/\s+/)[0];
    const storyId = (title) =>
      JSON.parse(runCli(["--data-dir", ben, "export", "json", "--map", mapId])).stories.find((s) => s.title === title)?.id;
    const benCard = storyId("Search by recipe");
    assert.ok(benCard, "Ben has the card");

    step("the server goes down; the pill says offline");
    await server.kill();
    await waitForPill(browser, "offline");

    step("both rename the card while offline");
    await renameByDoubleClick(browser, cardOf(browser).$('[data-testid="story-title"]'), "Find recipes by ingredient");
    await waitForMap(browser, (map) => map.cards.some((c) => c.title === "Find recipes by ingredient"), "Ana's title");
    runCli(["--data-dir", ben, "--name", "Ben", "story", "rename", "--map", mapId, "--story", benCard, "--title", "Recipe search"]);

    step("the server is back: the app reconnects by itself, Ben syncs");
    await server.restart();
    await waitForPill(browser, "upToDate");
    runCli(["--data-dir", ben, "sync", "--map", mapId, "--server", server.url, "--once"]);

    step("the card shows two versions");
    await cardOf(browser).$('[data-testid="conflict-badge"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    assert.equal(await cardOf(browser).getAttribute("data-conflicted"), "true");

    step("the conflicts panel shows both titles with their authors");
    await clickElement(browser, browser.$('[data-testid="conflicts-button"]'), "the conflicts button");
    const conflict = browser.$(`[data-testid="conflict"][data-story-id="${CARD}"][data-field="title"]`);
    await conflict.waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    const text = await conflict.getText();
    for (const expected of ["Find recipes by ingredient", "Ana", "Recipe search", "Ben"]) {
      assert.ok(text.includes(expected), `the conflict shows ${expected}: ${text}`);
    }
    await screenshot("conflict-panel.png");

    step("Ana keeps her title in one click");
    const keep = await conflict.$$('[data-testid="keep-value"]');
    let kept = false;
    for (const button of keep) {
      const row = await button.parentElement();
      if ((await row.getText()).includes("Find recipes by ingredient")) {
        await clickElement(browser, button, "Keep this (Ana's title)");
        kept = true;
        break;
      }
    }
    assert.ok(kept, "a Keep this button for Ana's title");
    await conflict.waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });
    await cardOf(browser).$('[data-testid="conflict-badge"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });
    await browser.keys("Escape");

    step("Ben's next sync agrees: one title, no conflict");
    await waitForPill(browser, "upToDate");
    runCli(["--data-dir", ben, "sync", "--map", mapId, "--server", server.url, "--once"]);
    assert.equal(runCli(["--data-dir", ben, "conflicts", "--map", mapId]).trim(), "No conflicts");
    assert.ok(storyId("Find recipes by ingredient"), "Ben has Ana's title");

    step("What changed names Ben's rename");
    await clickElement(browser, browser.$('[data-testid="changes-button"]'), "What changed");
    await browser.$('[data-testid="changes-panel"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
    await clickElement(browser, browser.$('[data-testid="changes-since"][data-since="lastOpened"]'), "Since I last opened it");
    await browser.waitUntil(
      async () => (await browser.$(`[data-testid="changes-story"][data-story-id="${CARD}"]`).getText()).includes("Ben"),
      { timeout: UI_TIMEOUT_MS, timeoutMsg: "What changed never named Ben on the card" },
    );
    await screenshot("what-changed.png");
  }
});
