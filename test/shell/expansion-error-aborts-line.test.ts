import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from './helpers.ts';

// bash abandons the rest of the current command line after an expansion error (bad
// substitution, arithmetic error, readonly assignment) and goes on with the next line; fatal
// ones (unbound variable, ${x:?}) end `bash -c` with 127, a subshell with 1.
const cases: [string, string, number][] = [
  ['bad substitution', 'echo ${x!}; echo same\necho next', 0],
  ['arithmetic error', 'echo $((1/0)); echo same\necho next', 0],
  ['readonly assignment', 'readonly r=1\nr=2; echo same\necho next', 0],
  ['inside a function', 'f() { echo $((1/0)); echo in-f; }; f; echo same\necho next $?', 0],
  ['redirection target', 'echo hi > ${x!}; echo same\necho next', 0],
  ['eval only loses its own text', 'eval \'echo ${x!}; echo same\'; echo "after $?"', 0],
  ['unbound variable exits -c with 127', 'set -u; echo $nope; echo same\necho next', 127],
  ['${x:?} exits -c with 127', 'echo ${x:?gone}\necho next', 127],
  ['fatal in a subshell: status 1', 'set -u; (echo $nope); echo "after $?"', 0],
  ['[[ ]] arithmetic is just a failure', '[[ 1 -eq 1/0 ]]; echo "same $?"', 0],
];

for (const [name, script, status] of cases) {
  test(name, async () => {
    const { vm, bash } = await both(script);
    assert.equal(vm.status, status);
    if (bash) {
      assert.equal(vm.stdout, bash.stdout);
      assert.equal(vm.status, bash.status);
    }
  });
}
