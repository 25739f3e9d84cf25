// sleep waits the sum of its operands (fractions and s/m/h/d suffixes), and ends at once when
// its process is killed instead of holding the event loop for the full interval.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Collector } from '../../kernel/collector.ts';
import { Source } from '../../kernel/source.ts';
import { TestBox, defaultEnv } from './helpers.ts';

test('fractional and summed intervals', async () => {
  const box = new TestBox();
  const t0 = performance.now();
  const r = await box.run(['sleep', '0.05', '0.05s', '0.001m']);
  const ms = performance.now() - t0;
  assert.equal(r.status, 0);
  assert.ok(ms >= 150 && ms < 1500, `slept ${ms} ms`);
});

test('a killed sleep ends at once with the signal status', async () => {
  const box = new TestBox();
  const h = box.kernel.spawnRoot({
    argv: ['sleep', '1d'], env: defaultEnv, cwd: '/', stdio: [new Source(new Uint8Array(0)), new Collector(100), new Collector(100)],
  });
  const t0 = performance.now();
  setTimeout(() => h.kill(15), 30);
  const st = await h.wait();
  assert.equal(st.status, 143);
  assert.ok(performance.now() - t0 < 1000);
  const inf = box.kernel.spawnRoot({
    argv: ['sleep', 'inf'], env: defaultEnv, cwd: '/', stdio: [new Source(new Uint8Array(0)), new Collector(100), new Collector(100)],
  });
  setTimeout(() => inf.kill(9), 10);
  assert.equal((await inf.wait()).status, 137);
});

test('invalid intervals', async () => {
  const box = new TestBox();
  const r = await box.run(['sleep', 'x', '1y', '--', '-1']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "sleep: invalid time interval 'x'\nsleep: invalid time interval '1y'\nsleep: invalid time interval '-1'\nTry 'sleep --help' for more information.\n");
  // like GNU, "-1" without "--" is an option
  assert.equal((await box.run(['sleep', '-1'])).stderr, "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n");
});
