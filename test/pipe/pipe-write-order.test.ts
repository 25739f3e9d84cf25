// Bytes come out in exactly the order written, whatever the mix of tiny writes (coalesced
// internally), big writes and short reads; the writer may reuse its buffer after write().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipe } from '../../kernel/pipe.ts';
import { makeKernel } from '../proc/helpers.ts';

test('mixed small/big writes and reads of every size keep order and content', async () => {
  const k = makeKernel({ pipeBuffer: 1 << 20 });
  const [r, w] = createPipe(k.limits);
  let seq = 0;
  const expected: number[] = [];
  const sizes = [1, 2, 3, 5000, 7, 1, 20000, 900, 1100, 4096, 1, 3000, 65536, 2];
  const scratch = new Uint8Array(70000);
  for (const n of sizes) {
    const chunk = scratch.subarray(0, n);
    for (let i = 0; i < n; i++) { chunk[i] = seq & 0xff; expected.push(seq & 0xff); seq++; }
    assert.equal(await w.write(chunk), n);
    chunk.fill(0); // the pipe must have copied it
  }
  w.close();
  const got: number[] = [];
  const readSizes = [1, 10, 3, 100000, 7, 5000];
  for (let i = 0; ; i++) {
    const c = await r.read(readSizes[i % readSizes.length]!);
    if (c.length === 0) break;
    for (const b of c) got.push(b);
  }
  assert.equal(got.length, expected.length);
  assert.deepEqual(got, expected);
});
