// A zero-length write is a no-op: it must not look like EOF to the reader, and must not wake
// a blocked reader with an empty read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipe } from '../../kernel/pipe.ts';
import { dec, enc, makeKernel, program, runRoot, tick } from '../proc/helpers.ts';

test('empty write returns 0 and the reader keeps waiting for real data', async () => {
  const k = makeKernel();
  const [r, w] = createPipe(k.limits);
  let got: Uint8Array | undefined;
  const reading = Promise.resolve(r.read(100)).then((d) => { got = d; });
  assert.equal(w.write(new Uint8Array(0)), 0);
  await tick(2);
  assert.equal(got, undefined, 'an empty write must not wake the reader with EOF');
  w.write(enc.encode('data'));
  await reading;
  assert.equal(dec.decode(got!), 'data');
});

test('proc.write of "" is a no-op through the process layer too', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    await p.write(w, '');
    await p.write(w, 'x');
    p.close(w);
    const a = await p.read(r);
    const b = await p.read(r);
    await p.write(1, `${dec.decode(a)}|${b.length}`);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).out, 'x|0');
});
