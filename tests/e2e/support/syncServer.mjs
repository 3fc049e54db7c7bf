// The real npm sync server (@automerge/automerge-repo-sync-server), started for a test on
// 127.0.0.1 and a free port; tests/sync/loopback.cjs pins its listen() to loopback.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./harness.mjs";

const ENTRY = path.join(repoRoot, "node_modules/@automerge/automerge-repo-sync-server/src/index.js");

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server; resolves once it listens. `stop()` kills it and removes its data. */
export async function startSyncServer() {
  if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm ci`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "storymap-sync-server-"));
  const child = spawn(process.execPath, ["--require", path.join(repoRoot, "tests/sync/loopback.cjs"), ENTRY], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: path.join(dataDir, "store") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the sync server did not start within 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`the sync server exited (${code})`)));
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("Listening on port")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    stop() {
      child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
