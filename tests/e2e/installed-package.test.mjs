// The installed package, as a POPM gets it: `scripts/package.sh --debug` builds the .deb,
// `scripts/test-package.sh` installs it with apt-get and runs this journey on the INSTALLED
// binary (STORYMAP_INSTALLED=1, STORYMAP_APP=/usr/bin/storymap-app) inside a D-Bus session,
// then removes the package. In the plain e2e run (no package installed) it is skipped.
//
// It checks: the package registered the .storymap type and put `storymap` on the PATH; the
// app starts on the sample map; About shows the version from Cargo.toml; a second launch
// with a .storymap file hands it to the running window (single instance), which previews it
// and adds it on confirmation, while the second process exits; a launch with a
// storymap://join?… invitation (what a click on one does) opens the join dialog filled in.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import {
  READY_TIMEOUT_MS,
  UI_TIMEOUT_MS,
  appBinary,
  clickElement,
  makeTempDir,
  openApp,
  preflight,
  removeDir,
  repoRoot,
  runJourney,
  screenshot,
} from "./support/harness.mjs";

const installed = process.env.STORYMAP_INSTALLED === "1";
const INSTALLED_CLI = "/usr/bin/storymap";

/** The version the package was built as: the app crate's, from its Cargo.toml. */
function cargoVersion() {
  const manifest = fs.readFileSync(path.join(repoRoot, "src-tauri/Cargo.toml"), "utf8");
  return /^version\s*=\s*"([^"]+)"/m.exec(manifest)?.[1];
}

function installedCli(args) {
  return execFileSync(INSTALLED_CLI, args, { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs the app a second time, as a file manager does; resolves with its exit code. */
function secondLaunch(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(appBinary, args, {
      env: { ...process.env, WEBKIT_DISABLE_DMABUF_RENDERER: "1", NO_AT_BRIDGE: "1" },
      stdio: "ignore",
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the second launch did not hand over its file and exit within 60 s"));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const text = (browser, testId) =>
  browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);

describe("the installed package", { skip: installed ? false : "no package installed (scripts/test-package.sh runs this)" }, () => {
  it("opens on the sample map, shows its version, and takes a file from a second launch", { timeout: READY_TIMEOUT_MS + 5 * 60_000 }, async (t) => {
    preflight();
    assert.equal(appBinary, "/usr/bin/storymap-app", "STORYMAP_APP names the installed binary");
    assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, "runs inside a D-Bus session (dbus-run-session)");
    const dataDir = makeTempDir("storymap-installed-");
    const otherDir = makeTempDir("storymap-teammate-");
    let session = null;
    try {
      await runJourney(t, "failure-installed-package.png", async (step) => {
        step("the package registered the file type and the command line");
        const globs = fs.readFileSync("/usr/share/mime/globs2", "utf8");
        assert.match(globs, /application\/x-storymap:\*\.storymap/);
        const desktop = fs.readFileSync("/usr/share/applications/Storymap.desktop", "utf8");
        assert.match(desktop, /^Exec=storymap-app %U$/m);
        assert.match(desktop, /^MimeType=application\/x-storymap/m);

        step("a teammate's map as a .storymap file, made with the installed CLI");
        installedCli(["--data-dir", otherDir, "map", "create", "Warehouse returns"]);
        const file = path.join(otherDir, "Warehouse returns.storymap");
        installedCli(["--data-dir", otherDir, "export", "storymap", "--map", "Warehouse returns", "-o", file]);

        step("the installed app starts on the sample map");
        session = await openApp({ dataDir, label: "installed" });
        const { browser } = session;
        assert.equal(await text(browser, "map-name"), "Online grocery shop");

        step("About shows the version from Cargo.toml");
        await clickElement(browser, await browser.$('[data-testid="map-switcher"]'), "the map switcher");
        await clickElement(browser, await browser.$('[data-testid="about"]'), "About Storymap");
        await browser.$('[data-testid="about-version"]').waitForExist({ timeout: UI_TIMEOUT_MS });
        assert.equal(await text(browser, "about-version"), `Version ${cargoVersion()}`);
        assert.equal(await text(browser, "about-data-dir"), dataDir);
        await screenshot("installed-about.png");
        await browser.keys("Escape");
        await browser.$('[data-testid="about-dialog"]').waitForExist({ reverse: true, timeout: UI_TIMEOUT_MS });

        step("a second launch with the file hands it over and exits");
        const code = await secondLaunch(["--data-dir", dataDir, file]);
        assert.equal(code, 0);

        step("the running window previews the file, then adds the map");
        const dialog = await browser.$('[data-testid="open-file-dialog"]');
        await dialog.waitForExist({ timeout: UI_TIMEOUT_MS, timeoutMsg: "the first window never showed the file's preview" });
        assert.equal(await text(browser, "open-file-map"), "Warehouse returns");
        assert.equal(await text(browser, "open-file-stories"), "0 stories");
        await screenshot("installed-open-file.png");
        await clickElement(browser, await browser.$('[data-testid="open-file-confirm"]'), "Add the map");
        await browser.waitUntil(async () => (await text(browser, "map-name")) === "Warehouse returns", {
          timeout: UI_TIMEOUT_MS,
          timeoutMsg: "the added map never opened",
        });

        step("a click on an invitation link (a launch with it) offers to join, filled in");
        const shareUrl = installedCli(["--data-dir", otherDir, "share", "--map", "Warehouse returns"]).trim().split(/\s+/).at(-1);
        assert.match(shareUrl, /^automerge:/);
        const server = "wss://sync.example.org";
        const invitation = `storymap://join?map=${encodeURIComponent(shareUrl)}&server=${encodeURIComponent(server)}`;
        assert.equal(await secondLaunch([invitation]), 0);
        await browser.$('[data-testid="join-dialog"]').waitForExist({ timeout: UI_TIMEOUT_MS, timeoutMsg: "no join dialog for the invitation" });
        const fields = await browser.execute(() => ({
          url: document.querySelector('[data-testid="join-url"]')?.value,
          server: document.querySelector('[data-testid="join-server"]')?.value,
        }));
        assert.deepEqual(fields, { url: shareUrl, server });
        await screenshot("installed-invitation.png");
      });
    } finally {
      if (session) await session.close().catch(() => {});
      removeDir(dataDir);
      removeDir(otherDir);
    }
  });
});
