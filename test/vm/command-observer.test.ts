// An interactive shell reports each typed command line to kernel.commandObserver: 'start' with
// the line, 'end' with $?, the shell's $PWD and its exported environment. Scripts stay silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../kernel/vm.ts';
import type { ShellCommandEvent } from '../../kernel/types.ts';

test('interactive command lines are reported; non-interactive scripts are not', async () => {
  const vm = await createVM();
  const seen: ShellCommandEvent[] = [];
  vm.kernel.commandObserver = (ev) => seen.push(ev);
  await vm.exec('echo not-interactive; cd /tmp');
  assert.equal(seen.length, 0);

  const pty = vm.pty();
  let out = '';
  pty.onData((d) => { out += new TextDecoder().decode(d); });
  const waitFor = async (pred: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!pred() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.ok(pred(), `timed out; output so far: ${JSON.stringify(out)}`);
  };
  await waitFor(() => out.includes('$ '));
  pty.write('cd /tmp && export FLAVOR=mint && (exit 3)\r');
  await waitFor(() => seen.some((e) => e.phase === 'end'));
  pty.write('\r'); // an empty line is not a command
  pty.write('for i in 1 2; do\r');
  pty.write('echo $i; done\r');
  await waitFor(() => seen.filter((e) => e.phase === 'end').length === 2);

  const [s1, e1, s2, e2] = seen;
  assert.deepEqual(s1, { phase: 'start', pid: pty.pid, line: 'cd /tmp && export FLAVOR=mint && (exit 3)' });
  assert.equal(e1!.phase, 'end');
  assert.equal(e1!.status, 3);
  assert.equal(e1!.cwd, '/tmp');
  assert.equal(e1!.env?.FLAVOR, 'mint');
  assert.equal(s2!.line, 'for i in 1 2; do\necho $i; done');
  assert.equal(e2!.status, 0);
  assert.equal(seen.length, 4);
  pty.dispose();
  await vm.dispose();
});
