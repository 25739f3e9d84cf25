import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('local is dynamically scoped and restored on return', async () => {
  const script = [
    'x=global',
    'inner() { echo "inner sees $x"; x=changed-by-inner; }',
    'outer() { local x=outer-local; inner; echo "outer has $x"; }',
    'outer; echo "after: $x"',
    'f() { local -i n=2+3; local a=(1 2); echo "$n ${#a[@]}"; }; f; echo "[${n-unset}]"',
    'g() { echo "$# $1 $2"; shift; echo "$@"; }; g a "b c" d; echo "$#"',
    'r() { return 42; }; r; echo $?',
    'v() { x=$1; }; x=1 v 2; echo "$x"',
    'h() { echo "${FUNCNAME[@]}"; }; k() { h; }; k',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'inner sees outer-local\nouter has changed-by-inner\nafter: global\n5 2\n[unset]\n3 a b c\nb c d\n0\n42\nglobal\nh k\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('prefix assignments are temporary for functions and builtins, exported to children', async () => {
  const { vm, bash } = await both('x=1; f() { echo "f:$x"; sh -c \'echo "child:$x"\' 2>/dev/null || printenv x; }; x=5 f; echo "after:$x"; x=7 :; echo "$x"');
  assert.match(vm.stdout, /^f:5\nchild:5\nafter:1\n1\n$/);
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('runaway recursion stops at limits.shellDepth with bash\'s message', async () => {
  const r = await sh('f() { f; }; f; echo never', { limits: { shellDepth: 50 } });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /f: maximum function nesting level exceeded \(50\)/);
});
