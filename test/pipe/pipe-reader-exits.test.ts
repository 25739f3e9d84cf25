// `yes | head -1`: the writer gets EPIPE once the reader is gone; with SIGPIPE at its default
// action it dies with status 141 (128 + 13) at once, instead of writing forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { KernelError } from '../../kernel/errno.ts';
import { makeKernel, program, runRoot } from '../proc/helpers.ts';

const yes = program('yes', async (p) => { for (;;) await p.write(1, 'y\n'); });
const head1 = program('head', async (p) => {
  let line = '';
  for (;;) {
    const c = await p.read(0, 1);
    if (c.length === 0 || c[0] === 10) break;
    line += String.fromCharCode(c[0]!);
  }
  await p.write(1, `${line}\n`);
  return 0;
});

test('yes | head -1: head prints one line, yes dies of SIGPIPE (141)', async () => {
  const k = makeKernel();
  const sh = program('sh', async (p) => {
    const [r, w] = p.pipe();
    const a = p.spawn({ argv: ['yes'], program: yes, fds: [0, w, 2] });
    const b = p.spawn({ argv: ['head'], program: head1, fds: [r, 1, 2] });
    p.close(r); p.close(w);
    const sb = await p.wait(b);
    const sa = await p.wait(a);
    await p.write(1, `yes=${sa!.status} sig=${sa!.signal} head=${sb!.status}\n`);
    return 0;
  });
  const { out, status } = await runRoot(k, sh);
  assert.equal(status, 0);
  assert.equal(out, `y\nyes=141 sig=${Signal.SIGPIPE} head=0\n`);
});

test('with SIGPIPE ignored the write throws EPIPE instead', async () => {
  const k = makeKernel();
  const prog = program('w', async (p) => {
    p.setSignal(Signal.SIGPIPE, 'ignore');
    const [r, w] = p.pipe();
    p.close(r);
    try {
      await p.write(w, 'x');
      return 1;
    } catch (e) {
      assert.ok(e instanceof KernelError);
      assert.equal(e.code, 'EPIPE');
      return 7;
    }
  });
  const { status } = await runRoot(k, prog);
  assert.equal(status, 7);
});

test('a writer already blocked on a full pipe gets EPIPE when the reader closes', async () => {
  const k = makeKernel();
  const prog = program('w', async (p) => {
    p.setSignal(Signal.SIGPIPE, 'ignore');
    const [r, w] = p.pipe();
    const big = new Uint8Array(k.limits.pipeBuffer * 2);
    const pending = p.write(w, big);
    await new Promise((res) => setTimeout(res, 5));
    p.close(r);
    await assert.rejects(pending, (e: unknown) => e instanceof KernelError && e.code === 'EPIPE');
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});
