// The story map at the scale issue #3 asks for — 60 steps × 8 slices, 2,000 cards — in the
// real window under Xvfb: time until the map is drawn, pointer drags (frame times while
// dragging; release → card drawn in its new place, after the backend answered), and frame
// times while scrolling, next to the same scroll on the 40-card sample map (the floor this
// machine's software repaint sets). Reports medians; the machine is shared and noisy, so
// read the figures as orders of magnitude. Not part of the test suite.
//
//   npm run build:ui && cargo build -p storymap-app -p storymap-cli
//   xvfb-run -a -s "-screen 0 1440x900x24" node tests/perf/large-map-ui.mjs
//
// STORYMAP_APP=target/release/storymap-app measures a release build instead.
import fs from "node:fs";
import path from "node:path";
import {
  dragTo,
  makeTempDir,
  openApp,
  preflight,
  readMap,
  removeDir,
  runCli,
  waitForQuiet,
} from "../e2e/support/harness.mjs";

const ACTIVITIES = 12;
const STEPS_PER_ACTIVITY = 5;
const RELEASES = 8;
const STORIES = 2000;
const DRAGS = 7;
const STATUSES = ["idea", "draft", "refining", "ready", "inSprint", "done"];
const POINTS = ["1", "2", "3", "5", "8", "13", null];

function largeMapJson() {
  const activities = Array.from({ length: ACTIVITIES }, (_, a) => ({
    id: `act-${a}`,
    title: `Activity ${a + 1}`,
    rank: "",
    steps: Array.from({ length: STEPS_PER_ACTIVITY }, (_, s) => ({ id: `step-${a}-${s}`, title: `Step ${a + 1}.${s + 1}`, rank: "" })),
  }));
  const steps = activities.flatMap((a) => a.steps.map((s) => ({ ...s, activityId: a.id })));
  const releases = Array.from({ length: RELEASES }, (_, r) => ({ id: `rel-${r}`, title: r === 0 ? "MVP" : `Release ${r + 1}`, rank: "" }));
  const stories = Array.from({ length: STORIES }, (_, i) => {
    const step = steps[i % steps.length];
    const release = releases[Math.floor(i / steps.length) % releases.length];
    return {
      id: `story-${i}`,
      title: `Story ${i + 1}: a user does something worth a card`,
      description: "",
      activityId: step.activityId,
      stepId: step.id,
      releaseId: release.id,
      rank: "",
      status: STATUSES[i % STATUSES.length],
      estimate: POINTS[i % POINTS.length],
      acceptanceCriteria: [],
    };
  });
  // The export format lists stories in display order: step, then slice.
  const stepIndex = new Map(steps.map((s, i) => [s.id, i]));
  stories.sort((x, y) => stepIndex.get(x.stepId) - stepIndex.get(y.stepId) || x.releaseId.localeCompare(y.releaseId));
  return { schemaVersion: 1, map: { id: "large", name: "Large map" }, activities, releases, stories };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)];

