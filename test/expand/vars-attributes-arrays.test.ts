// Hazard: attribute semantics and sparse arrays. -i assignments (and +=) are arithmetic;
// -r refuses assignment, unset and attribute removal; -a/-A conversions and their errors;
// sparse indexed arrays keep index order whatever the insertion order, negative subscripts
// count from the end with "bad array subscript" past it; += on arrays appends after the
// highest index; a scalar becomes element 0; set -a exports scalar assignments only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IndexedArray, ShellVariables } from '../../kernel/shell/vars.ts';
import { ShellError } from '../../kernel/shell/contracts.ts';

test('-i: assignments and += evaluate arithmetic', () => {
  // declare -i i=3+4; i+=2; i=i*2; i="2#101"; declare -i j; j=abc; abc=7; j=abc; i+=x
  const v = new ShellVariables();
  v.declare('i', { integer: true }, { value: '3+4' });
  assert.equal(v.get('i'), '7');
  v.append('i', '2');
  assert.equal(v.get('i'), '9');
  v.set('i', 'i*2');
  assert.equal(v.get('i'), '18');
  v.set('i', '2#101');
  assert.equal(v.get('i'), '5');
  v.append('i', 'x');
  assert.equal(v.get('i'), '5');
  v.declare('j', { integer: true });
  v.set('j', 'abc');
  assert.equal(v.get('j'), '0');
  v.set('abc', '7');
  v.set('j', 'abc');
  assert.equal(v.get('j'), '7');
  assert.throws(() => v.set('j', '1/0'), (e: unknown) => e instanceof ShellError && e.message === '1/0: division by 0 (error token is "0")');
});

test('-r: no assignment, no unset, no removing the attribute', () => {
  const v = new ShellVariables();
  v.declare('r', { readonly: true }, { value: '1' });
  assert.throws(() => v.set('r', '2'), { message: 'r: readonly variable' });
  assert.throws(() => v.append('r', '2'), { message: 'r: readonly variable' });
  assert.throws(() => v.unset('r'), { message: 'r: cannot unset: readonly variable' });
  assert.throws(() => v.declare('r', {}, { value: '2' }), { message: 'r: readonly variable' });
  assert.throws(() => v.declare('r', {}, { remove: { readonly: true } }), { message: 'r: readonly variable' });
  v.setArray('a', ['1', '2']);
  v.declare('a', { readonly: true });
  assert.throws(() => v.setElement('a', '1', '5'), { message: 'a: readonly variable' });
  assert.equal(v.get('r'), '1');
});

test('-a / -A conversions', () => {
  // x=1; declare -a x → ([0]="1");  y=2; declare -A y → ([0]="2" )
  // declare -a a=(1); declare -A a → a: cannot convert indexed to associative array
  const v = new ShellVariables();
  v.set('x', '1');
  v.declare('x', { indexed: true });
  assert.deepEqual(v.values('x'), ['1']);
  v.set('y', '2');
  v.declare('y', { assoc: true });
  assert.equal(v.getElement('y', '0'), '2');
  v.setArray('a', ['1']);
  assert.throws(() => v.declare('a', { assoc: true }), { message: 'a: cannot convert indexed to associative array' });
  v.setAssoc('A', [['x', '1']]);
  assert.throws(() => v.declare('A', { indexed: true }), { message: 'A: cannot convert associative to indexed array' });
  // declare -a c; declare -A D: declared but unset
  v.declare('c', { indexed: true });
  assert.equal(v.lookup('c')!.value, undefined);
  assert.deepEqual(v.values('c'), []);
});

