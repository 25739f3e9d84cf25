import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from './helpers.ts';

test('set -x quotes words the way bash does', async () => {
  const script = `set -x; echo "a b" "c'd" '' x=1 '$' 'a*' '~' a=b '{a,b}' '#' a# plain; x=1 y="a b" true; : $'\\t'`;
  const { vm, bash } = await both(script);
  assert.equal(vm.stderr, [
    "+ echo 'a b' 'c'\\''d' '' x=1 '$' 'a*' '~' a=b '{a,b}' '#' a# plain",
    '+ x=1', "+ y='a b'", '+ true', "+ : '\t'", '',
  ].join('\n'));
  if (bash) assert.equal(vm.stderr, bash.stderr);
});

test('compound commands, substitutions and PS4 levels', async () => {
  const script = 'set -x; for i in 1 2; do :; done; [[ -n a && $x == 1 ]]; (( 1 + 1 )); case a in a) :;; esac; x=$(echo hi); PS4="> "; echo z';
  const { vm, bash } = await both(script);
  assert.equal(vm.stderr, [
    '+ for i in 1 2', '+ :', '+ for i in 1 2', '+ :', '+ [[ -n a ]]', "+ [[ '' == 1 ]]", '+ ((  1 + 1  ))',
    '+ case a in', '+ :', '++ echo hi', '+ x=hi', "+ PS4='> '", '> echo z', '',
  ].join('\n'));
  if (bash) assert.equal(vm.stderr, bash.stderr);
});
