import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

// Redirections of builtins, functions and compound commands are applied to the shell's own
// fds and must be undone afterwards, also when the command fails or the redirection fails.
test('fds come back after builtins, groups, loops and functions', async () => {
  const script = [
    'echo one > /tmp/a; echo two',
    '{ echo three; echo four >&2; } 2>/tmp/b; echo five',
    'for i in 1; do echo six; done > /tmp/c; echo seven',
    'f() { echo eight; return 3; }; f > /tmp/d; echo "nine $?"',
    'read -r x < /tmp/a; echo "ten $x"',
    'echo eleven 3>&1 1>/dev/null; echo twelve',
    'cat /tmp/a /tmp/b /tmp/c /tmp/d',
  ].join('\n');
  const r = await sh(script);
  assert.equal(r.stdout, 'two\nthree\nfive\nseven\nnine 3\nten one\ntwelve\none\nfour\nsix\neight\n');
});

test('a failing redirection leaves the earlier ones undone and the command not run', async () => {
  const script = 'echo a > /tmp/x 2>/nonexistent/y; echo "st=$?"; echo b; cat /tmp/x 2>&1 || true';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, bash?.stdout ?? 'st=1\nb\n');
  assert.match(vm.stderr, /\/nonexistent\/y: No such file or directory/);
});

test('exec redirections are permanent; n>&- closes; n>&m- moves', async () => {
  const script = [
    'exec 3>/tmp/log; echo to-three >&3; exec 3>&-; echo x >&3 || echo closed',
    'exec 4>/tmp/m; exec 5>&4-; echo moved >&5; echo y >&4 || echo four-gone; cat /tmp/log /tmp/m',
  ].join('\n');
  const r = await sh(script);
  assert.equal(r.stdout, 'closed\nfour-gone\nto-three\nmoved\n');
  assert.match(r.stderr, /3: Bad file descriptor/);
});

test('noclobber refuses > on an existing file, >| overrides', async () => {
  const { vm, bash } = await both('cd /tmp; rm -f nc; set -C; echo a > nc; echo b > nc; echo $?; echo c >| nc; cat nc; rm -f nc');
  assert.equal(vm.stdout, '1\nc\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
  assert.match(vm.stderr, /nc: cannot overwrite existing file/);
});

test('ambiguous redirects are reported with the word as written', async () => {
  const { vm, bash } = await both('a="1 2"; echo x > $a; echo $?; echo x > $nothing; echo $?');
  assert.equal(vm.stdout, '1\n1\n');
  assert.equal(vm.stderr, 'bash: line 1: $a: ambiguous redirect\nbash: line 1: $nothing: ambiguous redirect\n');
  if (bash) assert.equal(vm.stderr, bash.stderr);
});
