// Hazard: function scopes use dynamic scoping. A function sees (and assigns) its caller's
// locals; assigning an unknown name creates a global; `unset` of a local in the current
// function leaves it local but unset (attributes gone), while `unset` from a called function
// removes the caller's local and reveals the outer value; locals inherit only the export
// attribute and cannot shadow a readonly variable; prefix-assignment ('temp') scopes are not
// function scopes. Each test quotes the bash 5.2 script whose output it reproduces.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ShellVariables } from '../../kernel/shell/vars.ts';

test('a called function sees and changes its caller\'s local', () => {
  // x=g; f(){ local x=l; g; echo "f:$x"; }; g(){ echo "g:$x"; x=changed; }; f; echo "top:$x"
  // → g:l f:changed top:g
  const v = new ShellVariables();
  v.set('x', 'g');
  v.pushScope();                                   // f
  v.declare('x', {}, { local: true, value: 'l' });
  v.pushScope();                                   // g
  assert.equal(v.get('x'), 'l');
  v.set('x', 'changed');
  v.popScope();
  assert.equal(v.get('x'), 'changed');
  v.popScope();
  assert.equal(v.get('x'), 'g');
});

test('unset of a local in its own function: still local, unset, attributes gone', () => {
  // x=g; f(){ local -i x=1; unset x; declare -p x; x=1+1; echo $x; }; f; echo "top:$x"
  // → declare -- x   1+1   top:g
  const v = new ShellVariables();
  v.set('x', 'g');
  v.pushScope();
  v.declare('x', { integer: true }, { local: true, value: '1' });
  assert.equal(v.unset('x'), true);
  assert.equal(v.get('x'), undefined);
  const rec = v.lookup('x', { raw: true })!;
  assert.equal(rec.value, undefined);
  assert.deepEqual(rec.attrs, {});
  v.set('x', '1+1');
  assert.equal(v.get('x'), '1+1');
  v.popScope();
  assert.equal(v.get('x'), 'g');
});

test('unset from a called function removes the caller\'s local and reveals the global', () => {
  // x=g; f(){ local x=l; g; echo "f:${x-unset}"; }; g(){ unset x; echo "g:${x-unset}"; x=3; }; f; echo "top:$x"
  // → g:g f:3 top:3
  const v = new ShellVariables();
  v.set('x', 'g');
  v.pushScope();
  v.declare('x', {}, { local: true, value: 'l' });
  v.pushScope();
  v.unset('x');
  assert.equal(v.get('x'), 'g');
  v.set('x', '3');
  v.popScope();
  assert.equal(v.get('x'), '3');
  v.popScope();
  assert.equal(v.get('x'), '3');
});

test('a local of the called function shadows, and unsetting it there keeps the caller\'s', () => {
  // x=g; f(){ local x=l; g; echo "f:${x-unset}"; }; g(){ local x=gl; unset x; echo "g:${x-unset}"; }; f
  // → g:unset f:l
  const v = new ShellVariables();
  v.set('x', 'g');
  v.pushScope();
  v.declare('x', {}, { local: true, value: 'l' });
  v.pushScope();
  v.declare('x', {}, { local: true, value: 'gl' });
  v.unset('x');
  assert.equal(v.get('x'), undefined);
  v.popScope();
  assert.equal(v.get('x'), 'l');
  v.popScope();
});

test('local without a value is unset and does not inherit the value', () => {
  // x=g; f(){ local x; echo "f:${x-unset}"; declare -p x; }; f  → f:unset declare -- x
  const v = new ShellVariables();
  v.set('x', 'g');
  v.pushScope();
  v.declare('x', {}, { local: true });
  assert.equal(v.get('x'), undefined);
  v.popScope();
  assert.equal(v.get('x'), 'g');
});

test('assignments to unknown names inside functions create globals; declare -g too', () => {
  // f(){ declare x=1; declare -g y=2; z=3; }; f; echo "${x-unset} $y $z"  → unset 2 3
  const v = new ShellVariables();
  v.pushScope();
  v.declare('x', {}, { local: true, value: '1' });
  v.declare('y', {}, { global: true, value: '2' });
  v.set('z', '3');
  v.popScope();
  assert.equal(v.get('x'), undefined);
  assert.equal(v.get('y'), '2');
  assert.equal(v.get('z'), '3');
});

