// echo: -n -e -E flags, \c, \0NNN, \xHH and literal backslashes as bash prints them
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type Step } from './helpers.ts';

const steps: Step[] = [
  ['echo', '-n', 'a'], ['echo', '-e', 'x\\ty\\c z'], ['echo', '-neE', 'a\\tb'], ['echo'],
  ['echo', '-en', '\\0101\\x41\\e|\\a|\\101|\\08|\\x|\\xZ|\\u|\\c'], ['echo', '--', '-n'], ['echo', '-nx', 'a'],
  ['echo', '-e', '\\0'], ['echo', '-e', 'a\\\\'], ['echo', '-e', '\\q\\\\\\\\'], ['echo', '-e', '\\x4a\\x4'], ['echo', '-e', '\\0777'],
  ['echo', '-e', '\\"\\?\\e\\\\|\\'], ['echo', '-', '-e'], ['echo', '-e', '-n', 'x'], ['echo', '-E', '-e', '\\t'],
  ['echo', 'a\\tb', '-e'], ['echo', '-e', '\\u41\\U00000042'], ['echo', '-e', 'a', 'b\\c', 'c'], ['echo', '-ee', '\\101'],
];

const expected = {
  stdout: [
    'a<0>',
    'x\ty<0>',
    'a\\tb<0>',
    '',
    '<0>',
    'AA\u001b|\u0007|\\101|\u00008|\\x|\\xZ|\\u|<0>',
    '-- -n',
    '<0>',
    '-nx a',
    '<0>',
    '\u0000',
    '<0>',
    'a\\',
    '<0>',
    '\\q\\\\',
    '<0>',
    'J\u0004',
    '<0>',
    '�',
    '<0>',
    '\\"\\?\u001b\\|\\',
    '<0>',
    '- -e',
    '<0>',
    'x<0>',
    '\t',
    '<0>',
    'a\\tb -e',
    '<0>',
    'AB',
    '<0>',
    'a b<0>',
    '\\101',
    '<0>',
    '',
  ].join('\n'),
  stderr: '',
};

test('echo: -n -e -E flags, \\c, \\0NNN, \\xHH and literal backslashes as bash prints them', async () => {
  await checkSteps(steps, expected, {});
});
