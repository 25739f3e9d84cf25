// A writer of 1 MB into a pipe nobody reads blocks once 64 KiB (limits.pipeBuffer) are
// buffered, and proceeds exactly as fast as the reader drains; `cat big | head -1` never
// holds more than the pipe size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipe } from '../../kernel/pipe.ts';
import { makeKernel, tick } from '../proc/helpers.ts';

test('1 MB write blocks at 64 KiB until drained', async () => {
  const k = makeKernel();
  const cap = k.limits.pipeBuffer;
  assert.equal(cap, 64 * 1024);
  const [r, w] = createPipe(k.limits);
  const big = new Uint8Array(1024 * 1024).map((_, i) => i & 0xff);
  let written = -1;
  const writing = Promise.resolve(w.write(big)).then((n) => { written = n; });
  await tick(5);
  assert.equal(written, -1, 'writer must still be blocked');
  assert.equal(r.ioctl('FIONREAD'), cap, 'exactly the pipe capacity is buffered');
  let total = 0;
  let maxBuffered = 0;
  let ok = true;
  while (total < big.length) {
    maxBuffered = Math.max(maxBuffered, r.ioctl('FIONREAD') as number);
    const c = await r.read(7000);
    for (let i = 0; i < c.length; i++) if (c[i] !== ((total + i) & 0xff)) ok = false;
    total += c.length;
  }
  await writing;
  assert.ok(ok, 'bytes arrive in order, unchanged');
  assert.equal(written, big.length);
  assert.ok(maxBuffered <= cap, `buffered ${maxBuffered} > ${cap}`);
  w.close();
  assert.equal((await r.read(10)).length, 0);
});

test('the writer is released as soon as room appears', async () => {
  const k = makeKernel({ pipeBuffer: 8192 });
  const [r, w] = createPipe(k.limits);
  const big = new Uint8Array(20000);
  let done = false;
  const writing = Promise.resolve(w.write(big)).then(() => { done = true; });
  await tick(1);
  assert.equal(r.ioctl('FIONREAD'), 8192);
  await r.read(8192);
  await tick(1);
  assert.equal(done, false);
  assert.equal(r.ioctl('FIONREAD'), 8192, 'refilled to capacity, no more');
  await r.read(8192);
  await tick(1);
  assert.equal(r.ioctl('FIONREAD'), 20000 - 16384);
  await writing;
  assert.equal(done, true);
});
