import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('a WASM cat streams a pipe far larger than the pipe buffer', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wcat'], { limits: { pipeBuffer: 4096 } });
  const r = await vm.exec('seq 1 200000 | wcat | tail -1; seq 1 200000 | wcat | wc -c');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '200000\n1288895\n');
});

test('the WASM cat hands data on before its input ends (no buffering of everything)', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wcat']);
  const p = vm.spawn(['wcat']);
  const w = p.stdin.getWriter();
  const r = p.stdout.getReader();
  await w.write(new TextEncoder().encode('first chunk\n'));
  const first = await r.read();
  assert.equal(new TextDecoder().decode(first.value), 'first chunk\n');
  await w.write(new TextEncoder().encode('second\n'));
  assert.equal(new TextDecoder().decode((await r.read()).value), 'second\n');
  await w.close();
  assert.equal((await r.read()).done, true);
  assert.deepEqual(await p.wait(), { exitCode: 0 });
});
