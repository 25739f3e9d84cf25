// printf -v assigns to scalars, indexed elements (arithmetic subscripts) and assoc keys
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type Step } from './helpers.ts';

const steps: Step[] = [
  ['printf', '-v', 'v', '%s-%s', 'a', 'b'], ['declare', '-p', 'v'],
  ['printf', '-v', 'a[1]', '%d', '5'], ['declare', '-p', 'a'],
  ['declare', '-a', 'x=(1 2)'], ['printf', '-v', 'x[1+1]', 'z'], ['printf', '-v', 'x[-1]', 'last'], ['declare', '-p', 'x'],
  ['declare', '-A', 'm'], ['printf', '-v', 'm[k 1]', 'x'], ['printf', '-v', 'm[1+1]', 'y'], ['declare', '-p', 'm'],
  ['printf', '-v', '1x', 'y'], ['printf', '-v', 'a[', 'y'],
  ['declare', '-r', 'R=1'], ['printf', '-v', 'R', 'x'], ['declare', '-p', 'R'],
  ['printf', '-v', 'e', ''], ['declare', '-p', 'e'],
  ['printf', '-v', 'nul', 'ab\\0cd'], ['declare', '-p', 'nul'],
  ['printf', '-v', 'stop', 'a%bz', 'b\\cc'], ['declare', '-p', 'stop'],
  ['printf', '-v', 'many', '%s,', '1', '2', '3'], ['declare', '-p', 'many'],
];

const expected = {
  stdout: [
    '<0>',
    'declare -- v="a-b"',
    '<0>',
    '<0>',
    'declare -a a=([1]="5")',
    '<0>',
    '<0>',
    '<0>',
    '<0>',
    'declare -a x=([0]="1" [1]="2" [2]="last")',
    '<0>',
    '<0>',
    '<0>',
    '<0>',
    'declare -A m=(["k 1"]="x" [1+1]="y" )',
    '<0>',
    '<2>',
    '<2>',
    '<0>',
    '<1>',
    'declare -r R="1"',
    '<0>',
    '<0>',
    'declare -- e=""',
    '<0>',
    '<0>',
    'declare -- nul="ab"',
    '<0>',
    '<0>',
    'declare -- stop="ab"',
    '<0>',
    '<0>',
    'declare -- many="1,2,3,"',
    '<0>',
    '',
  ].join('\n'),
  stderr: [
    "bash: line 1: printf: `1x': not a valid identifier",
    "bash: line 1: printf: `a[': not a valid identifier",
    'bash: line 1: R: readonly variable',
    '',
  ].join('\n'),
};

test('printf -v assigns to scalars, indexed elements (arithmetic subscripts) and assoc keys', async () => {
  await checkSteps(steps, expected, {});
});
