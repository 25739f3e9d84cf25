// unset: array elements, functions, namerefs and readonly variables
// End to end through the parser and interpreter. Expected results recorded from bash 5.2
// (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkScript, type RunResult } from './helpers.ts';

const cases: { name: string; script: string; opts: { stdin?: string }; expected: RunResult & { status: number } }[] = [
  {
    name: 'elements, negative subscripts, whole arrays',
    script: "a=(1 2 3 4); unset 'a[1]' 'a[-1]'; declare -p a; unset 'a[-9]'; echo $?; unset 'a[@]'; declare -p a; declare -A m=([a]=1 [b]=2); unset 'm[a]'; declare -p m; i=0; b=(x y); unset \"b[i+1]\"; declare -p b",
    opts: {},
    expected: { stdout: 'declare -a a=([0]="1" [2]="3")\n1\ndeclare -a a=()\ndeclare -A m=([b]="2" )\ndeclare -a b=([0]="x")\n', stderr: 'bash: line 1: unset: [-9]: bad array subscript\n', status: 0 },
  },
  {
    name: 'variables before functions, -f, -v, -n',
    script: 'f() { :; }; x=1; unset x f; declare -p x 2>&1; declare -F f; unset f; declare -F f; echo $?; declare -n r=t; t=5; unset r; declare -p t r 2>&1; t=6; unset -n r; declare -p t r 2>&1',
    opts: {},
    expected: { stdout: 'bash: line 1: declare: x: not found\n1\nbash: line 1: declare: t: not found\ndeclare -n r="t"\ndeclare -- t="6"\nbash: line 1: declare: r: not found\n', stderr: '', status: 1 },
  },
  {
    name: 'readonly and invalid names',
    script: "readonly r=1; unset r; echo $?; unset -v 1x; echo $?; unset 1x; echo $?; unset -f -v x; echo $?; readonly -a ra=(1); unset 'ra[0]'; echo $?",
    opts: {},
    expected: { stdout: '1\n1\n0\n1\n1\n', stderr: "bash: line 1: unset: r: cannot unset: readonly variable\nbash: line 1: unset: `1x': not a valid identifier\nbash: line 1: unset: cannot simultaneously unset a function and a variable\nbash: line 1: unset: ra: cannot unset: readonly variable\n", status: 0 },
  },
  {
    name: 'unset inside a function leaves the local unset',
    script: 'x=g; f() { local x=l; unset x; echo "[${x-unset}]"; x=new; }; f; echo $x',
    opts: {},
    expected: { stdout: '[unset]\ng\n', stderr: '', status: 0 },
  },
];

for (const c of cases) {
  test(`unset: ${c.name}`, async () => {
    await checkScript(c.script, c.expected, c.opts);
  });
}
