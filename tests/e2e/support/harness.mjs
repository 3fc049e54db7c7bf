// Drives the real Storymap window: tauri-driver (one per app session, on free ports, in its
// own process group so that it, WebKitWebDriver and the app all go away together), a
// WebdriverIO session, DOM reads, the CLI, and screenshots of the Xvfb display.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The app under test; perf scripts point STORYMAP_APP at a release build. */
export const appBinary = path.resolve(repoRoot, process.env.STORYMAP_APP ?? "target/debug/storymap-app");
export const cliBinary = path.join(repoRoot, "target/debug/storymap");
export const artifactsDir = path.join(repoRoot, "tests/e2e/artifacts");
export const sampleMapPath = path.join(repoRoot, "assets/sample-map.json");

const NATIVE_DRIVER = "/usr/bin/WebKitWebDriver";
const IMPORT = "/usr/bin/import"; // ImageMagick; /usr/local/bin/convert may be a stand-in
const CONVERT = "/usr/bin/convert";
const GUI_ENV = { WEBKIT_DISABLE_DMABUF_RENDERER: "1", NO_AT_BRIDGE: "1" };

/** Generous waits: a cold WebKit start under Xvfb on 2 busy cores can take a while. */
export const READY_TIMEOUT_MS = 90_000;
export const UI_TIMEOUT_MS = 30_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects if `promise` takes longer than `ms`; never keeps the process alive itself. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------
// Preflight

function findTauriDriver() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  dirs.push(path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo"), "bin"));
  for (const dir of dirs) {
    const candidate = path.join(dir, "tauri-driver");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Throws one message listing everything that is missing, with the fix for each. */
export function preflight() {
  const problems = [];
  if (!process.env.DISPLAY) {
    problems.push(
      'DISPLAY is not set: run under Xvfb, e.g. xvfb-run -a -s "-screen 0 1920x1080x24" npm run test:e2e',
    );
  }
  for (const [file, fix] of [
    [appBinary, "cargo build -p storymap-app (after npm run build:ui)"],
    [cliBinary, "cargo build -p storymap-cli"],
    [NATIVE_DRIVER, "apt-get install webkit2gtk-driver (scripts/setup.sh)"],
    [IMPORT, "apt-get install imagemagick (scripts/setup.sh)"],
    [sampleMapPath, "the sample map asset is part of the repository"],
  ]) {
    if (!fs.existsSync(file)) problems.push(`${file} is missing: ${fix}`);
  }
  if (!findTauriDriver()) {
    problems.push("tauri-driver not found: bash scripts/setup.sh --with-test-tools");
  }
  if (problems.length) throw new Error(`e2e preflight failed:\n  - ${problems.join("\n  - ")}`);
  fs.mkdirSync(artifactsDir, { recursive: true });
}

// ---------------------------------------------------------------------------------------
// Processes

/** Process ids (not zombies) whose process group is `pgid`, read from /proc. */
function groupPids(pgid) {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ..." — comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid && fields[0] !== "Z") pids.push(Number(entry));
  }
  return pids;
}

function exeOf(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, "");
  } catch {
    return null;
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
}

async function waitUntilGone(pgid, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupPids(pgid).some(predicate)) return true;
    await sleep(200);
  }
  return !groupPids(pgid).some(predicate);
}

