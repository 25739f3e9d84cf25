// seq produces its output in chunks: `seq 1 10000000 | head -2` ends as soon as head does, and
// an unbounded `seq inf` is usable in a pipeline.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox, pipeline } from './helpers.ts';

test('seq 1 10000000 | head -2 ends at once', async () => {
  const box = new TestBox();
  const r = await pipeline(box, [['seq', '1', '10000000'], ['head', '-2']], { timeoutMs: 5000 });
  assert.equal(r.stdout, '1\n2\n');
  assert.deepEqual(r.statuses, [141, 0]);
  assert.ok(r.ms < 2000, `took ${r.ms} ms`);
});

test('seq inf and fractional steps stream too', async () => {
  const box = new TestBox();
  const a = await pipeline(box, [['seq', 'inf'], ['head', '-3']], { timeoutMs: 5000 });
  assert.equal(a.stdout, '1\n2\n3\n');
  const b = await pipeline(box, [['seq', '1', '0.5', 'inf'], ['head', '-3']], { timeoutMs: 5000 });
  assert.equal(b.stdout, '1.0\n1.5\n2.0\n');
});

test('a long sequence is complete and in order', async () => {
  const box = new TestBox();
  const r = await pipeline(box, [['seq', '200000'], ['tail', '-1']], { timeoutMs: 10000 });
  assert.equal(r.stdout, '200000\n');
  const w = await pipeline(box, [['seq', '200000'], ['wc', '-l']], { timeoutMs: 10000 });
  assert.equal(w.stdout, '200000\n');
});
