// mapfile: -C callbacks, -O origin, -s/-n counts, delimiters and fds
// End to end through the parser and interpreter. Expected results recorded from bash 5.2
// (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkScript, type RunResult } from './helpers.ts';

const cases: { name: string; script: string; opts: { stdin?: string }; expected: RunResult & { status: number } }[] = [
  {
    name: 'callback every -c lines gets the index and the line',
    script: "mapfile -t -C 'echo cb' -c 2 d < <(printf 'a\\nb\\nc\\nd\\n'); declare -p d",
    opts: {},
    expected: { stdout: 'cb 1 b\ncb 3 d\ndeclare -a d=([0]="a" [1]="b" [2]="c" [3]="d")\n', stderr: '', status: 0 },
  },
  {
    name: 'callback sees the line before it is stored',
    script: "cb() { echo \"cb $1 [$2] have=${#arr[@]}\"; }; printf 'x y\\nz\\n' | { mapfile -C cb -c 1 arr; declare -p arr; }",
    opts: {},
    expected: { stdout: "cb 0 [x y\n] have=0\ncb 1 [z\n] have=1\ndeclare -a arr=([0]=$'x y\\n' [1]=$'z\\n')\n", stderr: '', status: 0 },
  },
  {
    name: '-O keeps, no -O clears; -s and -n',
    script: "a=(9 9 9 9); mapfile -O 2 -t a <<< $'p\\nq'; declare -p a; mapfile -t a <<< r; declare -p a; seqs=$'1\\n2\\n3\\n4\\n5'; mapfile -s 1 -n 2 -t b <<< \"$seqs\"; declare -p b",
    opts: {},
    expected: { stdout: 'declare -a a=([0]="9" [1]="9" [2]="p" [3]="q")\ndeclare -a a=([0]="r")\ndeclare -a b=([0]="2" [1]="3")\n', stderr: '', status: 0 },
  },
  {
    name: 'readarray with a delimiter and -u',
    script: "exec 3< <(printf 'a:b:c'); readarray -d : -u 3 c; declare -p c; readarray -u 4 x; echo $?",
    opts: {},
    expected: { stdout: 'declare -a c=([0]="a:" [1]="b:" [2]="c")\n1\n', stderr: 'bash: line 1: readarray: 4: invalid file descriptor: Bad file descriptor\n', status: 0 },
  },
];

for (const c of cases) {
  test(`mapfile: ${c.name}`, async () => {
    await checkScript(c.script, c.expected, c.opts);
  });
}
