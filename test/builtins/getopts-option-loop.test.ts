// getopts: option loops in scripts and functions
// End to end through the parser and interpreter. Expected results recorded from bash 5.2
// (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkScript, type RunResult } from './helpers.ts';

const cases: { name: string; script: string; opts: { stdin?: string }; expected: RunResult & { status: number } }[] = [
  {
    name: 'a typical option loop',
    script: 'set -- -v -f out.txt -x -- arg1 arg2; while getopts ":vf:" o; do case $o in v) echo verbose;; f) echo "file=$OPTARG";; :) echo "missing $OPTARG";; \\?) echo "bad -$OPTARG";; esac; done; shift $((OPTIND-1)); echo "rest: $*"',
    opts: {},
    expected: { stdout: 'verbose\nfile=out.txt\nbad -x\nrest: arg1 arg2\n', stderr: '', status: 0 },
  },
  {
    name: 'loud loop prints bash messages with $0',
    script: 'set -- -a -q -b; while getopts ab: o; do echo "o=$o OPTARG=${OPTARG-unset}"; done; echo "OPTIND=$OPTIND"',
    opts: {},
    expected: { stdout: 'o=a OPTARG=unset\no=? OPTARG=unset\no=? OPTARG=unset\nOPTIND=4\n', stderr: 'bash: illegal option -- q\nbash: option requires an argument -- b\n', status: 0 },
  },
  {
    name: 'getopts in a function with local OPTIND',
    script: 'f() { local OPTIND o; while getopts xy: o; do echo "$o${OPTARG:+=$OPTARG}"; done; echo "f OPTIND=$OPTIND"; }; f -x -y 1; f -yz; echo "top OPTIND=$OPTIND"',
    opts: {},
    expected: { stdout: 'x\ny=1\nf OPTIND=4\ny=z\nf OPTIND=2\ntop OPTIND=1\n', stderr: '', status: 0 },
  },
];

for (const c of cases) {
  test(`getopts: ${c.name}`, async () => {
    await checkScript(c.script, c.expected, c.opts);
  });
}
