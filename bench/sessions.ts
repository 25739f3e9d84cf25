// npm run bench, session rows (called by bench/run.ts in its own process):
//   node bench/sessions.ts            measure and print a table (agentvm | raw ws relay | ratio)
//   node bench/sessions.ts server     child: an agentvm server with its embedded engine (test/server/helpers.ts)
//   node bench/sessions.ts relay      child: the baseline, a `ws` server forwarding the writer's messages to N observers
//
// Rows:
//  1. keystroke -> echo: one driver SessionClient types into `cat > /dev/null` running on the
//     session's terminal (the PTY's line discipline echoes each key; cat prints nothing), N observer
//     SessionClients (real sockets, observer share tokens) timestamp the key's echo when it lands in
//     their Y.Doc's terminal array (Y.Array observer, no polling). Key i's echo is the i-th letter an
//     observer receives. "last" = until the last of the N observers has it; "each" = every observer's
//     latency pooled. Typing pace (one key / 30 ms) and a burst (one key / 5 ms). The typing row lasts
//     until 16.5 s after the observers joined, so it includes one y-websocket presence renewal of all of them.
//  2. The same through a raw relay: a writer socket and N observer sockets; key i = the i-th message,
//     of the size of agentvm's per-key update message, at the same pace.
//     The agentvm server and the relay each run in their own process; all clients run in this one,
//     so both sides pay the same client-side costs (except agentvm's observers also apply the Yjs update).
//  3. Idle sessions: K sessions created through POST /api/sessions (each woken, shell at a prompt, no
//     socket): RSS and V8 heap per session in the server process, create time, the engine's RSS.
// The server child takes the server tests' lock (withServer) and its own engine port (BENCH_ENGINE_PORT,
// default 6620). Knobs: BENCH_KEYS (200), BENCH_IDLE_SESSIONS (20), BENCH_KEEP_LOGS=<dir> (engine logs),
// BENCH_DEBUG=1 (whole server log on failure).

import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { WebSocket, WebSocketServer } from 'ws';

