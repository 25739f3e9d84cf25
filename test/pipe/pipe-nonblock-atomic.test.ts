// O_NONBLOCK turns would-block into EAGAIN; writes of <= PIPE_BUF bytes are all-or-nothing;
// larger non-blocking writes are partial.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipe, PIPE_BUF } from '../../kernel/pipe.ts';
import { KernelError } from '../../kernel/errno.ts';
import { O_NONBLOCK, S_IFIFO, S_IFMT } from '../../kernel/types.ts';
import { makeKernel } from '../proc/helpers.ts';

const eagain = (e: unknown) => e instanceof KernelError && e.code === 'EAGAIN';

test('non-blocking read of an empty pipe: EAGAIN; after writers close: EOF', () => {
  const k = makeKernel();
  const [r, w] = createPipe(k.limits);
  r.flags |= O_NONBLOCK;
  assert.throws(() => r.read(10), eagain);
  w.close();
  assert.equal((r.read(10) as Uint8Array).length, 0);
});

test('atomic small writes and partial big writes with O_NONBLOCK', () => {
  const k = makeKernel({ pipeBuffer: 3 * PIPE_BUF });
  const [r, w] = createPipe(k.limits);
  w.flags |= O_NONBLOCK;
  assert.equal(w.write(new Uint8Array(2 * PIPE_BUF + 100)), 2 * PIPE_BUF + 100);
  // room = PIPE_BUF - 100: a PIPE_BUF write must not be split
  assert.throws(() => w.write(new Uint8Array(PIPE_BUF)), eagain);
  assert.equal(w.write(new Uint8Array(PIPE_BUF - 100)), PIPE_BUF - 100);
  assert.throws(() => w.write(new Uint8Array(1)), eagain);
  (r.read(PIPE_BUF * 2) as Uint8Array);
  // a big write takes what fits
  assert.equal(w.write(new Uint8Array(5 * PIPE_BUF)), 2 * PIPE_BUF);
  assert.equal(r.stat().mode & S_IFMT, S_IFIFO);
});
