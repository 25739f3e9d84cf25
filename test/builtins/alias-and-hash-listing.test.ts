// alias/hash: listing formats, ordering and errors
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';
import { after } from 'node:test';
import { hostFiles } from './helpers.ts';

// the same PATH directory in the VM and (for the live comparison) on the host
const R = '/tmp/agentvm-bt-hash';
const files = { [`${R}/bin/ls`]: '#!/bin/sh\n', [`${R}/bin/cat`]: '#!/bin/sh\n', [`${R}/bin/grep`]: '#!/bin/sh\n', [`${R}/bin/sed`]: '#!/bin/sh\n', [`${R}/bin/awk`]: '#!/bin/sh\n', [`${R}/bin/plain`]: 'x' };
after(hostFiles(R, files));
const opts = { files, env: { PATH: `${R}/bin` } };

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: 'alias listing is sorted and single-quoted',
    steps: [['alias'], ['alias', 'll=ls -l', 'a=b', "q=it's", "s='", 'e='], ['alias'], ['alias', 'll', 'nope', 'a'], ['alias', '-p', 'e'], ['alias', 'x y=z'], ['alias', 'a/b=1'], ['alias', '=z'], ['alias', '-x=1'], ['alias', '--', '-y=2'], ['alias'], ['unalias', 'll', 'nope'], ['unalias'], ['unalias', '-a'], ['alias']],
    opts,
    expected: { stdout: "<0>\n<0>\nalias a='b'\nalias e=''\nalias ll='ls -l'\nalias q='it'\\''s'\nalias s=\\'\n<0>\nalias ll='ls -l'\nalias a='b'\n<1>\nalias a='b'\nalias e=''\nalias ll='ls -l'\nalias q='it'\\''s'\nalias s=\\'\nalias e=''\n<0>\n<1>\n<1>\n<1>\n<2>\n<0>\nalias -- -y='2'\nalias a='b'\nalias e=''\nalias ll='ls -l'\nalias q='it'\\''s'\nalias s=\\'\n<0>\n<1>\n<2>\n<0>\n<0>\n", stderr: "bash: line 1: alias: nope: not found\nbash: line 1: alias: `x y': invalid alias name\nbash: line 1: alias: `a/b': invalid alias name\nbash: line 1: alias: =z: not found\nbash: line 1: alias: -x: invalid option\nalias: usage: alias [-p] [name[=value] ... ]\nbash: line 1: unalias: nope: not found\nunalias: usage: unalias [-a] name [name ...]\n" },
  },
  {
    name: 'hash table: bash bucket order, hits, -t -d -p -l -r',
    steps: [['hash'], ['hash', 'ls', 'cat', 'grep', 'sed', 'awk'], ['hash'], ['hash', '-l'], ['hash', '-t', 'ls'], ['hash', '-t', 'ls', 'sed'], ['hash', '-t', 'nope'], ['hash', 'nope'], ['hash', '-p', '/x/zz', 'zz'], ['hash', '-t', 'zz'], ['hash', '-d', 'zz'], ['hash', '-d', 'zz'], ['hash', '-r', 'cat'], ['hash'], ['hash', '-p'], ['hash', '-t'], ['hash', '-d'], ['hash', '/tmp/agentvm-bt-hash/bin/ls'], ['hash', 'echo'], ['hash', 'plain'], ['hash', '-lt', 'cat'], ['hash', '-r'], ['hash'], ['hash', '-z']],
    opts,
    expected: { stdout: 'hash: hash table empty\n<0>\n<0>\nhits\tcommand\n   0\t/tmp/agentvm-bt-hash/bin/grep\n   0\t/tmp/agentvm-bt-hash/bin/ls\n   0\t/tmp/agentvm-bt-hash/bin/cat\n   0\t/tmp/agentvm-bt-hash/bin/awk\n   0\t/tmp/agentvm-bt-hash/bin/sed\n<0>\nbuiltin hash -p /tmp/agentvm-bt-hash/bin/grep grep\nbuiltin hash -p /tmp/agentvm-bt-hash/bin/ls ls\nbuiltin hash -p /tmp/agentvm-bt-hash/bin/cat cat\nbuiltin hash -p /tmp/agentvm-bt-hash/bin/awk awk\nbuiltin hash -p /tmp/agentvm-bt-hash/bin/sed sed\n<0>\n/tmp/agentvm-bt-hash/bin/ls\n<0>\nls\t/tmp/agentvm-bt-hash/bin/ls\nsed\t/tmp/agentvm-bt-hash/bin/sed\n<0>\n<1>\n<1>\n<0>\n/x/zz\n<0>\n<0>\n<1>\n<0>\nhits\tcommand\n   0\t/tmp/agentvm-bt-hash/bin/cat\n<0>\n<2>\n<1>\n<1>\n<0>\n<0>\n<1>\nbuiltin hash -p /tmp/agentvm-bt-hash/bin/cat cat\n<0>\n<0>\nhash: hash table empty\n<0>\n<2>\n', stderr: 'bash: line 1: hash: nope: not found\nbash: line 1: hash: nope: not found\nbash: line 1: hash: zz: not found\nbash: line 1: hash: -p: option requires an argument\nhash: usage: hash [-lr] [-p pathname] [-dt] [name ...]\nbash: line 1: hash: -t: option requires an argument\nbash: line 1: hash: -d: option requires an argument\nbash: line 1: hash: plain: not found\nbash: line 1: hash: -z: invalid option\nhash: usage: hash [-lr] [-p pathname] [-dt] [name ...]\n' },
  },
];

for (const c of cases) {
  test(`alias/hash: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
