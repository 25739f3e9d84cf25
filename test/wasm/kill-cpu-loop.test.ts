// A WASM process in a loop without syscalls (or in deep recursion without loops) must still die at
// once on SIGKILL, ^C and a timeout: fuel checks (wasm/fuel.ts) reach the host at least every few
// milliseconds, and the tick ends a killed process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

const dec = new TextDecoder();

async function firstOutput(stream: ReadableStream<Uint8Array>): Promise<string> {
  const r = stream.getReader();
  const c = await r.read();
  r.releaseLock();
  return dec.decode(c.value);
}

for (const mode of ['loop', 'recurse']) {
  test(`SIGKILL ends a WASM process spinning in a syscall-free ${mode}`, { skip: skipReason }, async () => {
    await using vm = await vmWith(['wburn']);
    const p = vm.spawn(['wburn', mode]);
    assert.equal(await firstOutput(p.stdout), 'burning\n');
    await new Promise((res) => setTimeout(res, 50)); // well inside the loop
    const t0 = performance.now();
    p.kill('SIGKILL');
    assert.deepEqual(await p.wait(), { exitCode: 137, signal: 9 });
    assert.ok(performance.now() - t0 < 500, `took ${(performance.now() - t0).toFixed(0)} ms`);
  });
}

test('vm.exec timeout kills a syscall-free WASM loop', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wburn']);
  const t0 = performance.now();
  const r = await vm.exec('wburn recurse', { timeoutMs: 150 });
  assert.equal(r.timedOut, true);
  assert.equal(r.exitCode, 137);
  assert.equal(r.stdout, 'burning\n');
  assert.ok(performance.now() - t0 < 2000, `took ${(performance.now() - t0).toFixed(0)} ms`);
});

test('kill -9 from the shell reaps a background WASM loop', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wburn']);
  const r = await vm.exec('wburn loop > /dev/null & pid=$!; sleep 0.05; kill -9 $pid; wait $pid; echo "status=$?"');
  assert.equal(r.stdout, 'status=137\n');
});

test('^C on the terminal interrupts a WASM loop and the shell carries on', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wburn']);
  const term = vm.pty();
  let screen = '';
  term.onData((d) => { screen += dec.decode(d, { stream: true }); });
  const until = async (re: RegExp): Promise<void> => {
    const t0 = performance.now();
    while (!re.test(screen)) {
      if (performance.now() - t0 > 5000) throw new Error(`timed out waiting for ${re}; screen: ${JSON.stringify(screen)}`);
      await new Promise((res) => setTimeout(res, 5));
    }
  };
  await until(/\$ $/);
  term.write('wburn loop\r');
  await until(/burning\r\n/);
  await new Promise((res) => setTimeout(res, 30));
  term.write('\x03');
  await until(/\^C/);
  term.write('echo "after $?"\r');
  await until(/after 130/);
  term.write('exit\r');
  await term.wait();
});
