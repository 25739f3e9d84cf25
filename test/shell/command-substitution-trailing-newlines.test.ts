import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('$( ) strips all trailing newlines and nothing else', async () => {
  const script = [
    'x=$(printf "a\\n\\n\\n"); echo "[$x]"',
    'x=$(printf "\\n\\na b \\n"); echo "[$x]"',
    'x=$(printf "a\\r\\n"); echo "[${#x}]"',
    'x=`printf "q\\n\\n"`; echo "[$x]"',
    'x=$(exit 3); echo $?',
    'echo "[$(true)]"',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, '[a]\n[\n\na b ]\n[2]\n[q]\n3\n[]\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('$(< file) reads the file without running a command', async () => {
  const r = await sh('x=$(< /tmp/f); echo "[$x]"; y=$(< /nonexistent); echo "st=$?"', { files: { '/tmp/f': 'one\ntwo\n\n' } });
  assert.equal(r.stdout, '[one\ntwo]\nst=1\n');
  assert.match(r.stderr, /\/nonexistent: No such file or directory/);
});

test('a large substitution is read completely (writer blocks on the pipe meanwhile)', async () => {
  const r = await sh('x=$(i=0; while [ $i -lt 20000 ]; do echo line$i; i=$((i+1)); done); echo ${#x}');
  const expected = Array.from({ length: 20000 }, (_, i) => `line${i}`).join('\n').length;
  assert.equal(r.stdout, `${expected}\n`);
});
