import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('abort() (a wasm trap) ends the process by SIGABRT with a message on stderr', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wtrap']);
  const r = await vm.exec('wtrap abort; echo "status=$?"');
  assert.equal(r.stdout, 'status=134\n');
  assert.match(r.stderr, /^about to abort\nwtrap: wasm trap: unreachable\b/);
});

test('memory is capped per process: malloc fails cleanly instead of growing without bound', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wtrap'], {}, { maxMemoryBytes: 32 * 1024 * 1024 });
  const r = await vm.exec('wtrap malloc; echo "status=$?"');
  assert.match(r.stdout, /^malloc failed after (\d+) MiB\nstatus=3\n$/);
  const mib = Number(/after (\d+)/.exec(r.stdout)![1]);
  assert.ok(mib >= 25 && mib <= 32, `${mib} MiB`);
});
