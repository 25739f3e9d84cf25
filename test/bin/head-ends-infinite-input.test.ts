// head must stop reading as soon as it has what it needs: `yes | head -1` ends at once, and the
// writer then dies of SIGPIPE (status 141) instead of running forever.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox, pipeline } from './helpers.ts';

test('yes | head -1 ends at once with one line', async () => {
  const box = new TestBox();
  const r = await pipeline(box, [['yes'], ['head', '-1']], { timeoutMs: 5000 });
  assert.equal(r.stdout, 'y\n');
  assert.deepEqual(r.statuses, [141, 0]);
  assert.ok(r.ms < 2000, `took ${r.ms} ms`);
});

test('head -n 3 and head -c 5 on an endless pipe', async () => {
  const box = new TestBox();
  const a = await pipeline(box, [['yes', 'abc'], ['head', '-n', '3']], { timeoutMs: 5000 });
  assert.equal(a.stdout, 'abc\nabc\nabc\n');
  assert.deepEqual(a.statuses, [141, 0]);
  const b = await pipeline(box, [['yes'], ['head', '-c', '5']], { timeoutMs: 5000 });
  assert.equal(b.stdout, 'y\ny\ny');
  assert.deepEqual(b.statuses, [141, 0]);
});

test('obsolete -NUM form works on a pipe too', async () => {
  const box = new TestBox();
  const r = await pipeline(box, [['seq', '1', '1000000000'], ['head', '-2']], { timeoutMs: 5000 });
  assert.equal(r.stdout, '1\n2\n');
  assert.deepEqual(r.statuses, [141, 0]);
});
