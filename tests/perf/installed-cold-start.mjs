// Cold start of the INSTALLED app to the drawn map, over a few runs, each on a fresh data
// directory (so the sample map is imported, as on a first start). Not part of the suite.
//   sudo apt-get install ./target/release/bundle/deb/Storymap_*.deb
//   STORYMAP_APP=/usr/bin/storymap-app xvfb-run -a -s "-screen 0 1920x1080x24" node tests/perf/installed-cold-start.mjs [runs]
// The time includes starting tauri-driver and WebKitWebDriver (a few hundred ms here).
import { makeTempDir, openApp, preflight, removeDir } from "../e2e/support/harness.mjs";

const runs = Number(process.argv[2] ?? 5);
preflight();
const times = [];
for (let run = 0; run < runs; run += 1) {
  const dataDir = makeTempDir("storymap-cold-");
  const started = performance.now();
  const session = await openApp({ dataDir, label: `cold-${run}` });
  times.push(performance.now() - started);
  await session.close();
  removeDir(dataDir);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`cold start to the drawn sample map, ${runs} runs: median ${(median / 1000).toFixed(2)} s; all ${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s`);
