// Closing the master hangs up the terminal: the session leader gets SIGHUP (default: dies with
// 129), blocked slave reads return EOF, slave writes fail with EIO. When the session leader
// exits, its terminal's foreground group gets SIGHUP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KernelError } from '../../kernel/errno.ts';
import { Signal } from '../../kernel/types.ts';
import { makeKernel, program, tick } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

test('master close: SIGHUP to the session leader', async () => {
  const k = makeKernel();
  const t = openTerm(k, program('r', async (p) => { await p.read(0); return 0; }));
  await tick(2);
  t.master.close();
  const st = await t.handle.wait();
  assert.equal(st.signal, Signal.SIGHUP);
  assert.equal(st.status, 129);
});

test('after hangup: reads return EOF, writes fail with EIO', async () => {
  const k = makeKernel();
  const log: string[] = [];
  const t = openTerm(k, program('r', async (p) => {
    p.setSignal(Signal.SIGHUP, 'ignore');
    log.push(`read=${(await p.read(0)).length}`);
    try { await p.write(1, 'x'); } catch (e) { log.push((e as KernelError).code); }
    return 0;
  }));
  await tick(2);
  t.master.close();
  assert.equal((await t.handle.wait()).status, 0);
  assert.deepEqual(log, ['read=0', 'EIO']);
});

test('session leader exit sends SIGHUP to the foreground group', async () => {
  const k = makeKernel();
  let childPid = 0;
  const sh = program('sh', async (p) => {
    childPid = p.spawn({ argv: ['fg'], program: program('fg', async (c) => { await c.read(0); return 0; }), pgid: 0 });
    p.file(0).ioctl!('TIOCSPGRP', childPid);
    return 0; // exits without waiting
  });
  const t = openTerm(k, sh);
  await t.handle.wait();
  await tick(2);
  assert.equal(k.process(childPid), undefined, 'the orphaned foreground job got SIGHUP and was reaped');
  assert.equal(t.pty.sid, 0);
});

test('the master reads EOF once every slave is closed and output is drained', async () => {
  const k = makeKernel();
  const { master, slave } = k.openPty();
  slave.write(new TextEncoder().encode('bye\n'));
  slave.close();
  assert.equal(new TextDecoder().decode(await master.read(100)), 'bye\r\n');
  assert.equal((await master.read(100)).length, 0);
});
