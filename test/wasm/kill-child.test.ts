import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('kill() signals a spawned child; ESRCH/ECHILD once it is reaped; kill of self runs the handler or the default action', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pkill']);
  const t0 = performance.now();
  const r = await vm.exec('pkill; echo "exit $?"', { timeoutMs: 10_000 });
  assert.equal(r.timedOut, undefined);
  assert.ok(performance.now() - t0 < 5000, 'the child was not left sleeping');
  assert.equal(r.stdout, [
    'WNOHANG while running -> 0',
    'kill 0 -> 0',
    'kill TERM -> 0',
    'child signaled 15',
    'kill gone child -> No such process',
    'waitpid again -> No child process',
    'own handler ran for 10',
    'exit 143',
    '',
  ].join('\n'));
});
