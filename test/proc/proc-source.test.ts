// The kernel feeds /proc: pids, info and a Linux-like status text; /proc/self/fd/N and
// /dev/fd/N reopen the caller's own descriptions (how `<(…)` works).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_RDONLY, Signal } from '../../kernel/types.ts';
import { dec, makeKernel, program, runRoot } from './helpers.ts';

test('/proc/<pid>/status and ProcSource data', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    p.setSignal(Signal.SIGINT, 'ignore');
    p.setSignal(Signal.SIGTERM, 'catch');
    const status = k.table.status(p.pid)!;
    assert.match(status, /^Name:\tt\n/);
    assert.match(status, new RegExp(`\nPid:\t${p.pid}\n`));
    assert.match(status, /\nState:\tR \(running\)\n/);
    assert.match(status, /\nUid:\t1000\t1000\t1000\t1000\n/);
    assert.match(status, /\nSigIgn:\t0000000000000002\n/);
    assert.match(status, /\nSigCgt:\t0000000000004000\n/);
    assert.deepEqual(k.table.pids(), [p.pid]);
    assert.equal(k.table.info(p.pid)?.argv[0], 't');
    const targets = k.table.fdTargets(p.pid);
    assert.match(targets.get(1)!, /^pipe:\[\d+\]$/);
    // through the VFS
    const text = dec.decode(p.readFile('/proc/self/status'));
    assert.match(text, new RegExp(`\nPid:\t${p.pid}\n`));
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('/dev/fd/N opens the process\'s own pipe end', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    await p.write(w, 'via /dev/fd');
    p.close(w);
    const fd = p.open(`/dev/fd/${r}`, O_RDONLY);
    p.close(r);
    await p.write(1, dec.decode(await p.read(fd)));
    return 0;
  });
  const res = await runRoot(k, prog);
  assert.equal(res.out, 'via /dev/fd');
  assert.equal(res.status, 0);
});
