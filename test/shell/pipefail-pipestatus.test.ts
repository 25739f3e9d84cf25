import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('PIPESTATUS holds every stage, $? the last, pipefail the last failing', async () => {
  const script = [
    'true | (exit 4) | false; echo "${PIPESTATUS[@]} $?"',
    '(exit 3) | true; echo "$? ${PIPESTATUS[*]}"',
    'set -o pipefail; (exit 3) | (exit 5) | true; echo "$?"',
    '(exit 3) | true; echo $?',
    '! (exit 2) | true; echo "neg $? ${PIPESTATUS[@]}"',
    'false; echo "${PIPESTATUS[@]}"',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, '0 4 1 1\n0 3 0\n5\n3\nneg 0 2 0\n1\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('set -e with pipefail stops on a failing middle stage', async () => {
  const r = await sh('set -eo pipefail; false | cat; echo no');
  assert.equal(r.stdout, '');
  assert.equal(r.status, 1);
});
