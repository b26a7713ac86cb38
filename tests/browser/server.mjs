// A server of its own for each test file, so files pass alone, in any order
// and side by side: the tests change the demo data (reviews moved, posts,
// accounts), and a fresh data directory per file means no file sees
// another's changes.
//
// `helpers.mjs` calls `serverUrl()` once per test file (node --test runs
// each file in its own process). With BASE_URL set, that server is used
// instead and nothing is started (then run the files one at a time: they
// share its data).
//
// Environment:
//   BASE_URL      a running app to use instead of starting one
//   BACKEND_BIN   the server binary (default: the debug build,
//                 $CARGO_TARGET_DIR or ./target, then debug/backend)
//   PUBLIC_DIR    the built app it serves (default ./dist)
//   TEST_SERVER_DEMO_DATA  0 for a fresh installation with no council and
//                 no demo people (setup.test.mjs sets it before importing
//                 helpers.mjs); default 1

import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** The data directory of the server this process started (null with BASE_URL). */
export let serverDataDir = null;

export function backendBinary() {
  if (process.env.BACKEND_BIN) return path.resolve(root, process.env.BACKEND_BIN);
  const target = path.resolve(root, process.env.CARGO_TARGET_DIR || 'target');
  return path.join(target, 'debug', 'backend');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function logTail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts the backend with demo data (unless TEST_SERVER_DEMO_DATA=0) in a
 * fresh temporary directory on a free port and waits until `/api/health`
 * answers. The server is stopped and the directory removed when this
 * process exits. The server logs JSON lines (LOG_JSON=1, at info) and its
 * log is kept as `artifacts/<test file>.server.log` first, for a failed
 * test and for `scripts/check-logs.sh` (no names, tokens or passwords in
 * any log).
 */
export async function startServer() {
  const bin = backendBinary();
  if (!existsSync(bin)) {
    throw new Error(`No server binary at ${bin}: run \`cargo build -p backend\`, or set BACKEND_BIN or BASE_URL`);
  }
  const publicDir = path.resolve(root, process.env.PUBLIC_DIR || 'dist');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gfm-browser-'));
  serverDataDir = dataDir;
  const log = path.join(dataDir, 'server.log');
  const demo = process.env.TEST_SERVER_DEMO_DATA ?? '1';
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: demo, PUBLIC_DIR: publicDir, LOG_JSON: '1', RUST_LOG: process.env.RUST_LOG || 'info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn' };
  // Only the fresh directory's own SQLite file and settings.
  delete env.DATABASE_URL;
  delete env.GFM_CONFIG;

  let child;
  const stop = (code) => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const name = path.basename(process.argv[1] || 'browser-test').replace(/\.m?js$/, '');
    const kept = path.join(here, 'artifacts', `${name}.server.log`);
    try {
      mkdirSync(path.dirname(kept), { recursive: true });
      copyFileSync(log, kept);
      if (code) process.stderr.write(`server log kept: ${kept}\n`);
    } catch { /* nothing to keep */ }
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  };
  process.on('exit', stop);
  // Interrupted: still stop the server and tidy up (through 'exit').
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

  // A port found free can be taken before the server binds it: try again.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const out = openSync(log, 'a');
    child = spawn(bin, [], { cwd: root, env: { ...env, BIND_ADDR: `127.0.0.1:${port}` }, stdio: ['ignore', out, out] });
    closeSync(out);
    let failed = null;
    child.on('error', (e) => { failed = e; });
    // This process may end while the server runs; 'exit' stops it.
    child.unref();
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    while (!failed && child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) return base;
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    if (failed) throw new Error(`could not start ${bin}: ${failed.message}`);
    if (child.exitCode === null && child.signalCode === null) {
      throw new Error(`the server did not answer /api/health within 120 s:\n${logTail(log)}`);
    }
    if (attempt === 3) throw new Error(`the server stopped at start-up:\n${logTail(log)}`);
  }
}

/** BASE_URL when set, else the address of a fresh server for this file. */
export async function serverUrl() {
  const given = process.env.BASE_URL;
  return (given || (await startServer())).replace(/\/+$/, '');
}
