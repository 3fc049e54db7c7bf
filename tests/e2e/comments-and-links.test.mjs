// Comments and links on a story in the real window: open a story, comment with an @mention
// (highlighted in the thread, counted on the card), add a link and click it. The link goes
// to the system's opener (a stand-in `xdg-open` on PATH records the URL), never into the
// window: the app's own URL is unchanged. Then `storymap export json` carries both.
// Screenshot of the thread.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
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
  waitForQuiet,
} from "./support/harness.mjs";

const STORY = "sample-story-06"; // "Search by recipe"
const URL = "https://example.com/wireframes/search-by-recipe";

describe("comments and links", { timeout: READY_TIMEOUT_MS + 3 * 60_000 }, () => {
  let dataDir;
  let opener;
  let session;
  const path0 = process.env.PATH;

  before(() => {
    preflight();
    dataDir = makeTempDir("storymap-e2e-comments-");
    // The system opener, stood in for: it records what it was asked to open, and opens nothing.
    opener = makeTempDir("storymap-e2e-opener-");
    const script = path.join(opener, "xdg-open");
    fs.writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> "${opener}/opened.txt"\n`, { mode: 0o755 });
    process.env.PATH = `${opener}${path.delimiter}${path0}`;
  });

  after(async () => {
    if (session) await session.close().catch(() => {});
    process.env.PATH = path0;
    removeDir(dataDir);
    removeDir(opener);
  });

  it("comment with a mention, count on the card, a link opened outside the window", (t) =>
    runJourney(t, "comments-failure.png", journey));

  async function journey(step) {
    step("open the story");
    session = await openApp({ dataDir, label: "comments" });
    const { browser } = session;
    const appUrl = await browser.getUrl();
    const card = browser.$(`[data-testid="story-card"][data-story-id="${STORY}"]`);
    assert.equal(await card.$('[data-testid="comment-count"]').isExisting(), false, "no comments yet");
    await clickElement(browser, card.$('[data-testid="open-story"]'), "the card's Details button");
    await browser.$('[data-testid="story-panel"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });

    step("comment with a mention");
    const input = browser.$('[data-testid="comment-input"]');
    await clickElement(browser, input, "the comment box");
    await input.setValue("@Sam can you share the recipe wireframe before Thursday?");
    await clickElement(browser, browser.$('[data-testid="comment-send"]'), "Comment");
    const mention = browser.$('[data-testid="comment-thread"] [data-testid="mention"]');
    await mention.waitForExist({ timeout: UI_TIMEOUT_MS, timeoutMsg: "the comment never showed with its mention" });
    assert.equal(await mention.getText(), "@Sam");
    await browser.waitUntil(async () => (await card.$('[data-testid="comment-count"]').getText()) === "1", {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the card never counted the comment",
    });
    const second = "Agreed with UX: one list per recipe, quantities editable.";
    await input.setValue(second);
    await clickElement(browser, browser.$('[data-testid="comment-send"]'), "Comment");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="comment"]').length) === 2, {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the second comment never showed",
    });

    step("add a link");
    await browser.$('[data-testid="link-title-input"]').setValue("Recipe search wireframe");
    await browser.$('[data-testid="link-url-input"]').setValue(URL);
    await clickElement(browser, browser.$('[data-testid="link-add"]'), "Add link");
    const link = browser.$('[data-testid="story-link"] .link-open');
    // Read from the DOM: WebKitWebDriver's element text came back empty for this button.
    const linkText = () => browser.execute(() => document.querySelector('[data-testid="story-link"] .link-open')?.textContent ?? null);
    await browser.waitUntil(async () => (await linkText()) === "Recipe search wireframe", {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the link never showed by its title (not its URL)",
    });
    await waitForQuiet(browser);
    await browser.execute(() => {
      document.querySelector('[data-testid="comment-thread"]')?.scrollIntoView({ block: "center" });
    });
    await screenshot("comments-thread.png");

    step("click the link: the system opens it, the window stays");
    await clickElement(browser, link, "the link");
    const opened = path.join(opener, "opened.txt");
    await browser.waitUntil(() => fs.existsSync(opened), {
      timeout: UI_TIMEOUT_MS,
      timeoutMsg: "the system opener was never asked to open the link",
    });
    assert.equal(fs.readFileSync(opened, "utf8").trim(), URL);
    assert.equal(await browser.getUrl(), appUrl, "the window did not navigate");
    assert.ok(await browser.$('[data-testid="story-panel"]').isDisplayed(), "the app is still there");

    step("the JSON export carries both");
    await session.close();
    session = null;
    const exported = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", "Online grocery shop"]));
    const story = exported.stories.find((s) => s.id === STORY);
    assert.deepEqual(
      story.comments.map((c) => c.text),
      ["@Sam can you share the recipe wireframe before Thursday?", second],
    );
    assert.deepEqual(story.links.map((l) => [l.title, l.url]), [["Recipe search wireframe", URL]]);
  }
});
