import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('ERR runs after each failing command, EXIT once at the end with $?', async () => {
  const script = "trap 'echo exit $?' EXIT; trap 'echo err $?' ERR; false; (exit 3); echo mid; exit 5";
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'err 1\nerr 3\nmid\nexit 5\n');
  assert.equal(vm.status, 5);
  if (bash) { assert.equal(vm.stdout, bash.stdout); assert.equal(vm.status, bash.status); }
});

test('EXIT runs when set -e stops the shell, and exit inside it sets the status', async () => {
  const a = await sh("trap 'echo exit $?' EXIT; set -e; false; echo no");
  assert.equal(a.stdout, 'exit 1\n');
  assert.equal(a.status, 1);
  const b = await sh("trap 'echo in-trap; exit 9' EXIT; exit 2");
  assert.equal(b.stdout, 'in-trap\n');
  assert.equal(b.status, 9);
});

test('a subshell runs its own EXIT trap, not the parent\'s', async () => {
  const { vm, bash } = await both('trap "echo exit-main" EXIT; (trap "echo exit-sub" EXIT; echo in); echo out');
  assert.equal(vm.stdout, 'in\nexit-sub\nout\nexit-main\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('a trapped signal is handled between commands; wait is interrupted with 128+sig', async () => {
  const r = await sh('trap "echo got" USR1; kill -USR1 $$; echo after; sleep 5 & p=$!; (sleep 0.2; kill -USR1 $$) & wait $p; echo "st=$?"; kill $p');
  assert.equal(r.stdout, 'got\nafter\ngot\nst=138\n');
});

test("trap -p prints reusable commands; '' ignores; - resets", async () => {
  const { vm, bash } = await both("trap 'echo x' INT TERM; trap '' QUIT; trap -p; trap - INT; trap -p INT; echo ---; trap");
  assert.equal(vm.stdout, "trap -- 'echo x' SIGINT\ntrap -- '' SIGQUIT\ntrap -- 'echo x' SIGTERM\n---\ntrap -- '' SIGQUIT\ntrap -- 'echo x' SIGTERM\n");
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
