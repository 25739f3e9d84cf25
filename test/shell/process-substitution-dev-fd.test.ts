import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('<( ) names a /dev/fd path readable by builtins and programs', async () => {
  const script = 'echo <(true); cat <(echo from-cat); while read -r l; do echo "got $l"; done < <(printf "a\\nb\\n")';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, '/dev/fd/63\nfrom-cat\ngot a\ngot b\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('>( ) receives what the command writes', async () => {
  const r = await sh('echo hello > >(cat > /tmp/out); wait; cat /tmp/out');
  assert.equal(r.stdout, 'hello\n');
});

test('the fd is closed after the command, so the reader sees EOF', async () => {
  const r = await sh('exec 3< <(echo x); read -r v <&3; echo $v; ls /dev/fd/63 2>/dev/null || echo closed');
  assert.equal(r.stdout, 'x\nclosed\n');
});
