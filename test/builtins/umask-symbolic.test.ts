// umask: symbolic modes (u=rwx,g=rx,o=), -S/-p output and errors
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: 'symbolic modes',
    steps: [['umask', '077'], ['umask'], ['umask', '-S'], ['umask', 'u+w,g+r'], ['umask', '-S'], ['umask', 'a=rx'], ['umask'], ['umask', 'o-x'], ['umask', '-S'], ['umask', 'ug=rw,o='], ['umask', '-S'], ['umask', '+x'], ['umask', '-S'], ['umask', '='], ['umask'], ['umask', 'u=rwx,g=rx,o='], ['umask', '-S'], ['umask', 'go-rwx'], ['umask', '-p'], ['umask', '-p', '-S'], ['umask', '-S', '022'], ['umask']],
    opts: {},
    expected: { stdout: '<0>\n0077\n<0>\nu=rwx,g=,o=\n<0>\n<0>\nu=rwx,g=r,o=\n<0>\n<0>\n0222\n<0>\n<0>\nu=rx,g=rx,o=r\n<0>\n<0>\nu=rw,g=rw,o=\n<0>\n<0>\nu=rwx,g=rwx,o=x\n<0>\n<0>\n0777\n<0>\n<0>\nu=rwx,g=rx,o=\n<0>\n<0>\numask 0077\n<0>\numask -S u=rwx,g=,o=\n<0>\nu=rwx,g=rx,o=rx\n<0>\n0022\n<0>\n', stderr: '' },
  },
  {
    name: 'errors',
    steps: [['umask', '999'], ['umask', '1234567'], ['umask', 'u=rwz'], ['umask', 'u=rwx,g=u'], ['umask', 'a'], ['umask', 'g=o,o=u'], ['umask', '-z'], ['umask', '-S'], ['umask', 'u=rw', 'x'], ['umask']],
    opts: {},
    expected: { stdout: '<1>\n<1>\n<1>\n<1>\n<1>\n<1>\n<2>\nu=rwx,g=rx,o=rx\n<0>\n<0>\n0122\n<0>\n', stderr: "bash: line 1: umask: 999: octal number out of range\nbash: line 1: umask: 1234567: octal number out of range\nbash: line 1: umask: `z': invalid symbolic mode character\nbash: line 1: umask: `u': invalid symbolic mode character\nbash: line 1: umask: `\u0000': invalid symbolic mode operator\nbash: line 1: umask: `o': invalid symbolic mode character\nbash: line 1: umask: -z: invalid option\numask: usage: umask [-p] [-S] [mode]\n" },
  },
];

for (const c of cases) {
  test(`umask: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
