// A pipe reads EOF only once EVERY write reference is gone: dup'd fds and copies inherited by
// children count; the last close (or the last writer's exit) delivers EOF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipe } from '../../kernel/pipe.ts';
import { dec, makeKernel, program, runRoot, tick } from '../proc/helpers.ts';

test('EOF waits for the dup and the child copy of the write end', async () => {
  const k = makeKernel();
  const child = program('child', async (p) => {
    await new Promise((r) => setTimeout(r, 10));
    await p.write(1, 'from child\n');
    return 0;
  });
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const w2 = p.dup(w);
    const pid = p.spawn({ argv: ['child'], program: child, fds: [0, w, 2] });
    p.close(w);
    await p.write(w2, 'from dup\n');
    p.close(w2);
    let got = '';
    for (;;) {
      const c = await p.read(r);
      if (c.length === 0) break;
      got += dec.decode(c);
    }
    await p.wait(pid);
    await p.write(1, got);
    return 0;
  });
  const { out } = await runRoot(k, prog);
  assert.equal(out, 'from dup\nfrom child\n');
});

test('a blocked reader wakes with EOF when the last writer closes', async () => {
  const k = makeKernel();
  const [r, w] = createPipe(k.limits);
  let result: Uint8Array | undefined;
  const p = Promise.resolve(r.read(100)).then((d) => { result = d; });
  await tick(2);
  assert.equal(result, undefined, 'reader must block while a writer exists');
  w.ref();
  w.close();
  await tick(2);
  assert.equal(result, undefined, 'one reference remains: still no EOF');
  w.close();
  await p;
  assert.equal(result!.length, 0);
});

test('data written before the close is read before EOF', async () => {
  const k = makeKernel();
  const [r, w] = createPipe(k.limits);
  w.write(new TextEncoder().encode('abc'));
  w.close();
  assert.equal(dec.decode(await r.read(2)), 'ab');
  assert.equal(dec.decode(await r.read(100)), 'c');
  assert.equal((await r.read(100)).length, 0);
});