/** Starts recording rAF intervals in the page, each tagged with whether a drag was on. */
async function startFrameLog(browser) {
  await browser.execute(() => {
    const log = { frames: [], on: true };
    window.__perfFrames = log;
    const dragging = () => document.querySelector('.map-grid[class*="is-dragging"]') !== null;
    let last = performance.now();
    let wasDragging = dragging();
    const tick = (now) => {
      const isDragging = dragging();
      log.frames.push({ ms: now - last, dragging: wasDragging && isDragging });
      last = now;
      wasDragging = isDragging;
      if (log.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameLog(browser) {
  return browser.execute(() => {
    const log = window.__perfFrames;
    log.on = false;
    return log.frames;
  });
}

/**
 * Scrolls the grid diagonally one step per frame, turning back at the edges so that every
 * frame scrolls, even on a map barely larger than the window; frame intervals (at most
 * 20 s of wall time) and how far the grid can scroll.
 */
async function scrollFrames(browser) {
  await browser.setTimeout({ script: 60_000 });
  return browser.executeAsync((done) => {
    const scroller = document.querySelector('[data-testid="map-scroll"]');
    scroller.scrollTo(0, 0);
    const room = { x: scroller.scrollWidth - scroller.clientWidth, y: scroller.scrollHeight - scroller.clientHeight };
    const step = { x: 60, y: 30 };
    const intervals = [];
    const start = performance.now();
    let last = start;
    let n = 0;
    const tick = (now) => {
      intervals.push(now - last);
      last = now;
      for (const axis of ["x", "y"]) {
        const at = axis === "x" ? scroller.scrollLeft : scroller.scrollTop;
        if (at + step[axis] > room[axis] || at + step[axis] < 0) step[axis] = -step[axis];
      }
      scroller.scrollBy(step.x, step.y);
      n += 1;
      if (n < 120 && now - start < 20_000) requestAnimationFrame(tick);
      else done({ intervals: intervals.slice(1), room });
    };
    requestAnimationFrame(tick);
  });
}

/** The scroll measurement on the sample map a fresh data dir opens. */
async function sampleScrollFrames() {
  const sampleDir = makeTempDir("storymap-perf-sample-");
  const sample = await openApp({ dataDir: sampleDir, label: "perf-sample" });
  try {
    const { cards } = await readMap(sample.browser);
    return { cards: cards.length, ...(await scrollFrames(sample.browser)) };
  } finally {
    await sample.close();
    removeDir(sampleDir);
  }
}

const round = (ms) => Math.round(ms * 10) / 10;

preflight();
const dataDir = makeTempDir("storymap-perf-large-");
const file = path.join(dataDir, "large-map.json");
fs.writeFileSync(file, JSON.stringify(largeMapJson()));
runCli(["--data-dir", dataDir, "map", "import", file]);
// A large map draws only the cells near view; the export shows all the cards are there.
const exported = JSON.parse(runCli(["--data-dir", dataDir, "export", "json", "--map", "Large map"]));
if (exported.stories.length !== STORIES) throw new Error(`expected ${STORIES} cards, the map has ${exported.stories.length}`);

const started = performance.now();
const session = await openApp({ dataDir, label: "perf-large" });
const drawnMs = performance.now() - started;
const { browser } = session;
let closed = false;
try {
  const map = await readMap(browser);
  if (map.cards.length === 0) throw new Error("the window shows no cards");
  const cardsDrawn = map.cards.length;

  // Drags between the first two steps' MVP cells, back and forth.
  const card = (id) => browser.$(`[data-testid="story-card"][data-story-id="${id}"]`);
  const inCell = (m, step, release) => m.cards.filter((c) => c.stepId === step && c.releaseId === release).map((c) => c.id);
  const drops = [];
  const dragFrames = [];
  const afterDropFrames = [];
  for (let i = 0; i < DRAGS; i += 1) {
    const before = await readMap(browser);
    const [from, to] = i % 2 === 0 ? ["step-0-0", "step-0-1"] : ["step-0-1", "step-0-0"];
    const moving = inCell(before, from, "rel-0")[0];
    const target = inCell(before, to, "rel-0")[0];
    await browser.execute(() => performance.clearMeasures("storymap:drop-to-drawn"));
    await startFrameLog(browser);
    await dragTo(browser, card(moving), card(target), { edge: "top" });
    await browser.waitUntil(async () => inCell(await readMap(browser), to, "rel-0")[0] === moving, {
      timeout: 30_000,
      timeoutMsg: `drag ${i + 1} did not land`,
    });
    await waitForQuiet(browser);
    const frames = await stopFrameLog(browser);
    const lastDragFrame = frames.findLastIndex((frame) => frame.dragging);
    dragFrames.push(...frames.filter((frame) => frame.dragging).map((frame) => frame.ms));
    // The frames that draw the drop: the optimistic move, then the backend's answer.
    afterDropFrames.push(...frames.slice(lastDragFrame + 1, lastDragFrame + 4).map((frame) => frame.ms));
    const [ms] = await browser.execute(() => performance.getEntriesByName("storymap:drop-to-drawn").map((e) => e.duration));
    drops.push(ms);
  }

  const { intervals: frames, room } = await scrollFrames(browser);
  closed = true;
  await session.close();
  const sample = await sampleScrollFrames();

  const report = {
    map: `${ACTIVITIES * STEPS_PER_ACTIVITY} steps × ${RELEASES} slices, ${STORIES} cards`,
    appStartToMapDrawnMs: Math.round(drawnMs),
    cardsDrawn,
    dragFrameMs: { median: round(median(dragFrames)), p95: round(percentile(dragFrames, 0.95)), frames: dragFrames.length },
    afterDropFrameMs: { max: round(Math.max(...afterDropFrames)), all: afterDropFrames.map(Math.round) },
    dropToDrawnMs: { median: round(median(drops)), all: drops.map((d) => Math.round(d)) },
    scrollFrameMs: { median: round(median(frames)), p95: round(percentile(frames, 0.95)), frames: frames.length, room },
    sampleScrollFrameMs: {
      cards: sample.cards,
      median: round(median(sample.intervals)),
      p95: round(percentile(sample.intervals, 0.95)),
      frames: sample.intervals.length,
      room: sample.room,
    },
    scrollRatioToSample: round(median(frames) / median(sample.intervals)),
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  if (!closed) await session.close();
  removeDir(dataDir);
}
