import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';
import { WasmProgram, moduleCacheStats } from '../../wasm/index.ts';
import { fixture, skipReason } from './helpers.ts';

test('a module is compiled once and instantiated per run, across programs and VMs', { skip: skipReason }, async () => {
  const path = fixture('wargs');
  const before = moduleCacheStats();
  const p1 = new WasmProgram('wargs', path);
  const p2 = new WasmProgram('wargs2', path); // same file under another name: same compiled module
  await using a = await createVM();
  await using b = await createVM();
  a.kernel.registerProgram(p1, ['/usr/local/bin/wargs']);
  b.kernel.registerProgram(p2, ['/usr/local/bin/wargs2']);
  // Only shell builtins besides the fixture: the GNU tools (head, uniq) would count in the stats too.
  const r = await a.exec('for i in 1 2 3 4 5 6 7 8 9 10; do wargs x > out$i || echo fail; done; read -r l < out10; echo "$l"');
  assert.equal(r.stdout, 'argc=2\n');
  assert.equal((await b.exec('wargs2 > o; read -r l < o; echo "$l"')).stdout, 'argc=1\n');
  const after = moduleCacheStats();
  assert.ok(after.compiles - before.compiles <= 1, `compiled ${after.compiles - before.compiles} times`);
  assert.equal(after.hits - before.hits + (after.compiles - before.compiles), 11);
});

test('the same bytes given twice share one compiled module', { skip: skipReason }, async () => {
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(fixture('wargs'));
  const before = moduleCacheStats();
  const x = new WasmProgram('x', new Uint8Array(bytes));
  const y = new WasmProgram('y', new Uint8Array(bytes));
  assert.equal(await x.module(), await y.module());
  assert.equal(moduleCacheStats().compiles - before.compiles, 1);
});
