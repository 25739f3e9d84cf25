import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './helpers.ts';

// Stages run concurrently on kernel pipes: when the reader exits, the writer dies of SIGPIPE at
// once instead of producing forever or buffering everything.
test('yes | head -1 ends at once', async () => {
  const t0 = performance.now();
  const r = await sh('yes | head -1; echo "${PIPESTATUS[@]}"');
  assert.equal(r.stdout, 'y\n141 0\n');
  assert.ok(performance.now() - t0 < 5000);
});

test('a long seq into head -2 stops early', async () => {
  const t0 = performance.now();
  const r = await sh('seq 1 10000000 | head -2');
  assert.equal(r.stdout, '1\n2\n');
  assert.ok(performance.now() - t0 < 5000, 'took too long: the writer was not stopped');
});

test('a builtin loop in a pipeline stage is stopped by SIGPIPE too', async () => {
  const r = await sh('while :; do echo x; done | head -3; echo "${PIPESTATUS[@]}"');
  assert.equal(r.stdout, 'x\nx\nx\n141 0\n');
});
