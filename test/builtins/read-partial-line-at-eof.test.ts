// read at end of input: status 1 while the partial data is still assigned
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: 'no newline: status 1, line assigned',
    steps: [['read', 'x'], ['declare', '-p', 'x'], ['read', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"abc"},
    expected: { stdout: '<1>\ndeclare -- x="abc"\n<0>\n<1>\ndeclare -- x=""\n<0>\n', stderr: '' },
  },
  {
    name: 'several names',
    steps: [['read', 'a', 'b'], ['declare', '-p', 'a', 'b']],
    opts: {"stdin":"one two three"},
    expected: { stdout: '<1>\ndeclare -- a="one"\ndeclare -- b="two three"\n<0>\n', stderr: '' },
  },
  {
    name: 'REPLY keeps blanks',
    steps: [['read'], ['declare', '-p', 'REPLY']],
    opts: {"stdin":"  sp  "},
    expected: { stdout: '<1>\ndeclare -- REPLY="  sp  "\n<0>\n', stderr: '' },
  },
  {
    name: 'array',
    steps: [['read', '-a', 'arr'], ['declare', '-p', 'arr']],
    opts: {"stdin":"x y"},
    expected: { stdout: '<1>\ndeclare -a arr=([0]="x" [1]="y")\n<0>\n', stderr: '' },
  },
  {
    name: 'custom delimiter never seen',
    steps: [['read', '-d', ':', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"no colon\nhere"},
    expected: { stdout: "<1>\ndeclare -- x=$'no colon\\nhere'\n<0>\n", stderr: '' },
  },
  {
    name: 'NUL delimiter',
    steps: [['read', '-d', '', 'x'], ['declare', '-p', 'x'], ['read', '-d', '', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"a\nb\u0000c"},
    expected: { stdout: "<0>\ndeclare -- x=$'a\\nb'\n<0>\n<1>\ndeclare -- x=\"c\"\n<0>\n", stderr: '' },
  },
  {
    name: 'backslash before EOF',
    steps: [['read', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"ab\\"},
    expected: { stdout: '<1>\ndeclare -- x="ab"\n<0>\n', stderr: '' },
  },
  {
    name: 'continuation then EOF',
    steps: [['read', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"ab\\\ncd"},
    expected: { stdout: '<1>\ndeclare -- x="abcd"\n<0>\n', stderr: '' },
  },
  {
    name: '-N short input',
    steps: [['read', '-N', '10', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"abc\ndef"},
    expected: { stdout: "<1>\ndeclare -- x=$'abc\\ndef'\n<0>\n", stderr: '' },
  },
  {
    name: '-n short input',
    steps: [['read', '-n', '10', 'x'], ['declare', '-p', 'x']],
    opts: {"stdin":"abc"},
    expected: { stdout: '<1>\ndeclare -- x="abc"\n<0>\n', stderr: '' },
  },
  {
    name: 'empty input',
    steps: [['read', 'x'], ['declare', '-p', 'x'], ['read'], ['declare', '-p', 'REPLY']],
    opts: {"stdin":""},
    expected: { stdout: '<1>\ndeclare -- x=""\n<0>\n<1>\ndeclare -- REPLY=""\n<0>\n', stderr: '' },
  },
  {
    name: 'mapfile keeps a last line without newline',
    steps: [['mapfile', 'm'], ['declare', '-p', 'm']],
    opts: {"stdin":"a\nb"},
    expected: { stdout: "<0>\ndeclare -a m=([0]=$'a\\n' [1]=\"b\")\n<0>\n", stderr: '' },
  },
];

for (const c of cases) {
  test(`read at end of input: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
