// getopts: silent mode (leading colon) versus bash error messages, OPTIND/OPTARG state
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: 'silent mode: unknown option and missing argument set OPTARG, no messages',
    steps: [['getopts', ':ab:', 'opt', '-x', '-b'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', ':ab:', 'opt', '-x', '-b'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', ':ab:', 'opt', '-x', '-b'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND']],
    opts: {},
    expected: { stdout: '<0>\ndeclare -- opt="?"\ndeclare -- OPTARG="x"\ndeclare -i OPTIND="2"\n<0>\n<0>\ndeclare -- opt=":"\ndeclare -- OPTARG="b"\ndeclare -i OPTIND="3"\n<0>\n<1>\ndeclare -- opt="?"\ndeclare -i OPTIND="3"\n<1>\n', stderr: 'bash: line 1: declare: OPTARG: not found\n' },
  },
  {
    name: 'normal mode prints errors with $0 and unsets OPTARG',
    steps: [['getopts', 'ab:', 'opt', '-x', '-b'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', 'ab:', 'opt', '-x', '-b'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', 'ab:', 'opt', '-x', '-b'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND']],
    opts: {},
    expected: { stdout: '<0>\ndeclare -- opt="?"\ndeclare -i OPTIND="2"\n<1>\n<0>\ndeclare -- opt="?"\ndeclare -i OPTIND="3"\n<1>\n<1>\ndeclare -- opt="?"\ndeclare -i OPTIND="3"\n<1>\n', stderr: 'bash: illegal option -- x\nbash: line 1: declare: OPTARG: not found\nbash: option requires an argument -- b\nbash: line 1: declare: OPTARG: not found\nbash: line 1: declare: OPTARG: not found\n' },
  },
  {
    name: 'OPTERR=0 silences, grouped options, arguments attached and separate',
    steps: [['declare', 'OPTERR=0'], ['getopts', 'a', 'opt', '-z'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['declare', 'OPTIND=1'], ['unset', 'OPTERR'], ['getopts', 'ab:c:d', 'opt', '-ab', 'val', '-cfoo', '-d', '--', 'rest'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', 'ab:c:d', 'opt', '-ab', 'val', '-cfoo', '-d', '--', 'rest'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', 'ab:c:d', 'opt', '-ab', 'val', '-cfoo', '-d', '--', 'rest'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', 'ab:c:d', 'opt', '-ab', 'val', '-cfoo', '-d', '--', 'rest'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts', 'ab:c:d', 'opt', '-ab', 'val', '-cfoo', '-d', '--', 'rest'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND']],
    opts: {},
    expected: { stdout: '<0>\n<0>\ndeclare -- opt="?"\ndeclare -i OPTIND="2"\n<1>\n<0>\n<0>\n<0>\ndeclare -- opt="a"\ndeclare -- OPTARG\ndeclare -i OPTIND="1"\n<0>\n<0>\ndeclare -- opt="b"\ndeclare -- OPTARG="val"\ndeclare -i OPTIND="3"\n<0>\n<0>\ndeclare -- opt="c"\ndeclare -- OPTARG="foo"\ndeclare -i OPTIND="4"\n<0>\n<0>\ndeclare -- opt="d"\ndeclare -- OPTARG\ndeclare -i OPTIND="5"\n<0>\n<1>\ndeclare -- opt="?"\ndeclare -i OPTIND="6"\n<1>\n', stderr: 'bash: line 1: declare: OPTARG: not found\nbash: line 1: declare: OPTARG: not found\n' },
  },
  {
    name: 'end of options: -, non-options, empty optstring, empty argument',
    steps: [['getopts', 'a', 'opt', '-'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['declare', 'OPTIND=1'], ['getopts', 'a', 'opt', 'a'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['declare', 'OPTIND=1'], ['getopts', '', 'opt', '-a'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['declare', 'OPTIND=1'], ['getopts', 'a:', 'opt', '-a', ''], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['declare', 'OPTIND=5'], ['getopts', 'a', 'opt', '-a'], ['declare', '-p', 'opt', 'OPTARG', 'OPTIND'], ['getopts'], ['getopts', 'a'], ['getopts', 'a', '1x', '-a']],
    opts: {},
    expected: { stdout: '<1>\ndeclare -- opt="?"\ndeclare -i OPTIND="1"\n<1>\n<0>\n<1>\ndeclare -- opt="?"\ndeclare -i OPTIND="1"\n<1>\n<0>\n<0>\ndeclare -- opt="?"\ndeclare -i OPTIND="2"\n<1>\n<0>\n<0>\ndeclare -- opt="a"\ndeclare -- OPTARG=""\ndeclare -i OPTIND="3"\n<0>\n<0>\n<1>\ndeclare -- opt="?"\ndeclare -i OPTIND="2"\n<1>\n<2>\n<2>\n<1>\n', stderr: "bash: line 1: declare: OPTARG: not found\nbash: line 1: declare: OPTARG: not found\nbash: illegal option -- a\nbash: line 1: declare: OPTARG: not found\nbash: line 1: declare: OPTARG: not found\ngetopts: usage: getopts optstring name [arg ...]\ngetopts: usage: getopts optstring name [arg ...]\nbash: line 1: getopts: `1x': not a valid identifier\n" },
  },
];

for (const c of cases) {
  test(`getopts: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