const MARK = '@@bench ';
/** The embedded engine's port (it also binds +1 and +10): not 6420 (`agentvm serve`, CLI tests) nor 6520 (server tests). */
const ENGINE_PORT = Number(process.env.BENCH_ENGINE_PORT ?? 6620);
const self = fileURLToPath(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (o: object) => process.stdout.write(MARK + JSON.stringify(o) + '\n');

// ---------------------------------------------------------------- children

async function serverChild(): Promise<void> {
  // withServer takes the server tests' lock (their engines bind fixed ports), so no test's engine
  // shares ours or loads the machine while we measure.
  const { withServer } = await import('../test/server/helpers.ts');
  const { liveSessions } = await import('../actors/live.ts');
  const env = await withServer({ logLevel: 'error', enginePort: ENGINE_PORT });
  if (!existsSync(join(env.dataDir, '.rivetkit', 'var', 'engine', 'runtime.json'))) {
    // startServer found an engine already listening on its port and joined it: not ours to measure
    process.stderr.write(`another Rivet Engine already holds port ${ENGINE_PORT}: stop it or set BENCH_ENGINE_PORT\n`);
    await env.done();
    process.exit(3);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // BENCH_KEEP_LOGS=<dir>: keep the engine's logs (done() removes the data directory)
    if (process.env.BENCH_KEEP_LOGS) cpSync(join(env.dataDir, '.rivetkit', 'var', 'logs'), process.env.BENCH_KEEP_LOGS, { recursive: true });
    try { await env.done(); } finally { process.exit(0); } // RivetKit's native runtime keeps the event loop alive
  };
  say({ ready: true, url: env.server.url, apiToken: env.server.apiToken, dataDir: env.dataDir, pid: process.pid });
  const rl = createInterface({ input: process.stdin });
  rl.on('line', async (line) => {
    const cmd = line.trim();
    if (cmd === 'stop') { await stop(); return; }
    if (cmd === 'mem') {
      // every live session's shell must be at its prompt before we count
      const deadline = Date.now() + 15_000;
      const prompted = () => liveSessions().every((c) => c.doc.getArray<string>('terminal').toArray().join('').includes('$ '));
      while (!prompted() && Date.now() < deadline) await sleep(20);
      for (let i = 0; i < 4; i++) { gc?.(); await sleep(50); }
      const m = process.memoryUsage();
      say({ rss: m.rss, heap: m.heapUsed, live: liveSessions().length, prompted: prompted(), gc: !!gc });
    }
  });
  rl.on('close', () => void stop()); // the bench died: still stop the engine
}

async function relayChild(): Promise<void> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const observers = new Set<WebSocket>();
  wss.on('connection', (ws, req) => {
    if (req.url?.includes('writer')) {
      ws.on('message', (d) => { for (const o of observers) o.send(d as Buffer, { binary: true }); });
    } else {
      observers.add(ws);
      ws.on('close', () => observers.delete(ws));
    }
  });
  say({ ready: true, port: (wss.address() as { port: number }).port });
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

// ---------------------------------------------------------------- child control

class Child {
  readonly proc: ChildProcess;
  readonly #waiting: ((o: Record<string, unknown>) => void)[] = [];
  readonly #lines: Record<string, unknown>[] = [];
  readonly tail: string[] = [];
  exited = false;

  constructor(mode: string) {
    this.proc = spawn(process.execPath, ['--expose-gc', self, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
    const keep = (l: string) => { this.tail.push(l); if (this.tail.length > 200) this.tail.shift(); };
    createInterface({ input: this.proc.stdout! }).on('line', (l) => {
      if (!l.startsWith(MARK)) { keep(l); return; }
      const o = JSON.parse(l.slice(MARK.length)) as Record<string, unknown>;
      const w = this.#waiting.shift();
      if (w) w(o); else this.#lines.push(o);
    });
    createInterface({ input: this.proc.stderr! }).on('line', keep);
    this.proc.on('exit', () => { this.exited = true; });
  }

  next(timeoutMs: number, what: string): Promise<Record<string, unknown>> {
    const ready = this.#lines.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${what}: no answer in ${timeoutMs / 1000} s; last output: ${this.tail.slice(-3).join(' | ')}`)), timeoutMs);
      this.#waiting.push((o) => { clearTimeout(t); resolve(o); });
    });
  }

  ask(cmd: string, timeoutMs: number): Promise<Record<string, unknown>> {
    this.proc.stdin!.write(cmd + '\n');
    return this.next(timeoutMs, cmd);
  }

  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => { this.proc.kill('SIGKILL'); resolve(); }, 15_000);
      this.proc.once('exit', () => { clearTimeout(t); resolve(); });
      this.proc.stdin!.end('stop\n');
    });
  }
}

// ---------------------------------------------------------------- measurement

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
interface Stat { p50: number; p99: number; max: number; n: number }
const stat = (xs: number[]): Stat => { const s = [...xs].sort((a, b) => a - b); return { p50: pct(s, 50), p99: pct(s, 99), max: s[s.length - 1]!, n: s.length }; };

/** A driver and N observers; key i's arrival time at observer o is arrivals[o][i]. */
interface Rig {
  readonly arrivals: number[][];
  send(i: number): void;
  /** Between keys, not timed (agentvm: Enter, so cat's line never grows past its limit). */
  breath?(): void;
  /** Why the run's key count cannot be trusted, if it cannot. */
  failed?(): string | null;
  close(): void;
}

/** Types at least `min` keys, and on until `until` (performance.now()); returns the stats and the next key index. */
async function typeKeys(rig: Rig, sent: number[], start: number, min: number, paceMs: number, until = 0): Promise<{ last: Stat; each: Stat; end: number }> {
  let count = 0;
  for (; count < min || performance.now() < until; count++) {
    const i = start + count;
    sent[i] = performance.now();
    rig.send(i);
    await sleep(paceMs);
    if (rig.breath && (i + 1) % 60 === 0) { rig.breath(); await sleep(paceMs); }
  }
  const end = start + count;
  const deadline = Date.now() + 20_000;
  while (rig.arrivals.some((a) => a.length < end)) {
    const why = rig.failed?.();
    if (why) throw new Error(why);
    if (Date.now() > deadline) {
      throw new Error(`echo lost: observers saw ${rig.arrivals.map((a) => a.length).join(',')} of ${end} keys`);
    }
    await sleep(10);
  }
  const last: number[] = [];
  const each: number[] = [];
  for (let i = start; i < end; i++) {
    let worst = 0;
    for (const a of rig.arrivals) { const d = a[i]! - sent[i]!; each.push(d); if (d > worst) worst = d; }
    last.push(worst);
  }
  return { last: stat(last), each: stat(each), end };
}

