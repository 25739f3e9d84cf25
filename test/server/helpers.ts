// Starting a real agentvm server (with its embedded Rivet Engine) for a test. The engine binds
// fixed ports besides its main one, so test files that need it take turns (a lock directory);
// each file gets a fresh data directory and stops the engine it started.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startServer, stopEmbeddedEngine, type AgentvmServer, type ServeOptions } from '../../web/server.ts';
import { SessionClient } from '../../web/client.ts';

const LOCK = join(tmpdir(), 'agentvm-engine-tests.lock');

/** Engines left by test runs that were killed before cleaning up (they hold the engine's ports). */
function killOrphanEngines(): number {
  let killed = 0;
  let pids: string[] = [];
  try { pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)); } catch { return 0; }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('rivet-engine')) continue;
      const home = /(?:^|\0)HOME=([^\0]*)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1] ?? '';
      if (home.startsWith(join(tmpdir(), 'agentvm-'))) process.kill(Number(pid), 'SIGKILL'), killed++;
    } catch { /* gone or not ours */ }
  }
  return killed;
}

export async function lock(): Promise<() => void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      // holding the lock, no test engine can be legitimately running
      if (killOrphanEngines() > 0) await new Promise((r) => setTimeout(r, 500));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // a lock whose holder died (or that is older than 5 minutes) is stale
      try {
        let dead = false;
        try { process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0); } catch (e) { dead = (e as NodeJS.ErrnoException).code === 'ESRCH'; }
        if (dead || Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      } catch { /* gone */ }
      if (Date.now() > deadline) throw new Error('timed out waiting for the engine test lock');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface TestEnv {
  server: AgentvmServer;
  dataDir: string;
  /** Restarts the server process's runner in-process on the same data dir (the engine keeps running). */
  done(): Promise<void>;
}

export async function withServer(opts: ServeOptions = {}): Promise<TestEnv> {
  const unlock = await lock();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'agentvm-srv-'));
  let server: AgentvmServer;
  try {
    server = await startServer({ port: 0, apiToken: 'test-api-token', ...opts, dataDir });
  } catch (e) {
    stopEmbeddedEngine(dataDir);
    unlock();
    throw e;
  }
  return {
    server, dataDir,
    done: async () => {
      try { await server.close(); } finally {
        stopEmbeddedEngine(dataDir);
        await new Promise((r) => setTimeout(r, 300));
        rmSync(dataDir, { recursive: true, force: true });
        unlock();
        // RivetKit's native runtime keeps the event loop alive after shutdown: end the test process
        // once node:test has reported (one server test per file, so nothing else is running).
        setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
      }
    },
  };
}

export async function api(server: { url: string }, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(server.url + path, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = text;
  try { json = JSON.parse(text); } catch { /* raw */ }
  return { status: res.status, json };
}

export async function createSession(server: AgentvmServer, name = 'test'): Promise<{ id: string; token: string; url: string }> {
  const r = await api(server, 'POST', '/api/sessions', server.apiToken, { name });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.json)}`);
  return { id: r.json.id, token: r.json.token, url: r.json.socket.url };
}

export function connect(url: string, token: string): SessionClient {
  return new SessionClient({ url, token, WebSocket });
}
