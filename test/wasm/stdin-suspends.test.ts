import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

test('a WASM read on an empty pipe suspends and resumes when data arrives', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wread']);
  const p = vm.spawn(['wread']);
  const w = p.stdin.getWriter();
  const r = p.stdout.getReader();
  const line = async (): Promise<string> => {
    let s = '';
    while (!s.endsWith('\n')) s += dec.decode((await r.read()).value);
    return s;
  };
  assert.equal(await line(), 'tty=0\n');
  // nothing written yet: the program is parked in fd_read, the host keeps running
  await new Promise((res) => setTimeout(res, 20));
  assert.ok(vm.processes().some((q) => q.pid === p.pid && q.state === 'S'));
  await w.write(enc.encode('one\n'));
  assert.equal(await line(), 'got:one\n');
  await w.write(enc.encode('two\n'));
  assert.equal(await line(), 'got:two\n');
  await w.close();
  let rest = '';
  for (let c = await r.read(); !c.done; c = await r.read()) rest += dec.decode(c.value);
  assert.equal(rest, 'eof\n');
  assert.deepEqual(await p.wait(), { exitCode: 0 });
});

test('a WASM program on a PTY sees a terminal and reads cooked lines', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wread']);
  const pty = vm.pty({ argv: ['wread'] });
  let out = '';
  let notify: (() => void) | null = null;
  pty.onData((d) => { out += dec.decode(d); notify?.(); });
  const until = async (s: string): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (!out.includes(s)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(s)} in ${JSON.stringify(out)}`);
      await new Promise<void>((res) => { notify = res; setTimeout(res, 50); });
    }
  };
  await until('tty=1');
  pty.write('hello\r');
  await until('got:hello');
  pty.write('\x04'); // ^D at the start of a line: EOF
  await until('eof');
  assert.deepEqual(await pty.wait(), { exitCode: 0 });
  pty.dispose();
});