// Last resort when the test process ends abruptly: no app or driver outlives the run.
const liveGroups = new Set();
process.on("exit", () => {
  for (const pgid of liveGroups) killGroup(pgid, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    for (const pgid of liveGroups) killGroup(pgid, "SIGKILL");
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

function tail(file, chars = 2000) {
  try {
    const text = fs.readFileSync(file, "utf8");
    return text.length > chars ? `…${text.slice(-chars)}` : text;
  } catch {
    return "(no log)";
  }
}

/**
 * Starts tauri-driver on free ports and waits until it and its WebKitWebDriver accept connections.
 * `env` is added to its environment, which WebKitWebDriver and the app inherit.
 */
export async function startTauriDriver({ env = {}, label }) {
  const binary = findTauriDriver();
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const logFile = path.join(artifactsDir, `tauri-driver-${label}.log`);
  const log = fs.openSync(logFile, "w");
  const args = ["--port", String(port), "--native-port", String(nativePort)];
  args.push("--native-driver", NATIVE_DRIVER);
  const child = spawn(binary, args, {
    env: { ...process.env, ...GUI_ENV, ...env },
    stdio: ["ignore", log, log],
    detached: true, // its own process group: WebKitWebDriver and the app join it
  });
  fs.closeSync(log);
  const pgid = child.pid;
  liveGroups.add(pgid);
  let exited = null;
  child.once("exit", (code, signal) => (exited = signal ?? code));

  const stop = async () => {
    if (!liveGroups.has(pgid)) return;
    killGroup(pgid, "SIGTERM");
    if (!(await waitUntilGone(pgid, () => true, 10_000))) killGroup(pgid, "SIGKILL");
    await waitUntilGone(pgid, () => true, 5_000);
    liveGroups.delete(pgid);
  };

  // Both must listen: tauri-driver accepts a session before its WebKitWebDriver child is
  // ready, and then fails it with "connection refused" (seen once in a CI run).
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port)) || !(await canConnect(nativePort))) {
    if (exited !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `tauri-driver did not start listening on ports ${port} and ${nativePort} ` +
          `(${exited !== null ? `exited: ${exited}` : "timed out after 30 s"}); log ${logFile}:\n` +
          tail(logFile),
      );
    }
    await sleep(100);
  }
  return { port, pgid, logFile, stop };
}

// ---------------------------------------------------------------------------------------
// App sessions

/**
 * Starts the app on `dataDir` in a new WebDriver session and waits for the first map.
 * The data dir goes both as `--data-dir` (tauri:options.args, which tauri-driver 2.x
 * forwards to WebKitWebDriver as webkitgtk:browserOptions.args) and as STORYMAP_DATA_DIR
 * in the environment, so a dropped argument can never open the user's real data.
 */
/** Starts the app on `dataDir`; waits for the map, or for `readySelector` when given. */
export async function openApp({ dataDir, label, readySelector = '[data-ready="true"]' }) {
  const driver = await startTauriDriver({ env: { STORYMAP_DATA_DIR: dataDir }, label });
  let browser;
  try {
    browser = await remote({
      hostname: "127.0.0.1",
      port: driver.port,
      path: "/",
      logLevel: process.env.E2E_WDIO_LOG_LEVEL ?? "error",
      connectionRetryTimeout: 120_000,
      connectionRetryCount: 0, // a retried POST /session would start a second app
      waitforTimeout: UI_TIMEOUT_MS,
      capabilities: {
        browserName: "wry",
        // WebKitWebDriver speaks classic WebDriver; don't ask for a BiDi socket.
        "wdio:enforceWebDriverClassic": true,
        "tauri:options": { application: appBinary, args: ["--data-dir", dataDir] },
      },
    });
  } catch (error) {
    await driver.stop();
    throw new Error(
      `could not open a WebDriver session on the app: ${error.message}\n` +
        `tauri-driver log (${driver.logFile}):\n${tail(driver.logFile)}`,
    );
  }

  const session = {
    browser,
    driver,
    /** Ends the WebDriver session, waits for the app to quit, stops the driver. */
    async close() {
      let quit = false;
      try {
        await withTimeout(browser.deleteSession(), 30_000, "ending the WebDriver session");
        quit = await waitUntilGone(driver.pgid, (pid) => exeOf(pid) === appBinary, 15_000);
      } finally {
        await driver.stop();
      }
      return { appQuitBySessionEnd: quit };
    },
  };

  try {
    await waitForReady(browser, readySelector);
  } catch (error) {
    await screenshot(`not-ready-${label}.png`).catch(() => {});
    await session.close().catch(() => {});
    throw error;
  }
  return session;
}

async function waitForReady(browser, selector) {
  try {
    await browser.$(selector).waitForExist({ timeout: READY_TIMEOUT_MS });
  } catch {
    const page = await browser
      .execute(() => ({
        url: location.href,
        title: document.title,
        body: (document.body?.innerText ?? "").slice(0, 600),
      }))
      .catch((error) => ({ error: error.message }));
    throw new Error(
      `the app never showed ${selector} within ${READY_TIMEOUT_MS / 1000} s; ` +
        `page: ${JSON.stringify(page)}`,
    );
  }
}

