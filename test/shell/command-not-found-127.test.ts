import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('unknown command: 127 and bash\'s message, the script goes on', async () => {
  const { vm, bash } = await both('nosuch arg; echo "st=$?"');
  assert.equal(vm.stdout, 'st=127\n');
  assert.equal(vm.stderr, 'bash: line 1: nosuch: command not found\n');
  if (bash) { assert.equal(vm.stdout, bash.stdout); assert.equal(vm.stderr, bash.stderr); }
});

test('$0 names the shell in messages', async () => {
  const r = await sh('', { args: ['-c', 'nosuch', 'myname'] });
  assert.equal(r.stderr, 'myname: line 1: nosuch: command not found\n');
  assert.equal(r.status, 127);
});

test('paths: missing 127, not executable 126, directory 126', async () => {
  const { vm, bash } = await both('echo x > /tmp/noexec.$$; /nonexistent; echo $?; /tmp/noexec.$$; echo $?; /tmp; echo $?');
  assert.equal(vm.stdout, '127\n126\n126\n');
  assert.match(vm.stderr, /^bash: line 1: \/nonexistent: No such file or directory\nbash: line 1: \/tmp\/noexec\.\d+: Permission denied\nbash: line 1: \/tmp: Is a directory\n$/);
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('a file without #! is run as a shell script', async () => {
  const r = await sh('/tmp/script.sh a b; echo "st=$?"', { files: { '/tmp/script.sh': 'echo "in script $0 $1 $2"; exit 3\n' } });
  assert.equal(r.stdout, 'in script /tmp/script.sh a b\nst=3\n');
});

test('command_not_found_handle is called with the command line', async () => {
  const r = await sh('command_not_found_handle() { echo "handled: $*"; return 9; }; nosuch 1 2; echo $?');
  assert.equal(r.stdout, 'handled: nosuch 1 2\n9\n');
});
