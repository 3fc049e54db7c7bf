// Steps on the map done as a person does them in the window.
import { Key } from "webdriverio";
import { UI_TIMEOUT_MS } from "./harness.mjs";

/** Double-clicks a title, replaces the text with the keyboard as a person would, presses Enter. */
export async function renameByDoubleClick(browser, title, text) {
  await title.doubleClick();
  const input = browser.$('[data-testid="inline-input"]');
  await input.waitForDisplayed({ timeout: UI_TIMEOUT_MS, timeoutMsg: "double-clicking the title opened no input" });
  await browser.keys([Key.Ctrl, "a"]);
  await browser.keys(text);
  await browser.keys(Key.Enter);
}
