// test and [: the POSIX 0-4 argument rules, precedence and syntax errors
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';

const cases: { name: string; steps: Step[]; opts: RunOptions; expected: RunResult }[] = [
  {
    name: '0 and 1 arguments',
    steps: [['test'], ['test', ''], ['test', 'x'], ['test', '-n'], ['test', '!'], ['test', '-z'], ['test', '('], ['['], ['[', ']'], ['[', 'a'], ['[', '-f', ']']],
    opts: {},
    expected: { stdout: '<1>\n<1>\n<0>\n<0>\n<0>\n<0>\n<0>\n<2>\n<1>\n<2>\n<0>\n', stderr: "bash: line 1: [: missing `]'\nbash: line 1: [: missing `]'\n" },
  },
  {
    name: '2 arguments: ! and unary operators',
    steps: [['test', '!', ''], ['test', '!', 'a'], ['test', '-z', ''], ['test', '-n', ''], ['test', '-z', 'a'], ['test', 'a', 'b'], ['test', '-q', 'a'], ['test', '-', 'a'], ['test', '-t', 'x'], ['test', '-e', '/']],
    opts: {},
    expected: { stdout: '<0>\n<1>\n<0>\n<1>\n<1>\n<2>\n<2>\n<2>\n<1>\n<0>\n', stderr: 'bash: line 1: test: a: unary operator expected\nbash: line 1: test: -q: unary operator expected\nbash: line 1: test: -: unary operator expected\n' },
  },
  {
    name: '3 arguments: binary first, then -a/-o, !, ( )',
    steps: [['test', 'a', '=', 'a'], ['test', 'a', '==', 'b'], ['test', 'a', '!=', 'b'], ['test', '-n', '=', '-n'], ['test', '=', '=', '='], ['test', '!', '=', 'a'], ['test', '(', '=', ')'], ['test', '!', '-z', 'a'], ['test', '(', 'a', ')'], ['test', '(', '', ')'], ['test', 'a', '-a', ''], ['test', 'a', '-o', ''], ['test', '', '-a', 'a'], ['test', '!', '!', 'a'], ['test', 'a', 'b', 'c'], ['test', 'a', '-q', 'b'], ['test', 'a', '=~', 'a'], ['test', 'abc', '<', 'abd'], ['test', 'abc', '>', 'abd'], ['test', '(', 'a', 'b']],
    opts: {},
    expected: { stdout: '<0>\n<1>\n<0>\n<0>\n<0>\n<1>\n<1>\n<0>\n<0>\n<1>\n<1>\n<0>\n<1>\n<0>\n<2>\n<2>\n<2>\n<0>\n<1>\n<2>\n', stderr: 'bash: line 1: test: b: binary operator expected\nbash: line 1: test: -q: binary operator expected\nbash: line 1: test: =~: binary operator expected\nbash: line 1: test: a: binary operator expected\n' },
  },
  {
    name: '4 arguments: leading ! and enclosing parentheses',
    steps: [['test', '!', 'a', '=', 'a'], ['test', '!', 'a', '=', 'b'], ['test', '(', '-z', '', ')'], ['test', '(', 'a', 'b', ')'], ['test', '!', '-n', 'a', 'x'], ['test', 'a', '-a', 'b', 'c'], ['test', '!', '(', 'a', ')'], ['test', '-n', 'a', '-a', '']],
    opts: {},
    expected: { stdout: '<1>\n<0>\n<0>\n<2>\n<2>\n<2>\n<1>\n<1>\n', stderr: 'bash: line 1: test: a: unary operator expected\nbash: line 1: test: a: binary operator expected\nbash: line 1: test: too many arguments\n' },
  },
  {
    name: '5+ arguments: -a binds tighter than -o, ! and ( )',
    steps: [['test', 'a', '-o', '', '-a', ''], ['test', '', '-a', 'a', '-o', 'b'], ['test', '', '-o', 'a', '-a', ''], ['test', '!', '', '-a', 'a', '-o', ''], ['test', '(', 'a', '-o', '', ')', '-a', ''], ['test', '(', '(', 'a', ')', ')'], ['test', '(', '(', 'a', ')'], ['test', 'a', '-a', '(', 'b', '-o', ')'], ['test', 'a', 'b', 'c', 'd', 'e'], ['test', '-d', '/', '-a', '!', '-f', '/'], ['test', '1', '-lt', '2', '-a', '3', '-gt', '2'], ['test', '!', '!', '!', 'a', '=', 'a'], ['test', 'a', '-a'], ['test', '(', 'a', '-a', 'b'], ['test', ')', ')', ')'], ['test', '-x', '-a', '-y', '-a', '-z']],
    opts: {},
    expected: { stdout: '<0>\n<0>\n<1>\n<0>\n<1>\n<0>\n<2>\n<2>\n<2>\n<0>\n<0>\n<1>\n<2>\n<2>\n<2>\n<2>\n', stderr: "bash: line 1: test: (: unary operator expected\nbash: line 1: test: `)' expected\nbash: line 1: test: too many arguments\nbash: line 1: test: a: unary operator expected\nbash: line 1: test: `)' expected\nbash: line 1: test: ): binary operator expected\nbash: line 1: test: syntax error: `-y' unexpected\n" },
  },
  {
    name: 'integers and their errors',
    steps: [['test', '1', '-eq', '1'], ['test', ' 1 ', '-eq', '1'], ['test', '1', '-eq', '1 '], ['test', '-1', '-le', '-1'], ['test', '+1', '-ge', '1'], ['test', '010', '-eq', '10'], ['test', 'x', '-eq', '1'], ['test', '0x1', '-eq', '1'], ['test', '99999999999999999999', '-eq', '1'], ['test', '9223372036854775807', '-gt', '-9223372036854775808'], ['test', '1', '-lt', ''], ['test', '2', '-ne', '3', '-o', 'x', '-eq', '1'], ['[', '1', '-ne', '2', ']'], ['[', 'a', '-gt', 'b', ']']],
    opts: {},
    expected: { stdout: '<0>\n<0>\n<0>\n<0>\n<0>\n<0>\n<2>\n<2>\n<2>\n<0>\n<2>\n<2>\n<0>\n<2>\n', stderr: 'bash: line 1: test: x: integer expression expected\nbash: line 1: test: 0x1: integer expression expected\nbash: line 1: test: 99999999999999999999: integer expression expected\nbash: line 1: test: : integer expression expected\nbash: line 1: test: x: integer expression expected\nbash: line 1: [: a: integer expression expected\n' },
  },
  {
    name: 'files, options and variables',
    steps: [['test', '-e', '/nonexistent'], ['test', '-d', '/'], ['test', '-f', '/'], ['test', '-e', ''], ['test', '/', '-ef', '/'], ['test', '/', '-nt', '/nonexistent'], ['test', '/nonexistent', '-ot', '/'], ['test', '-o', 'hashall'], ['test', '-o', 'errexit'], ['test', '-o', 'nosuch'], ['test', '-v', 'PATH'], ['test', '-v', 'NOPE'], ['test', '-t', '1'], ['test', '-t'], ['test', '-h', '/']],
    opts: {},
    expected: { stdout: '<1>\n<0>\n<1>\n<1>\n<0>\n<0>\n<0>\n<0>\n<1>\n<1>\n<0>\n<1>\n<1>\n<0>\n<1>\n', stderr: '' },
  },
];

for (const c of cases) {
  test(`test and [: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
