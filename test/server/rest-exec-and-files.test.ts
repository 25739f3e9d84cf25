// The REST surface an agent drives a session with: exec (output, status, cwd, env, stdin, timeout),
// files (binary-safe write and read, listings, large bodies), the process list and kill, and the
// event log recording who ran what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, connect, api } from './helpers.ts';

test('exec, files, processes and kill over REST', async () => {
  const env = await withServer();
  try {
    const srv = env.server;
    const s = await createSession(srv);
    const base = `/api/sessions/${s.id}`;
    const exec = async (body: Record<string, unknown>) => {
      const r = await api(srv, 'POST', `${base}/exec`, s.token, body);
      assert.equal(r.status, 200, JSON.stringify(r.json));
      return r.json as { stdout: string; stderr: string; exitCode: number; timedOut?: boolean; signal?: number };
    };

    // stdout, stderr and the exit status
    console.log('STEP 1', 'stdout, stderr and the exit status', Date.now() % 100000);
    const r1 = await exec({ script: 'echo out; echo err >&2; exit 3' });
    assert.deepEqual([r1.stdout, r1.stderr, r1.exitCode], ['out\n', 'err\n', 3]);
    // cwd, env, stdin
    console.log('STEP 2', 'cwd, env, stdin', Date.now() % 100000);
    await exec({ script: 'mkdir -p /tmp/work/sub' });
    assert.equal((await exec({ script: 'pwd', cwd: '/tmp/work/sub' })).stdout, '/tmp/work/sub\n');
    assert.equal((await exec({ script: 'echo "$GREETING $WHO"', env: { GREETING: 'hi', WHO: 'there' } })).stdout, 'hi there\n');
    assert.equal((await exec({ script: 'read a; read b; echo "$b-$a"', stdin: 'one\ntwo\n' })).stdout, 'two-one\n');
    // a timeout kills the script: 137, timedOut
    console.log('STEP 3', 'a timeout kills the script: 137, time', Date.now() % 100000);
    const t0 = Date.now();
    const slow = await exec({ script: 'echo before; sleep 30; echo after', timeoutMs: 300 });
    assert.equal(slow.exitCode, 137);
    assert.equal(slow.timedOut, true);
    assert.equal(slow.stdout, 'before\n');
    assert.ok(Date.now() - t0 < 10_000, 'the timeout cut the script short');
    // bad options are refused before anything runs
    console.log('STEP 4', 'bad options are refused before anythi', Date.now() % 100000);
    for (const bad of [{ cwd: 'relative' }, { env: { A: 1 } }, { stdin: 5 }, { timeoutMs: -1 }]) {
      const r = await api(srv, 'POST', `${base}/exec`, s.token, { script: 'true', ...bad });
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(r.json.error.code, 'BAD_REQUEST');
    }

    // files: every byte value survives a PUT then GET
    console.log('STEP 5', 'files: every byte value survives a PU', Date.now() % 100000);
    const bytes = new Uint8Array(256 * 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    const put = await fetch(`${srv.url}${base}/files?path=/tmp/work/blob.bin`, { method: 'PUT', headers: { authorization: `Bearer ${s.token}` }, body: bytes });
    assert.equal(put.status, 200);
    assert.deepEqual(await put.json(), { ok: true, bytes: bytes.length });
    const get = await fetch(`${srv.url}${base}/files?path=/tmp/work/blob.bin`, { headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(get.status, 200);
    assert.equal(get.headers.get('content-type'), 'application/octet-stream');
    assert.deepEqual(new Uint8Array(await get.arrayBuffer()), bytes);
    // the shell sees the same bytes
    console.log('STEP 6', 'the shell sees the same bytes', Date.now() % 100000);
    assert.equal((await exec({ script: 'wc -c < /tmp/work/blob.bin' })).stdout.trim(), String(bytes.length));
    // a file bigger than a session action message (64 KiB) and an answer bigger than 1 MiB
    console.log('STEP 7', 'a file bigger than a session action m', Date.now() % 100000);
    const big = new Uint8Array(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) % 256;
    const putBig = await fetch(`${srv.url}${base}/files?path=/tmp/work/big.bin`, { method: 'PUT', headers: { authorization: `Bearer ${s.token}` }, body: big });
    assert.equal(putBig.status, 200, await putBig.clone().text());
    const getBig = await fetch(`${srv.url}${base}/files?path=/tmp/work/big.bin`, { headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(getBig.status, 200);
    assert.ok(Buffer.from(await getBig.arrayBuffer()).equals(Buffer.from(big)), 'a 3 MiB file round-trips');
    const bigOut = await exec({ script: 'cat /tmp/work/big.bin | wc -c; head -c 2000000 /dev/zero | tr "\\0" a' });
    assert.equal(bigOut.stdout.length, String(big.length).length + 1 + 2_000_000);
    assert.ok(bigOut.stdout.startsWith(`${big.length}\n`));
    // a text file written over REST reads back as text in the shell
    console.log('STEP 8', 'a text file written over REST reads b', Date.now() % 100000);
    const txt = await api(srv, 'PUT', `${base}/files?path=/tmp/work/sub/note.txt`, s.token, 'héllo wörld\n');
    assert.equal(txt.json.bytes, Buffer.byteLength('héllo wörld\n'));
    assert.equal((await exec({ script: 'cat /tmp/work/sub/note.txt' })).stdout, 'héllo wörld\n');
    // PUT creates missing parent directories
    console.log('STEP 9', 'PUT creates missing parent directorie', Date.now() % 100000);
    const deep = await api(srv, 'PUT', `${base}/files?path=/tmp/new/deeper/x.txt`, s.token, 'x');
    assert.equal(deep.status, 200);

    // listing
    console.log('STEP 10', 'listing', Date.now() % 100000);
    const ls = await api(srv, 'GET', `${base}/files?path=/tmp/work&list`, s.token);
    assert.equal(ls.status, 200);
    assert.equal(ls.json.path, '/tmp/work');
    const byName = new Map<string, { type: string; size: number; mode: number; mtime: number }>(ls.json.entries.map((e: { name: string }) => [e.name, e]));
    assert.deepEqual([...byName.keys()].sort(), ['big.bin', 'blob.bin', 'sub']);
    assert.equal(byName.get('blob.bin')!.type, 'file');
    assert.equal(byName.get('blob.bin')!.size, bytes.length);
    assert.equal(byName.get('sub')!.type, 'dir');
    assert.equal(typeof byName.get('sub')!.mtime, 'number');

    // a background job started on the terminal shows in the process list and can be killed
    console.log('STEP 11', 'a background job started on the termi', Date.now() % 100000);
    const term = connect(s.url, s.token);
    try {
    await term.synced();
    await term.waitFor(() => term.terminalText.includes('$ '), 10_000, 'prompt');
    term.input('sleep 100 &\r');
    let sleeper: { pid: number; argv: string[]; state: string } | undefined;
    for (let i = 0; i < 100 && !sleeper; i++) {
      const ps = await api(srv, 'GET', `${base}/processes`, s.token);
      assert.equal(ps.status, 200);
      sleeper = ps.json.processes.find((p: { argv: string[] }) => p.argv[0] === 'sleep' && p.argv[1] === '100');
      if (!sleeper) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(sleeper, 'sleep 100 is listed');
    const k = await api(srv, 'POST', `${base}/kill`, s.token, { pid: sleeper.pid, signal: 'SIGKILL' });
    assert.equal(k.status, 200, JSON.stringify(k.json));
    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      const ps = await api(srv, 'GET', `${base}/processes`, s.token);
      gone = !ps.json.processes.some((p: { pid: number; state: string }) => p.pid === sleeper!.pid && p.state !== 'Z');
      if (!gone) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(gone, 'the killed sleep is gone');
    // the shell reports the killed job
    console.log('STEP 12', 'the shell reports the killed job', Date.now() % 100000);
    term.input('wait; echo waited-$?\r');
    await term.waitFor(() => term.terminalText.includes('waited-'), 10_000, 'wait returned');

    // the event log: exec.started / exec.exited with who ran it, and the kill
    console.log('STEP 13', 'the event log: exec.started / exec.ex', Date.now() % 100000);
    const evs = (await api(srv, 'GET', `${base}/events`, s.token)).json.events as Array<Record<string, any>>;
    const started = evs.filter((e) => e.type === 'exec.started');
    const exited = evs.filter((e) => e.type === 'exec.exited');
    assert.equal(started.length, 9, 'every exec that ran is logged (refused ones never started)');
    assert.equal(started.length, exited.length);
    const me = (await api(srv, 'GET', base, s.token)).json.grant;
    for (const e of [...started, ...exited]) assert.deepEqual(e.by, { name: me.name, id: me.id });
    const first = started.find((e) => e.script === 'echo out; echo err >&2; exit 3')!;
    assert.ok(first);
    assert.equal(exited.find((e) => e.exec === first.id)?.status, 3);
    const timedOut = exited.find((e) => e.timedOut === true);
    assert.equal(timedOut?.status, 137);
    assert.ok(evs.some((e) => e.type === 'process.killed' && e.pid === sleeper!.pid && e.by?.id === me.id));
    assert.ok(evs.some((e) => e.type === 'file.written' && e.path === '/tmp/work/blob.bin' && e.bytes === bytes.length));
    // ?after= pages the log
    console.log('STEP 14', '?after= pages the log', Date.now() % 100000);
    const after = (await api(srv, 'GET', `${base}/events?after=${first.id}&limit=2`, s.token)).json.events;
    assert.deepEqual(after.map((e: { id: number }) => e.id), [first.id + 1, first.id + 2]);
    } finally { term.destroy(); }
  } finally { await env.done(); }
});
