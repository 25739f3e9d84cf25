// read: in pipelines, loops, here-strings and on other fds
// End to end through the parser and interpreter. Expected results recorded from bash 5.2
// (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkScript, type RunResult } from './helpers.ts';

const cases: { name: string; script: string; opts: { stdin?: string }; expected: RunResult & { status: number } }[] = [
  {
    name: 'read in a pipeline leaves the rest for cat',
    script: "printf 'one\\ntwo\\nthree\\n' | { read a; cat; }",
    opts: {},
    expected: { stdout: 'two\nthree\n', stderr: '', status: 0 },
  },
  {
    name: 'while read loop with IFS and -r',
    script: "printf 'a:b:c\\nd\\\\:e:f\\n' | while IFS=: read -r x y z; do echo \"[$x][$y][$z]\"; done",
    opts: {},
    expected: { stdout: '[a][b][c]\n[d\\][e][f]\n', stderr: '', status: 0 },
  },
  {
    name: 'here-string, -a and REPLY',
    script: "read -a arr <<< \"  p  q  \"; declare -p arr; read <<< \"  keep  \"; echo \"[$REPLY]\"; read -d '' -r all <<< $'x\\ny'; echo \"[$all]\"",
    opts: {},
    expected: { stdout: 'declare -a arr=([0]="p" [1]="q")\n[  keep  ]\n[x\ny]\n', stderr: '', status: 0 },
  },
  {
    name: 'read from a file descriptor opened by exec',
    script: "exec 3< <(printf 'l1\\nl2\\n'); read -u 3 a; read -u 3 b; echo \"$a $b\"; read -u 3 c; echo \"$? [$c]\"",
    opts: {},
    expected: { stdout: 'l1 l2\n1 []\n', stderr: '', status: 0 },
  },
  {
    name: 'stdin of the whole script is shared',
    script: 'read first; echo "got $first"; read second; echo "got $second"',
    opts: {"stdin":"A\nB\nC\n"},
    expected: { stdout: 'got A\ngot B\n', stderr: '', status: 0 },
  },
];

for (const c of cases) {
  test(`read: ${c.name}`, async () => {
    await checkScript(c.script, c.expected, c.opts);
  });
}
