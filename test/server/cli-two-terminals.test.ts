// The README's flow with real processes: `agentvm serve`, one terminal runs `agentvm new` and
// types, a second terminal runs `agentvm attach` with an observer link and sees it live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lock } from './helpers.ts';
import { stopEmbeddedEngine } from '../../web/server.ts';

const cli = fileURLToPath(new URL('../../cli.ts', import.meta.url));

function run(args: string[], env: Record<string, string> = {}): { proc: ChildProcess; out: () => string; waitFor(re: RegExp, ms?: number): Promise<RegExpExecArray> } {
  const proc = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => { out += d.toString(); for (const w of waiters) w(); };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  return {
    proc, out: () => out,
    waitFor: (re, ms = 20_000) => new Promise((resolve, reject) => {
      const check = () => { const m = re.exec(out); if (m) { waiters.delete(check); clearTimeout(t); resolve(m); } };
      const t = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${re} in:\n${out.slice(-2000)}`)); }, ms);
      waiters.add(check);
      check();
    }),
  };
}

test('serve, new (types), attach (watches)', async () => {
  const unlock = await lock();
  const dataDir = mkdtempSync(join(tmpdir(), 'agentvm-cli-'));
  const procs: ChildProcess[] = [];
  try {
    const server = run(['serve', '--port', '0', '--data', dataDir]);
    procs.push(server.proc);
    const [, url] = await server.waitFor(/agentvm server on (\S+)/);
    const [, apiToken] = await server.waitFor(/API token: (\S+)/);

    const owner = run(['new', '--server', url!, '--api-token', apiToken!]);
    procs.push(owner.proc);
    const [, socketUrl] = await owner.waitFor(/agentvm attach (\S+) <token>/);
    await owner.waitFor(/\$ $/m);
    owner.proc.stdin!.write('\x1do');               // Ctrl-] o: print an observer link
    const [, obsToken] = await owner.waitFor(/observer link: agentvm attach \S+ (avm_[A-Za-z0-9_-]+)/);

    const watcher = run(['attach', socketUrl!, obsToken!]);
    procs.push(watcher.proc);
    await watcher.waitFor(/joined session \S+ as observer link \(observer\)/);
    owner.proc.stdin!.write('echo typed-by-$((1+1))-owner\r');
    await watcher.waitFor(/typed-by-2-owner/);
    watcher.proc.stdin!.write('echo nope\r');      // observers cannot type
    await watcher.waitFor(/you are watching/);
    owner.proc.stdin!.write('\x1dq');
    watcher.proc.stdin!.write('\x1dq');
    await Promise.all([owner, watcher].map((p) => new Promise((r) => p.proc.once('exit', r))));
    assert.equal(owner.proc.exitCode, 0);
    server.proc.kill('SIGTERM');
    await new Promise((r) => server.proc.once('exit', r));
    assert.match(server.out(), /shutting down/);
  } finally {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    stopEmbeddedEngine(dataDir);
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
    unlock();
  }
});