test('locals inherit the export attribute only, and cannot shadow readonly variables', () => {
  // export e=1; f(){ local e=2; declare -p e; }; f            → declare -x e="2"
  // declare -i e=1; f(){ local e=2+3; declare -p e; }; f      → declare -- e="2+3"
  // declare -r r=1; f(){ local r=2; }; f                      → local: r: readonly variable
  const v = new ShellVariables();
  v.declare('e', { exported: true }, { value: '1' });
  v.declare('i', { integer: true }, { value: '1' });
  v.declare('r', { readonly: true }, { value: '1' });
  v.pushScope();
  assert.deepEqual(v.declare('e', {}, { local: true, value: '2' }).attrs, { exported: true });
  assert.equal(v.declare('i', {}, { local: true, value: '2+3' }).value, '2+3');
  assert.throws(() => v.declare('r', {}, { local: true, value: '2' }), { message: 'r: readonly variable' });
  assert.equal(v.environ().e, '2');
  v.popScope();
  assert.equal(v.environ().e, '1');
});

test('the environment: unset or unexported locals do not hide an exported global', () => {
  // export e=1; f(){ local e; env|grep ^e=; }       → e=1
  // export e=1; f(){ declare +x e=2; env|grep ^e=; } → e=1
  // e=1; f(){ local e=2; export e; env|grep ^e=; }; f; env|grep ^e= || echo none → e=2 none
  const v = new ShellVariables();
  v.declare('e', { exported: true }, { value: '1' });
  v.pushScope();
  v.declare('e', {}, { local: true });
  assert.equal(v.environ().e, '1');
  v.popScope();
  v.pushScope();
  v.declare('e', {}, { local: true, value: '2', remove: { exported: true } });
  assert.equal(v.environ().e, '1');
  v.popScope();
  const w = new ShellVariables();
  w.set('e', '1');
  w.pushScope();
  w.declare('e', {}, { local: true, value: '2' });
  w.declare('e', { exported: true });
  assert.equal(w.environ().e, '2');
  w.popScope();
  assert.equal(w.environ().e, undefined);
});

test('temp scopes (x=1 cmd) are visible but are not function scopes', () => {
  // x=1; f(){ local x=2; x=3 g; echo "f:$x"; }; g(){ echo "g:$x"; }; f; echo $x  → g:3 f:2 1
  const v = new ShellVariables();
  v.set('x', '1');
  assert.equal(v.inFunction(), false);
  v.pushScope('temp');
  assert.equal(v.inFunction(), false);
  v.popScope();
  v.pushScope();                                        // f
  v.declare('x', {}, { local: true, value: '2' });
  v.pushScope('temp');                                  // x=3 g: `local` means the innermost scope
  v.declare('x', { exported: true }, { local: true, value: '3' });
  assert.equal(v.inFunction(), true);
  v.pushScope();                                        // g
  assert.equal(v.get('x'), '3');
  assert.equal(v.environ().x, '3');
  v.popScope();
  v.popScope();
  assert.equal(v.get('x'), '2');
  v.popScope();
  assert.equal(v.get('x'), '1');
});

test('clone() is a deep copy for subshells', () => {
  const v = new ShellVariables();
  v.set('s', '1');
  v.setArray('a', ['x']);
  v.setAssoc('A', [['k', 'v']]);
  v.pushScope();
  v.declare('l', {}, { local: true, value: 'local' });
  const c = v.clone();
  c.set('s', '2');
  c.setElement('a', '1', 'y');
  c.setElement('A', 'j', 'w');
  c.set('l', 'changed');
  c.popScope();
  assert.equal(v.get('s'), '1');
  assert.deepEqual(v.values('a'), ['x']);
  assert.deepEqual(v.keys('A'), ['k']);
  assert.equal(v.get('l'), 'local');
  assert.equal(v.inFunction(), true);
  assert.equal(c.inFunction(), false);
});