async function api(base: string, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await fetch(base + path, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

async function agentvmRig(srv: { url: string; apiToken: string }, observers: number, updateSizes: number[]): Promise<Rig & { born: number }> {
  const { SessionClient } = await import('../web/client.ts');
  const s = await api(srv.url, 'POST', '/api/sessions', srv.apiToken, { name: `bench-${observers}` }).catch((e: Error) => { throw new Error(`session for ${observers} observers: ${e.message}`); });
  const tokens: string[] = [];
  for (let o = 0; o < observers; o++) tokens.push((await api(srv.url, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: `obs${o}` })).token);
  const mk = (token: string) => new SessionClient({ url: s.socket.url, token, WebSocket });
  const driver = mk(s.token);
  await driver.synced(20_000);
  await driver.waitFor(() => driver.terminalText.includes('$ '), 20_000, 'prompt');
  driver.input('cat > /dev/null\r');
  await driver.waitFor(() => driver.terminalText.endsWith('cat > /dev/null\r\n'), 10_000, 'cat running');
  const born = performance.now();
  const clients = tokens.map(mk);
  await Promise.all(clients.map((c) => c.synced(30_000)));
  const arrivals: number[][] = clients.map(() => []);
  let failure: string | null = null;
  clients.forEach((c, o) => {
    const arr = c.doc.getArray<string>('terminal');
    const mine = arrivals[o]!;
    arr.observe((ev) => {
      const now = performance.now();
      for (const d of ev.changes.delta) {
        if (d.delete) failure = 'the terminal was compacted during the run: the key count is lost';
        if (!d.insert) continue;
        for (const chunk of d.insert as string[]) for (const ch of chunk) if (ch >= 'a' && ch <= 'z') mine.push(now);
      }
    });
  });
  clients[0]!.doc.on('update', (u: Uint8Array) => { if (updateSizes.length < 10_000) updateSizes.push(u.length); });
  await sleep(300); // presence traffic of the joins settles
  return {
    arrivals, born,
    send: (i) => driver.input(LETTERS[i % 26]!),
    breath: () => driver.input('\r'),
    failed: () => failure ?? (driver.errors[0] ? `driver: ${driver.errors[0].code} ${driver.errors[0].message}` : null),
    close: () => { for (const c of clients) c.destroy(); driver.destroy(); },
  };
}

async function relayRig(port: number, observers: number, size: number): Promise<Rig> {
  const open = (role: string) => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/?${role}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
  const obs = await Promise.all(Array.from({ length: observers }, () => open('observer')));
  const writer = await open('writer');
  const arrivals: number[][] = obs.map(() => []);
  obs.forEach((ws, o) => { const mine = arrivals[o]!; ws.on('message', () => { mine.push(performance.now()); }); });
  await sleep(100);
  const msg = new Uint8Array(size).fill(0x61);
  return {
    arrivals,
    send: () => writer.send(msg),
    close: () => { for (const ws of obs) ws.close(); writer.close(); },
  };
}

// ---------------------------------------------------------------- main

const WARMUP = 30, SAMPLES = Number(process.env.BENCH_KEYS ?? 200), TYPING_MS = 30, BURST_MS = 5, IDLE = Number(process.env.BENCH_IDLE_SESSIONS ?? 20);
const OBSERVERS = [1, 10, 50];

interface KeyRow { observers: number; pace: number; a: { last: Stat; each: Stat }; r: { last: Stat; each: Stat } }
/** y-websocket clients renew their presence every 15 s (y-protocols awareness): the typing row lasts past that, so
 *  it includes one renewal round of all observers (they joined together, so they renew together). */
const RENEWAL_MS = 15_000 + 1_500;

async function measureKeys(srv: { url: string; apiToken: string }, relayPort: number): Promise<{ rows: KeyRow[]; msgSize: number }> {
  const rows: KeyRow[] = [];
  let msgSize = 0;
  for (const n of OBSERVERS) {
    const sizes: number[] = [];
    const a = await agentvmRig(srv, n, sizes);
    const sentA: number[] = [];
    await typeKeys(a, sentA, 0, WARMUP, TYPING_MS);
    const aTyping = await typeKeys(a, sentA, WARMUP, SAMPLES, TYPING_MS, a.born + RENEWAL_MS);
    const aBurst = await typeKeys(a, sentA, aTyping.end, SAMPLES, BURST_MS);
    a.close();
    // the relay sends what an agentvm observer receives per key: the update + 3 bytes of sync framing
    sizes.sort((x, y) => x - y);
    msgSize = (sizes.length ? sizes[sizes.length >> 1]! : 30) + 3;
    const r = await relayRig(relayPort, n, msgSize);
    const sentR: number[] = [];
    await typeKeys(r, sentR, 0, WARMUP, TYPING_MS);
    const rTyping = await typeKeys(r, sentR, WARMUP, SAMPLES, TYPING_MS);
    const rBurst = await typeKeys(r, sentR, rTyping.end, SAMPLES, BURST_MS);
    r.close();
    rows.push({ observers: n, pace: TYPING_MS, a: aTyping, r: rTyping }, { observers: n, pace: BURST_MS, a: aBurst, r: rBurst });
    await sleep(300);
  }
  return { rows, msgSize };
}

function engineRss(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(readFileSync(join(dataDir, '.rivetkit', 'var', 'engine', 'runtime.json'), 'utf8')) as { pid: number };
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch { return null; }
}

async function measureIdle(server: Child, srv: { url: string; apiToken: string; dataDir: string }) {
  const before = await server.ask('mem', 30_000);
  const engBefore = engineRss(srv.dataDir);
  const times: number[] = [];
  for (let i = 0; i < IDLE; i++) {
    const t0 = performance.now();
    await api(srv.url, 'POST', '/api/sessions', srv.apiToken, { name: `idle-${i}` }).catch((e: Error) => { throw new Error(`idle session ${i + 1} of ${IDLE}: ${e.message}`); });
    times.push(performance.now() - t0);
  }
  const after = await server.ask('mem', 30_000);
  const engAfter = engineRss(srv.dataDir);
  if (!after.prompted) throw new Error('idle sessions: not every shell reached its prompt');
  if ((after.live as number) - (before.live as number) !== IDLE) throw new Error(`idle sessions: ${String(after.live)} live, expected ${(before.live as number) + IDLE}`);
  return {
    rssPer: ((after.rss as number) - (before.rss as number)) / IDLE,
    heapPer: ((after.heap as number) - (before.heap as number)) / IDLE,
    create: stat(times),
    engine: engAfter,
    enginePer: engAfter !== null && engBefore !== null ? (engAfter - engBefore) / IDLE : null,
    live: after.live as number,
  };
}

type Row = [string, string, string, string];
const ms = (v: number) => `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms`;
const pair = (s: Stat) => `${ms(s.p50)} / ${ms(s.p99)}`;
const trio = (s: Stat) => `${pair(s)} (max ${s.max.toFixed(0)}, n ${s.n})`;
const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const kib = (v: number) => `${(v / 1024).toFixed(0)} KiB`;
const mib = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;

/** Something listens on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect({ host: '127.0.0.1', port });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

let serverProc: Child | null = null;

async function main(): Promise<void> {
  process.setMaxListeners(0); // y-websocket adds one 'exit' listener per provider
  const t0 = performance.now();
  // a previous run's engine may still be stopping
  for (let waited = 0; await listening(ENGINE_PORT); waited += 1000) {
    if (waited >= 60_000) throw new Error(`port ${ENGINE_PORT} stayed taken for a minute (another engine; set BENCH_ENGINE_PORT): the session rows need their own engine`);
    await sleep(1000);
  }
  const watchdog = setTimeout(() => { console.error('session rows: gave up after 9 minutes'); process.exit(2); }, 9 * 60_000);
  const server = serverProc = new Child('server');
  const relay = new Child('relay');
  try {
    const srvInfo = await server.next(5 * 60_000, 'server start'); // may wait for the server tests' lock
    const relayInfo = await relay.next(20_000, 'relay start');
    const srv = { url: srvInfo.url as string, apiToken: srvInfo.apiToken as string, dataDir: srvInfo.dataDir as string };
    const { rows: keyRows, msgSize } = await measureKeys(srv, relayInfo.port as number);
    const idle = await measureIdle(server, srv);

    const rows: Row[] = [];
    let target: string[] = [];
    for (const k of keyRows) {
      const label = `keystroke→echo, ${k.observers} obs, ${k.pace === TYPING_MS ? `typing (${TYPING_MS} ms)` : `burst (${BURST_MS} ms)`}`;
      rows.push([`${label}, last obs p50 / p99`, trio(k.a.last), trio(k.r.last), `${x(k.a.last.p50, k.r.last.p50)} / ${x(k.a.last.p99, k.r.last.p99)}`]);
      if (k.observers > 1) rows.push([`${label}, each obs p50 / p99`, pair(k.a.each), pair(k.r.each), `${x(k.a.each.p50, k.r.each.p50)} / ${x(k.a.each.p99, k.r.each.p99)}`]);
      if (k.observers === 50 && k.pace === TYPING_MS) {
        const p99 = k.a.last.p99, rel = p99 / k.r.last.p99;
        target = [
          `p99 ≤ 20 ms at 50 observers: ${p99 <= 20 ? 'met' : 'NOT met'} (${ms(p99)})`,
          `p99 ≤ 2× relay at 50 observers: ${rel <= 2 ? 'met' : 'NOT met'} (${rel.toFixed(2)}×)`,
        ];
      }
    }
    rows.push([`idle session: RSS per session (${IDLE} created, ${idle.live} live)`, kib(idle.rssPer), '—', '—']);
    rows.push(['idle session: V8 heap per session', kib(idle.heapPer), '—', '—']);
    rows.push(['create session (POST /api/sessions) p50 / p99', pair(idle.create), '—', '—']);
    rows.push([`engine process RSS (after ${idle.live} sessions)`, idle.engine === null ? '—' : `${mib(idle.engine)}${idle.enginePer === null ? '' : ` (+${kib(idle.enginePer)}/session)`}`, '—', '—']);

    const header: Row = ['session benchmark', 'agentvm', 'ws relay', 'ratio'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: Row) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
    console.log(line(header));
    console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
    for (const r of rows) console.log(line(r));
    console.log(`\n≥ ${SAMPLES} keys per row after ${WARMUP} warm-up keys (agentvm typing rows go on until ${RENEWAL_MS / 1000} s after the observers joined, ` +
      `so they include one presence renewal of all of them); relay messages ${msgSize} bytes (agentvm's per-key update); ` +
      `server and relay each in their own process, all clients in this one; ${(performance.now() - t0) / 1000 | 0} s.`);
    console.log(`targets: ${target.join('; ')}.`);
  } finally {
    clearTimeout(watchdog);
    relay.proc.stdin!.end();
    await server.stop();
    if (!relay.exited) relay.proc.kill();
  }
}

const mode = process.argv[2];
if (mode === 'server') await serverChild();
else if (mode === 'relay') await relayChild();
else {
  try { await main(); process.exit(0); } catch (e) {
    const tail = (serverProc as Child | null)?.tail ?? [];
    const log = process.env.BENCH_DEBUG ? tail : tail.filter((l) => !l.startsWith('ts=') && l.trim() !== '').slice(-8);
    if (log.length) console.error(`server log:\n  ${log.join('\n  ')}`);
    console.error(`session rows failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
