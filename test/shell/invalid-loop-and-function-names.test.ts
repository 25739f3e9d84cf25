// for/select variables and function names that are not identifiers fail when the command runs
// (bash's check_identifier): status 1 (a POSIX-mode script stops with status 2), checked before
// the word list is expanded; quoted or `$` function names are refused, `1x() {…}` is allowed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from './helpers.ts';

const cases: [string, string, number][] = [
  ['for 1x in $(echo hi >&2); do :; done; echo $?', '1\n', 0],
  ['set -o posix; for 1x in a; do :; done; echo $?', '', 2],
  ['select 1x in a; do :; done; echo $?', '1\n', 0],
  ['set -o posix; select 1x in a; do :; done; echo $?', '1\n', 0],
  ['a\\b() { :; }; echo $?', '1\n', 0],
  ['function "f" { :; }; echo $?; declare -F', '1\n', 0],
  ['x=1; function $x { :; }; echo $?', '1\n', 0],
  ['set -o posix; 1a() { :; }; echo $?', '', 2],
  ['1x() { echo hi; }; 1x', 'hi\n', 0],
];

for (const [script, stdout, status] of cases) {
  test(script, async () => {
    const { vm, bash } = await both(script);
    assert.equal(vm.stdout, stdout);
    assert.equal(vm.status, status);
    if (bash) assert.deepEqual([vm.stdout, vm.status], [bash.stdout, bash.status]);
    if (stdout !== 'hi\n') assert.match(vm.stderr, /^bash: line 1: `[^']+': not a valid identifier\n$/);
  });
}