/**
 * Everything the journey compares, read in one round trip. Texts are textContent (not
 * WebDriver's rendered text, which CSS text-transform would change), or the value of an
 * input if a title is being edited in place.
 */
export async function readMap(browser) {
  return browser.execute(() => {
    const text = (el) => {
      if (!el) return null;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value.trim();
      return (el.textContent ?? "").trim();
    };
    const all = (selector, root = document) => Array.from(root.querySelectorAll(selector));
    return {
      mapName: text(document.querySelector('[data-testid="map-name"]')),
      activities: all('[data-testid="activity"]').map((activity) => ({
        title: text(activity.querySelector('[data-testid="activity-title"]')),
        stepIds: all('[data-testid="step"]', activity).map((s) => s.getAttribute("data-step-id")),
      })),
      steps: all('[data-testid="step"]').map((step) => ({
        id: step.getAttribute("data-step-id"),
        title: text(step.querySelector('[data-testid="step-title"]')),
      })),
      releaseIds: all('[data-testid="release"]').map((r) => r.getAttribute("data-release-id")),
      cards: all('[data-testid="story-card"]').map((card) => {
        const cell = card.closest('[data-testid="cell"]');
        return {
          id: card.getAttribute("data-story-id"),
          title: text(card.querySelector('[data-testid="story-title"]')),
          stepId: cell?.getAttribute("data-step-id") ?? null,
          releaseId: cell?.getAttribute("data-release-id") ?? null,
        };
      }),
    };
  });
}

/**
 * Runs a journey that names its stages with `step(name)` (reported as test diagnostics);
 * a failure says which stage failed and screenshots the screen as `failureShot`.
 */
export async function runJourney(t, failureShot, journey) {
  let stage = "start";
  const step = (name) => {
    stage = name;
    t.diagnostic(name);
    // E2E_TRACE=1 prints each stage as it starts, for a journey that hangs.
    if (process.env.E2E_TRACE) console.error(`[${new Date().toISOString()}] ${name}`);
  };
  try {
    await journey(step);
  } catch (error) {
    const shot = await screenshot(failureShot).catch(() => null);
    throw new Error(`failed at "${stage}" (screen: ${shot}): ${error.message}`, { cause: error });
  }
}

/** Waits until the map the window shows satisfies `predicate`, and returns it. */
export async function waitForMap(browser, predicate, what) {
  await browser.waitUntil(async () => predicate(await readMap(browser)), {
    timeout: UI_TIMEOUT_MS,
    interval: 150,
    timeoutMsg: `the window never showed ${what}`,
  });
  return readMap(browser);
}

/**
 * Cards in the map's display order — by step (activity-major, as the steps appear), then
 * release, then position in the cell — whatever the DOM layout (rows per release or
 * columns per step). This is the order `storymap export json` lists stories in.
 */
export function cardsInDisplayOrder(map) {
  const stepIndex = new Map(map.steps.map((s, i) => [s.id, i]));
  const releaseIndex = new Map(map.releaseIds.map((id, i) => [id, i]));
  const rank = (index, id) => (index.has(id) ? index.get(id) : Number.MAX_SAFE_INTEGER);
  return map.cards
    .map((card, domIndex) => ({ card, domIndex }))
    .sort(
      (a, b) =>
        rank(stepIndex, a.card.stepId) - rank(stepIndex, b.card.stepId) ||
        rank(releaseIndex, a.card.releaseId) - rank(releaseIndex, b.card.releaseId) ||
        a.domIndex - b.domIndex,
    )
    .map(({ card }) => card);
}

export const cellSelector = (stepId, releaseId) =>
  `[data-testid="cell"][data-step-id="${stepId}"][data-release-id="${releaseId}"]`;

/**
 * Clicks like a person (hover first, since per-cell buttons may only show on hover); falls
 * back to a DOM click if WebDriver deems the element not interactable.
 */
