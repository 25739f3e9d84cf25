import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('-c: earlier lines run, then bash\'s two-line message and status 2', async () => {
  const { vm, bash } = await both('echo a\necho b)\necho c');
  assert.equal(vm.stdout, 'a\n');
  assert.equal(vm.stderr, "bash: -c: line 2: syntax error near unexpected token `)'\nbash: -c: line 2: `echo b)'\n");
  assert.equal(vm.status, 2);
  if (bash) { assert.equal(vm.stderr, bash.stderr); assert.equal(vm.status, bash.status); }
});

test('a script file names itself in the message', async () => {
  const r = await sh('', { args: ['/tmp/s.sh'], files: { '/tmp/s.sh': 'echo hi\nif true; then\n echo x)\nfi\n' } });
  assert.equal(r.stdout, 'hi\n');
  assert.equal(r.stderr, "/tmp/s.sh: line 3: syntax error near unexpected token `)'\n/tmp/s.sh: line 3: ` echo x)'\n");
  assert.equal(r.status, 2);
});

test('eval reports its own syntax errors and the shell goes on', async () => {
  const { vm, bash } = await both('eval "echo )"; echo "after $?"');
  assert.equal(vm.stdout, 'after 2\n');
  assert.equal(vm.stderr, "bash: eval: line 1: syntax error near unexpected token `)'\nbash: eval: line 1: `echo )'\n");
  if (bash) assert.equal(vm.stderr, bash.stderr);
});

test('the script read from stdin stops at the error', async () => {
  const r = await sh('', { args: [], stdin: 'echo ok\nif true; then\n echo x)\nfi\necho never\n' });
  assert.equal(r.stdout, 'ok\n');
  assert.equal(r.stderr, "bash: line 3: syntax error near unexpected token `)'\nbash: line 3: ` echo x)'\n");
  assert.equal(r.status, 2);
});

test('aliases defined on one line apply to the next', async () => {
  const { vm, bash } = await both('shopt -s expand_aliases\nalias say="echo said"\nsay hi; alias say2="echo two"; say2 x\nsay2 y');
  assert.equal(vm.stdout, 'said hi\ntwo y\n');
  assert.equal(vm.stderr, 'bash: line 3: say2: command not found\n');
  if (bash) assert.equal(vm.stdout + vm.stderr, bash.stdout + bash.stderr.replace(/^\/usr\/bin\/bash/gm, 'bash'));
});
