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

function spawnServer(port, dataDir) {
  const child = spawn(process.execPath, ["--require", path.join(repoRoot, "tests/sync/loopback.cjs"), ENTRY], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: path.join(dataDir, "store") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the sync server did not start within 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`the sync server exited (${code})`)));
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("Listening on port")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, listening };
}

/**
 * Starts the server; resolves once it listens. `kill()` stops it keeping its data,
 * `restart()` starts it again on the same port, `stop()` kills it and removes its data.
 */
export async function startSyncServer() {
  if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm ci`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "storymap-sync-server-"));
  let server = spawnServer(port, dataDir);
  await server.listening;
  const kill = async () => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill();
    await exited;
  };
  return {
    url: `ws://127.0.0.1:${port}`,
    kill,
    async restart() {
      await kill();
      server = spawnServer(port, dataDir);
      await server.listening;
    },
    stop() {
      server.child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
