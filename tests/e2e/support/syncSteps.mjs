// Steps of the sync journeys done as a person does them in the window.
import assert from "node:assert/strict";
import { UI_TIMEOUT_MS, clickElement } from "./harness.mjs";

export const pillState = (browser) => browser.$('[data-testid="sync-status"]').getAttribute("data-state");

export async function waitForPill(browser, state) {
  await browser.waitUntil(async () => (await pillState(browser)) === state, {
    timeout: UI_TIMEOUT_MS,
    timeoutMsg: `the sync pill never showed ${state}`,
  });
}

/** Share & sync: name, server, switch on, save; waits for "up to date"; returns the link. */
export async function turnSyncOn(browser, { name, server, screenshotAs = null, screenshot }) {
  await clickElement(browser, browser.$('[data-testid="sync-status"]'), "the sync pill");
  await browser.$('[data-testid="sync-dialog"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
  const nameField = browser.$('[data-testid="sync-display-name"]');
  await nameField.clearValue();
  await nameField.setValue(name);
  await browser.$('[data-testid="sync-server-url"]').setValue(server);
  await clickElement(browser, browser.$('[data-testid="sync-enabled"]'), "the sync switch");
  await clickElement(browser, browser.$('[data-testid="sync-save"]'), "Save");
  await waitForPill(browser, "upToDate");

  // The link to send to teammates, from the dialog as the POPM copies it.
  await clickElement(browser, browser.$('[data-testid="sync-status"]'), "the sync pill");
  await browser.$('[data-testid="sync-share-url"]').waitForDisplayed({ timeout: UI_TIMEOUT_MS });
  const link = await browser.$('[data-testid="sync-share-url"]').getValue();
  assert.match(link, /^automerge:[1-9A-HJ-NP-Za-km-z]+$/);
  if (screenshotAs) await screenshot(screenshotAs);
  await browser.keys("Escape");
  return link;
}
