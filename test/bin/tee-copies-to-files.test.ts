// tee copies its input to stdout and every file (truncating, or appending with -a), keeps going
// past files it cannot open, and dies of SIGPIPE when stdout's reader is gone (unless -p).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox, pipeline } from './helpers.ts';

test('stdout and files, -a', async () => {
  const box = new TestBox();
  box.write('/tmp/b', 'old\n');
  let r = await box.run(['tee', '/tmp/a', '/tmp/b'], { stdin: 'data\n' });
  assert.deepEqual([r.status, r.stdout], [0, 'data\n']);
  assert.equal(box.read('/tmp/a'), 'data\n');
  assert.equal(box.read('/tmp/b'), 'data\n');
  r = await box.run(['tee', '-a', '/tmp/a'], { stdin: 'more\n' });
  assert.equal(box.read('/tmp/a'), 'data\nmore\n');
  const big = 'x'.repeat(300_000);
  r = await box.run(['tee', '/tmp/big'], { stdin: big });
  assert.equal(r.stdout.length, 300_000);
  assert.equal(box.read('/tmp/big').length, 300_000);
});

test('unopenable files are reported, the rest still written', async () => {
  const box = new TestBox();
  const r = await box.run(['tee', '/nonexist/x', '/tmp/ok'], { stdin: 'z\n' });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'tee: /nonexist/x: No such file or directory\n');
  assert.equal(r.stdout, 'z\n');
  assert.equal(box.read('/tmp/ok'), 'z\n');
});

test('SIGPIPE by default; -p keeps writing the files', async () => {
  const box = new TestBox();
  const a = await pipeline(box, [['yes'], ['tee', '/tmp/t1'], ['head', '-1']], { timeoutMs: 5000 });
  assert.deepEqual(a.statuses, [141, 141, 0]);
  const b = await pipeline(box, [['seq', '100000'], ['tee', '-p', '/tmp/t2'], ['head', '-1']], { timeoutMs: 5000 });
  assert.deepEqual(b.statuses, [0, 0, 0]);
  assert.equal(box.read('/tmp/t2').split('\n').length, 100001);
});