export async function clickElement(browser, element, describe) {
  await element.waitForExist({ timeout: UI_TIMEOUT_MS, timeoutMsg: `${describe} not found` });
  await element.scrollIntoView({ block: "center" }).catch(() => {});
  await element.moveTo().catch(() => {});
  try {
    await element.click();
    return "webdriver";
  } catch (error) {
    if (!/interactable|intercept|not clickable|obscured/i.test(error.message)) throw error;
    await browser.execute((el) => el.click(), element);
    return "dom";
  }
}

// ---------------------------------------------------------------------------------------
// Outside the window

/** Screenshot of the whole Xvfb screen (WebDriver's own screenshot hangs with WebKitWebDriver). */
export async function screenshot(name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, name);
  await sleep(500); // let the last frame paint
  execFileSync(IMPORT, ["-window", "root", file], { timeout: 30_000, stdio: "pipe" });
  return file;
}

/** Standard deviation of the image's pixels (0 = one flat colour: nothing was drawn). */
export function imageSpread(file) {
  const out = execFileSync(CONVERT, [file, "-format", "%[fx:standard_deviation]", "info:"], {
    timeout: 30_000,
    encoding: "utf8",
  });
  return Number(out.trim());
}

/** Runs the storymap CLI; returns stdout, or throws with its stderr. */
export function runCli(args) {
  try {
    return execFileSync(cliBinary, args, {
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    throw new Error(
      `storymap ${args.join(" ")} failed (${error.status ?? error.signal ?? error.code}):\n` +
        `${error.stderr ?? ""}${error.stdout ? `\nstdout: ${error.stdout.slice(0, 2000)}` : ""}`,
    );
  }
}

export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir) {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** The centre of an element in viewport pixels, and its size. */
async function centreOf(browser, element) {
  return browser.execute((el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), width: r.width, height: r.height };
  }, element);
}

/**
 * Drags `source` onto `target` with real pointer actions, as a person does: press, move a
 * little (drag libraries wait for a few pixels before a drag starts), glide in steps,
 * hover, release. `edge` picks the drop point on the target: "top" or "left" (before it),
 * "centre", "bottom" or "right" (after it).
 */
export async function dragTo(browser, sourceQuery, targetQuery, { edge = "centre" } = {}) {
  const source = await sourceQuery;
  const target = await targetQuery;
  await source.waitForExist({ timeout: UI_TIMEOUT_MS });
  await target.waitForExist({ timeout: UI_TIMEOUT_MS });
  await browser.execute((el) => el.scrollIntoView({ block: "center", inline: "center" }), target);
  await browser.execute((el) => el.scrollIntoView({ block: "nearest", inline: "nearest" }), source);
  const from = await centreOf(browser, source);
  const to = await centreOf(browser, target);
  const dy = { top: -to.height / 4, bottom: to.height / 4 }[edge] ?? 0;
  const dx = { left: -to.width / 4, right: to.width / 4 }[edge] ?? 0;
  const end = { x: Math.round(to.x + dx), y: Math.round(to.y + dy) };
  // Both ends must be visible and not covered (say, by a sticky header) for a person to drag.
  const hits = await browser.execute(
    (s, t, a, b) => [s.contains(document.elementFromPoint(a.x, a.y)), t.contains(document.elementFromPoint(b.x, b.y))],
    source,
    target,
    from,
    end,
  );
  if (!hits[0] || !hits[1]) {
    throw new Error(`drag ends are not both reachable: from ${JSON.stringify(from)} to ${JSON.stringify(end)} (hits ${hits})`);
  }
  let action = browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ x: from.x, y: from.y })
    .down({ button: 0 })
    .pause(120)
    .move({ x: from.x + 6, y: from.y + 6, duration: 80 });
  const steps = 8;
  for (let i = 1; i <= steps; i += 1) {
    action = action.move({
      x: Math.round(from.x + ((end.x - from.x) * i) / steps),
      y: Math.round(from.y + ((end.y - from.y) * i) / steps),
      duration: 40,
    });
  }
  await action.pause(200).up({ button: 0 }).perform();
}

/** Waits until every edit the window sent has been answered. */
export async function waitForQuiet(browser) {
  await browser.$('[data-pending-edits="0"]').waitForExist({
    timeout: UI_TIMEOUT_MS,
    timeoutMsg: "edits were still pending",
  });
}
