// Hazard: everything at once. Random words built from quotes, literals, globs, braces and every
// parameter operator, expanded under several IFS settings, positional parameters, arrays and a
// small directory tree, must give exactly the fields (or error) bash 5.2 gives. Fixed seeds, so a
// failure is reproducible; runs only where /usr/bin/bash 5.2 exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Setup } from './harness.ts';

let seed = 1;
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const pick = <T,>(a: T[]): T => a[rnd(a.length)]!;
const lits = ['a', 'b', 'x y', ':', '*', '-', '', '.', '/'];
const names = ['x', 'y', 'e', 'u', '@', '*', 'a[@]', 'a[*]', 'a[1]', '1', '#', 'a[-1]', 'A[k]', 'A[@]', 'b', '2'];
function pat(d: number): string { return pick(['a', '*', '?', '"*"', 'x', '[ab]', '$x', '"$y"', '\\*', ' ', ':', '*:', '', '#', '%', '/']) + (d < 1 && rnd(3) === 0 ? pat(d + 1) : ''); }
function word(d: number): string {
  const n = 1 + rnd(3); let s = '';
  for (let i = 0; i < n; i++) s += part(d);
  return s;
}
function param(d: number): string {
  const nm = pick(names);
  const br = (op: string) => '${' + nm + op + '}';
  switch (rnd(14)) {
    case 0: return nm.length === 1 && !'@*#'.includes(nm) ? '$' + nm : br('');
    case 1: return br(pick([':-', '-', ':+', '+']) + (d < 2 ? word(d + 1) : 'w'));
    case 2: return br(pick(['#', '##', '%', '%%']) + pat(0));
    case 3: return br(pick(['/', '//', '/#', '/%']) + pat(0) + (rnd(2) ? '/' + pick(['&', 'R', '"&"', '\\&', '$y', '']) : ''));
    case 4: return nm.includes('[') || nm === '#' ? br('') : '${#' + nm + '}';
    case 5: return br(':' + pick(['1', ' -1', '0:1', '1:-1', '2', '(-2):1']));
    case 6: return br(pick(['^', '^^', ',,', '~~']));
    case 7: return br('@' + pick(['Q', 'U', 'L', 'a', 'E', 'K', 'A']));
    case 8: return nm.includes('[') ? '${!' + nm.replace(/\[.*/, '') + '[@]}' : br(pick([':=v', ':?m', '=w']));
    case 9: return '$((' + pick(['x+1', 'b*2', '${#x}', 'a[1]+1', '#', '${#a[@]}']) + '))';
    default: return br('');
  }
}
function part(d: number): string {
  switch (rnd(11)) {
    case 6: return pick(['{a,b}', '{1..3}', '{x,"y z"}', '~', '\\*', '\\ ', '*', '?', '[ab]*', '$#', '$?', '$((1+2))', '$((x))', '$(echo a b)', '"$(echo " x ")"', '${!p}', '${!p:-n}', '${e:-"q  r"}', "${e:-'s t'}", '${u=set}']);
    case 7: return '"' + part(d + 1).replace(/"/g, '') + '"';
    case 8: return pick(['$x', '$y', '$*', '$@', '"$*"', '"$@"', '${a[@]}', '"${a[@]}"', '${a[*]}']);
    case 0: return pick(['a', 'b', 'c', '-', '.', '=', ':']);
    case 1: return "'" + pick(lits) + "'";
    case 2: return '"' + (rnd(2) ? pick(['', 'q', ' ']) : '') + param(d) + (rnd(3) === 0 ? pick(['z', ' ']) : '') + '"';
    default: return param(d);
  }
}
const setups: Setup[] = [
  { vars: { x: 'a b', y: '*', e: '', a: ['1', '', 'x y'], p: 'x', A: { k: 'v w', j: '' }, b: '\\*' }, positional: ['p q', '', 'r'], tree: { ab: '', 'a b': '', c: '' } },
  { vars: { x: 'a\\b', y: '[a]*', e: '', a: ['a*', '[x]'], b: '7', A: { k: '*' } }, positional: ['*', 'a:b'], tree: { ab: '', a: '', x: '' } },
  { vars: { x: '3', y: 'a*', e: '', a: ['1', '2'], p: 'a[1]', IFS: ' ab' }, positional: ['a', 'b'], tree: { ab: '', aa: '', b: '' } },
  { vars: { x: 'a:b', y: ':', e: '', a: ['a:', ':b'], IFS: ':' }, positional: ['a:', '', ':b'], tree: { ab: '' } },
  { vars: { x: ' a  b ', y: 'a*', e: '', a: [], IFS: '' }, positional: [''], tree: { ab: '', a: '' } },
  { vars: { x: 'x', y: ' ', e: '', a: [''], IFS: ' :' }, positional: [], tree: { x: '' } },
];

for (const s0 of [101, 202]) {
  test(`random words, seed ${s0}`, { skip: !hasBash }, async () => {
    seed = s0;
    for (let i = 0; i < 60; i++) {
      const s = pick(setups);
      const src = Array.from({ length: 1 + rnd(3) }, () => word(0)).join(' ');
      assert.deepEqual(await mine(s, src), theirs(s, src), `IFS=${JSON.stringify(s.vars?.IFS)} words: ${src}`);
    }
  });
}
