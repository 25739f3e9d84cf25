// declare: a=(…) words through the interpreter, locals and function attributes
// End to end through the parser and interpreter. Expected results recorded from bash 5.2
// (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkScript, type RunResult } from './helpers.ts';

const cases: { name: string; script: string; opts: { stdin?: string }; expected: RunResult & { status: number } }[] = [
  {
    name: 'array assignment words keep quoting and expansions',
    script: 'x="q r"; declare -a a=(1 "$x" $x [7]=z); declare -p a; declare -A m=([k]="$x" [$x]=v); declare -p m',
    opts: {},
    expected: { stdout: 'declare -a a=([0]="1" [1]="q r" [2]="q" [3]="r" [7]="z")\ndeclare -A m=([k]="q r" ["q r"]="v" )\n', stderr: '', status: 0 },
  },
  {
    name: 'local arrays and -g inside functions',
    script: 'f() { local -a la=(1 2); declare -g -A gm=([a]=1); local -i n=1+1; declare -p la n; }; f; declare -p gm; declare -p la 2>&1',
    opts: {},
    expected: { stdout: 'declare -a la=([0]="1" [1]="2")\ndeclare -i n="2"\ndeclare -A gm=([a]="1" )\nbash: line 1: declare: la: not found\n', stderr: '', status: 1 },
  },
  {
    name: 'readonly and export with compound values',
    script: 'readonly -a ra=(x y); export e=(1); declare -p ra e; ra=(z) 2>&1; echo $?',
    opts: {},
    expected: { stdout: 'declare -ar ra=([0]="x" [1]="y")\ndeclare -ax e=([0]="1")\n', stderr: 'bash: line 1: ra: readonly variable\n', status: 1 },
  },
  {
    name: 'append and element assignment',
    script: 'declare -a a=(1); declare a+=(2 3); declare a[5]=x; declare -p a; declare -A m=([k]=1); declare m+=([j]=2); declare -p m',
    opts: {},
    expected: { stdout: 'declare -a a=([0]="1" [1]="2" [2]="3" [5]="x")\ndeclare -A m=([k]="1" [j]="2" )\n', stderr: '', status: 0 },
  },
  {
    name: 'local and local -p list the function locals',
    script: 'f() { local a=1 b; local -a c=(x); local; local -p; }; f',
    opts: {},
    expected: { stdout: 'declare -- a="1"\ndeclare -- b\ndeclare -a c=([0]="x")\ndeclare -- a="1"\ndeclare -- b\ndeclare -a c=([0]="x")\n', stderr: '', status: 0 },
  },
  {
    name: 'declare -f / -F and export -f attributes',
    script: 'f() { echo hi; }; g() { :; }; declare -f f; export -f g; declare -F; declare -pF g; declare -pf g; readonly -f f; declare -F f; unset -f f; echo $?',
    opts: {},
    expected: { stdout: 'f () \n{ \n    echo hi\n}\ndeclare -f f\ndeclare -fx g\ndeclare -fx g\ng () \n{ \n    :\n}\ndeclare -fx g\nf\n1\n', stderr: 'bash: line 1: unset: f: cannot unset: readonly function\n', status: 0 },
  },
  {
    name: 'declare -g reaches the global under a local of the same name',
    script: 'x=g; f() { local x=l; declare -g x=G; echo $x; declare -g -i n=1+1; declare -g y; y=1; }; f; echo $x $y $n',
    opts: {},
    expected: { stdout: 'l\nG 1 2\n', stderr: '', status: 0 },
  },
];

for (const c of cases) {
  test(`declare: ${c.name}`, async () => {
    await checkScript(c.script, c.expected, c.opts);
  });
}
