import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

// A fork bomb runs into limits.maxProcesses; meanwhile the host's event loop keeps turning
// (timers fire), timeoutMs works, and dispose() ends every process.
test('a fork bomb neither starves the host nor outlives dispose', async () => {
  const vm = await createVM({ limits: { maxProcesses: 64 } });
  let ticks = 0;
  const timer = setInterval(() => { ticks++; }, 5);
  try {
    const t0 = Date.now();
    const r = await vm.exec('f() { f | f & }; f; sleep 0.3; echo survived', { timeoutMs: 10_000 });
    assert.equal(r.stdout, 'survived\n');
    assert.ok(Date.now() - t0 < 8000, 'exec came back');
    assert.ok(ticks >= 5, `host timers ran while the bomb went off (${ticks} ticks)`);
    assert.ok(vm.kernel.processes().length <= 64, 'process limit enforced');
  } finally {
    clearInterval(timer);
    await vm.dispose();
  }
  assert.equal(vm.kernel.processes().length, 0);
});
