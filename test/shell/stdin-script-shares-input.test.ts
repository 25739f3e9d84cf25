import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

// `bash < script` must not read ahead of the command it runs: a command reading stdin gets the
// script's following lines, exactly as in bash (which reads its input byte by byte).
test('a command in a stdin script reads the next script lines', async () => {
  const stdin = 'read x\necho "got $x"\necho "after"\ncat\nline a\nline b\n';
  const { vm, bash } = await both('', { args: [], stdin });
  assert.equal(vm.stdout, 'after\nline a\nline b\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('multi-line constructs, here-documents and continuation lines arrive whole', async () => {
  const stdin = 'for i in 1 2; do\necho $i\ndone\ncat <<EOF\nbody\nEOF\necho a \\\nb\nx=$(\necho sub)\necho $x\n';
  const { vm, bash } = await both('', { args: [], stdin });
  assert.equal(vm.stdout, '1\n2\nbody\na b\nsub\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('bash -s passes arguments; $- shows s', async () => {
  const r = await sh('', { args: ['-s', 'one', 'two'], stdin: 'echo "$1 $2 $#"; case $- in *s*) echo has-s;; esac\n' });
  assert.equal(r.stdout, 'one two 2\nhas-s\n');
});
