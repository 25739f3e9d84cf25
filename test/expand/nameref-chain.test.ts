// Hazard: namerefs (declare -n). Reads, assignments, appends, arrays and unset go through the
// chain to the final variable; `declare -n r=y` retargets instead of assigning; an unset nameref
// takes the first assignment as its target; a reference to "arr[1]" names an element; cycles
// warn "circular name reference"; self references and invalid names are refused; unset -n
// (raw) removes the reference itself. Each test quotes the bash 5.2 behaviour it reproduces.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ShellVariables } from '../../kernel/shell/vars.ts';
import { makeShell, parseWords } from './harness.ts';
import { expandWords } from '../../kernel/shell/expand.ts';

test('reads and writes follow a chain of references', () => {
  // declare -n r=x; x=5; echo $r; r=6; echo $x; declare -n q=r; echo $q; q=z; echo $x → 5 6 6 z
  const v = new ShellVariables();
  v.declare('r', { nameref: true }, { value: 'x' });
  v.set('x', '5');
  assert.equal(v.get('r'), '5');
  v.set('r', '6');
  assert.equal(v.get('x'), '6');
  v.declare('q', { nameref: true }, { value: 'r' });
  assert.equal(v.get('q'), '6');
  v.set('q', 'z');
  assert.equal(v.get('x'), 'z');
  v.append('q', '!');
  assert.equal(v.get('x'), 'z!');
  assert.equal(v.lookup('q')!.name, 'x');
  assert.equal(v.lookup('q', { raw: true })!.value, 'r');
});

test('declare -n on an existing nameref retargets it', () => {
  // declare -n r=x; declare -n r=y; declare -p r → declare -n r="y"
  const v = new ShellVariables();
  v.declare('r', { nameref: true }, { value: 'x' });
  v.declare('r', { nameref: true }, { value: 'y' });
  assert.equal(v.lookup('r', { raw: true })!.value, 'y');
  assert.equal(v.get('x'), undefined);
});

test('the first assignment to an unset nameref sets its target', () => {
  // declare -n r; r=x; declare -p r; x=1; echo $r → declare -n r="x" 1
  // declare -n r; r=1x → `1x': not a valid identifier
  const v = new ShellVariables();
  v.declare('r', { nameref: true });
  v.set('r', 'x');
  assert.equal(v.lookup('r', { raw: true })!.value, 'x');
  v.set('x', '1');
  assert.equal(v.get('r'), '1');
  v.declare('s', { nameref: true });
  assert.throws(() => v.set('s', '1x'), { message: "`1x': not a valid identifier" });
});

test('attributes and arrays go to the target', () => {
  // declare -n r=x; declare -i r=5; declare -p r x → declare -n r="x" declare -i x="5"
  // declare -n r=x; r=(1 2); declare -p x → declare -a x=([0]="1" [1]="2")
  // declare -n r=arr; arr=(1 2); echo ${r[1]} ${#r[@]}; r[2]=3 → 2 2, arr gets [2]=3
  const v = new ShellVariables();
  v.declare('r', { nameref: true }, { value: 'x' });
  v.declare('r', { integer: true }, { value: '2+3' });
  assert.equal(v.get('x'), '5');
  assert.deepEqual(v.lookup('x')!.attrs, { integer: true });
  v.setArray('r', ['1', '2']);
  assert.deepEqual(v.values('x'), ['1', '2']);
  v.declare('p', { nameref: true }, { value: 'arr' });
  v.setArray('arr', ['1', '2']);
  assert.equal(v.getElement('p', '1'), '2');
  v.setElement('p', '2', '3');
  assert.deepEqual(v.values('arr'), ['1', '2', '3']);
});

test('a reference to an element', () => {
  // arr=(1 2); declare -n r="arr[1]"; echo $r; r=X; declare -p arr → 2 ([0]="1" [1]="X")
  const v = new ShellVariables();
  v.setArray('arr', ['1', '2']);
  v.declare('r', { nameref: true }, { value: 'arr[1]' });
  assert.equal(v.get('r'), '2');
  v.set('r', 'X');
  assert.deepEqual(v.values('arr'), ['1', 'X']);
});

test('unset follows the reference; unset -n removes the nameref itself', () => {
  // declare -n r=x; x=1; unset r; declare -p r x → declare -n r="x", x: not found
  // x=1; declare -n r=x; unset -n r; r=2; echo $x $r → 1 2
  const v = new ShellVariables();
  v.declare('r', { nameref: true }, { value: 'x' });
  v.set('x', '1');
  v.unset('r');
  assert.equal(v.lookup('x'), undefined);
  assert.equal(v.lookup('r', { raw: true })!.value, 'x');
  v.set('x', '1');
  v.unset('r', { raw: true });
  v.set('r', '2');
  assert.equal(v.get('x'), '1');
  assert.equal(v.get('r'), '2');
});

test('cycles warn and read as unset; self references and bad names are refused', () => {
  // declare -n a=b; declare -n b=a; echo $a → warning: a: circular name reference
  // declare -n x=x → x: nameref variable self references not allowed
  // declare -n r=1x → `1x': invalid variable name for name reference
  const warnings: string[] = [];
  const v = new ShellVariables({ warn: (m) => warnings.push(m) });
  v.declare('a', { nameref: true }, { value: 'b' });
  v.declare('b', { nameref: true }, { value: 'a' });
  assert.equal(v.get('a'), undefined);
  assert.deepEqual(warnings, ['warning: a: circular name reference']);
  assert.throws(() => v.declare('x', { nameref: true }, { value: 'x' }), { message: 'x: nameref variable self references not allowed' });
  assert.throws(() => v.declare('r', { nameref: true }, { value: '1x' }), { message: "`1x': invalid variable name for name reference" });
});

test('expansions see through namerefs: $r, ${r[@]}, ${#r[@]}, ${!r}', async () => {
  const sh = makeShell({ vars: { arr: ['a', 'b c'] } });
  sh.vars.declare('r', { nameref: true }, { value: 'arr' });
  assert.deepEqual(await expandWords(sh, parseWords('$r "${r[@]}" ${#r[@]} ${!r} ${!r[@]}')), ['a', 'a', 'b c', '2', 'arr', '0', '1']);
});

test('a nameref local to a function refers to the caller\'s variable', () => {
  // f(){ local -n ref=$1; ref=changed; }; v=orig; f v; echo $v → changed
  const v = new ShellVariables();
  v.set('v', 'orig');
  v.pushScope();
  v.declare('ref', { nameref: true }, { local: true, value: 'v' });
  v.set('ref', 'changed');
  v.popScope();
  assert.equal(v.get('v'), 'changed');
  assert.equal(v.get('ref'), undefined);
});
