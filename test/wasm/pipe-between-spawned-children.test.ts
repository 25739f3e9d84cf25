import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('pipe() connects two spawned children: JS tools, the shell, and WASM modules', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['ppipe', 'pupper']);
  const r = await vm.exec([
    'ppipe echo hello world -- tr a-z A-Z',
    'ppipe sh -c "echo from sh; exit 3" -- pupper',
    'printf "wasm to wasm\\n" | ppipe pupper -- pupper',
  ].join('; '), { timeoutMs: 10_000 });
  assert.equal(r.timedOut, undefined);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'HELLO WORLD\nfirst 0 second 0\nFROM SH\nfirst 3 second 0\nWASM TO WASM\nfirst 0 second 0\n');
});
