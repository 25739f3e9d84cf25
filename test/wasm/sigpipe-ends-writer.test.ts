import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('a WASM yes ends by SIGPIPE as soon as head exits', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wyes']);
  const t0 = performance.now();
  const r = await vm.exec('wyes | head -1; echo "${PIPESTATUS[@]}"', { timeoutMs: 10_000 });
  assert.equal(r.timedOut, undefined);
  assert.equal(r.stdout, 'y\n141 0\n');
  assert.equal(r.stderr, '');
  assert.ok(performance.now() - t0 < 2000, `took ${performance.now() - t0} ms`);
});

test('with SIGPIPE ignored the writer sees EPIPE and reports it itself', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wyes']);
  const r = await vm.exec('trap "" PIPE; wyes | head -1; echo "${PIPESTATUS[@]}"', { timeoutMs: 10_000 });
  assert.equal(r.stdout, 'y\n1 0\n');
  assert.equal(r.stderr, 'wyes: Broken pipe\n');
});
