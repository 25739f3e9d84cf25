import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

// Every context in which bash ignores set -e, and the ones in which it does not.
const cases: [string, string][] = [
  ['if condition', 'set -e; if false; then echo no; fi; echo reached'],
  ['elif condition', 'set -e; if false; then :; elif false; then :; else echo else; fi; echo reached'],
  ['while condition', 'set -e; while false; do :; done; echo reached'],
  ['until condition', 'set -e; i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo reached $i'],
  ['left of &&', 'set -e; false && echo no; echo reached'],
  ['left of ||', 'set -e; false || echo rescued; echo reached'],
  ['negated pipeline', 'set -e; ! true; echo reached'],
  ['not the last in a && list', 'set -e; true && false && echo no; echo reached'],
  ['last of && list fails', 'set -e; true && false; echo not-reached'],
  ['plain failure', 'set -e; echo before; false; echo not-reached'],
  ['pipeline status is the last stage', 'set -e; false | true; echo reached'],
  ['subshell failure', 'set -e; (false); echo not-reached'],
  ['subshell inherits -e', 'set -e; (false; echo inner-not-reached); echo not-reached'],
  ['(( )) zero', 'set -e; (( 0 )); echo not-reached'],
  ['[[ ]] false', 'set -e; [[ a == b ]]; echo not-reached'],
  ['command substitution does not inherit', 'set -e; x=$(false; echo still); echo "[$x]"'],
  ['inherit_errexit', 'set -e; shopt -s inherit_errexit; x=$(false; echo still); echo "[$x]"'],
  ['assignment from failing substitution', 'set -e; x=$(false); echo not-reached'],
  ['group in condition', 'set -e; if { false; echo in-group; }; then echo then; fi; echo reached'],
  ['function returning nonzero', 'set -e; f() { return 3; }; f; echo not-reached'],
];

for (const [name, script] of cases) {
  test(`set -e: ${name}`, async () => {
    const { vm, bash } = await both(script);
    if (bash) {
      assert.equal(vm.stdout, bash.stdout, script);
      assert.equal(vm.status, bash.status, script);
    }
    assert.ok(!vm.stdout.includes('not-reached'), vm.stdout);
  });
}

test('set -e exit status is the failing command\'s', async () => {
  const r = await sh('set -e; (exit 7); echo no');
  assert.equal(r.status, 7);
  assert.equal(r.stdout, '');
});
