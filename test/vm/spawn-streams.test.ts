import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

async function readAll(s: ReadableStream<Uint8Array>): Promise<string> {
  let out = '';
  const dec = new TextDecoder();
  const r = s.getReader();
  for (;;) { const { value, done } = await r.read(); if (done) break; out += dec.decode(value, { stream: true }); }
  return out;
}

test('spawn streams stdin to stdout through a pipeline while it runs', async () => {
  await using vm = await createVM();
  // GNU tools block-buffer a pipe like glibc does (tr would hold HELLO until EOF, on Linux too);
  // cat writes what it reads, and sed -u flushes each line.
  const p = vm.spawn("cat | sed -u 's/.*/\\U&/'");
  const reader = p.stdout.getReader();
  const w = p.stdin.getWriter();
  await w.write(new TextEncoder().encode('hello\n'));
  // The first line arrives before stdin is closed: real streaming.
  const first = await reader.read();
  assert.equal(new TextDecoder().decode(first.value), 'HELLO\n');
  await w.close();
  reader.releaseLock();
  assert.equal(await readAll(p.stdout), '');
  assert.deepEqual(await p.wait(), { exitCode: 0 });
});

test('spawn with an argv array runs the program directly and reports its status', async () => {
  await using vm = await createVM();
  const p = vm.spawn(['ls', '/nonexistent']);
  await p.stdin.close();
  const [out, err, st] = await Promise.all([readAll(p.stdout), readAll(p.stderr), p.wait()]);
  assert.equal(out, '');
  assert.match(err, /No such file or directory/);
  assert.equal(st.exitCode, 2);
});

test('kill ends a spawned process with the signal status', async () => {
  await using vm = await createVM();
  const p = vm.spawn('sleep 100');
  setTimeout(() => p.kill('SIGTERM'), 20);
  assert.deepEqual(await p.wait(), { exitCode: 143, signal: 15 });
});