test('sparse arrays stay in index order; negative subscripts count from the end', () => {
  // a=(); a[3]=x; a+=(y); a[-1]=z; declare -p a → ([3]="x" [4]="z")
  const v = new ShellVariables();
  v.setArray('a', []);
  v.setElement('a', '3', 'x');
  v.setArray('a', ['y'], true);
  v.setElement('a', '-1', 'z');
  assert.deepEqual(v.keys('a'), ['3', '4']);
  assert.deepEqual(v.values('a'), ['x', 'z']);
  v.setElement('a', '1', 'early');
  assert.deepEqual(v.keys('a'), ['1', '3', '4']);
  assert.equal(v.getElement('a', '-2'), 'x');
  assert.throws(() => v.setElement('a', '-9', 'q'), { message: 'a[-9]: bad array subscript' });
  assert.throws(() => v.unsetElement('a', '-9'), { message: '[-9]: bad array subscript' });
  v.unsetElement('a', '-1');
  assert.deepEqual(v.keys('a'), ['1', '3']);
  const m = v.lookup('a')!.value as IndexedArray;
  assert.deepEqual([...m.keys()], [1, 3]);
  assert.equal(m.maxIndex, 3);
});

test('out-of-range negative reads warn "bad array subscript"', () => {
  // a=(1 2 3); echo ${a[-9]} → a: bad array subscript (and an empty value)
  const warnings: string[] = [];
  const v = new ShellVariables({ warn: (m) => warnings.push(m) });
  v.setArray('a', ['1', '2', '3']);
  assert.equal(v.getElement('a', '-9'), undefined);
  assert.deepEqual(warnings, ['a: bad array subscript']);
});

test('+= appends after the highest index; a scalar becomes element 0; a+=4 appends to [0]', () => {
  // a=(1 2); a+=(3); a+=4 → ([0]="14" [1]="2" [2]="3");  x=s; x+=(t u) → (s t u)
  // declare -a a=(x); a[5]=y; a+=(z) → ([0]="x" [5]="y" [6]="z")
  const v = new ShellVariables();
  v.setArray('a', ['1', '2']);
  v.setArray('a', ['3'], true);
  v.append('a', '4');
  assert.deepEqual(v.values('a'), ['14', '2', '3']);
  v.set('x', 's');
  v.setArray('x', ['t', 'u'], true);
  assert.deepEqual(v.values('x'), ['s', 't', 'u']);
  v.setArray('b', ['x']);
  v.setElement('b', '5', 'y');
  v.setArray('b', ['z'], true);
  assert.deepEqual(v.keys('b'), ['0', '5', '6']);
  // x=abc; x[1]=d → ([0]="abc" [1]="d")
  v.set('s', 'abc');
  v.setElement('s', '1', 'd');
  assert.deepEqual(v.values('s'), ['abc', 'd']);
  assert.equal(v.get('s'), 'abc');
});

test('set -a exports scalar assignments only', () => {
  // set -a; y=1; a=(1); declare -p y a → declare -x y="1"  declare -a a=([0]="1")
  const v = new ShellVariables({ allexport: () => true });
  v.set('y', '1');
  v.setArray('a', ['1']);
  assert.deepEqual(v.environ(), { y: '1' });
  assert.equal(v.lookup('a')!.attrs.exported, undefined);
});

test('dynamic variables come from the hook until unset; onAssign sees every change', () => {
  let n = 0;
  const changed: string[] = [];
  const v = new ShellVariables({ dynamic: (name) => (name === 'RANDOM' ? String(++n) : undefined), onAssign: (x) => changed.push(x) });
  assert.equal(v.get('RANDOM'), '1');
  assert.equal(v.get('RANDOM'), '2');
  const rec = v.lookup('RANDOM')!;
  assert.equal(rec.value, '3');
  assert.equal(rec.attrs.integer, true);
  v.set('RANDOM', '42');
  assert.equal(v.get('RANDOM'), '4');
  v.unset('RANDOM');
  assert.equal(v.get('RANDOM'), undefined);
  v.set('RANDOM', '5');
  assert.equal(v.get('RANDOM'), '5');
  assert.deepEqual(changed, ['RANDOM', 'RANDOM', 'RANDOM']);
});

test('names() lists every visible name sorted in byte order', () => {
  const v = new ShellVariables({ dynamicNames: [] });
  for (const n of ['b', 'B', '_a', 'a']) v.set(n, '1');
  v.pushScope();
  v.declare('loc', {}, { local: true });
  assert.deepEqual(v.names(), ['B', '_a', 'a', 'b', 'loc']);
  v.popScope();
  assert.deepEqual(v.names(), ['B', '_a', 'a', 'b']);
});
