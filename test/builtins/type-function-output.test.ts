// type: functions with their definitions, builtins, keywords, -a/-f/-t/-p/-P
// Expected output recorded from bash 5.2 (LC_ALL=C); re-checked live when /usr/bin/bash is 5.2.

import { test } from 'node:test';
import { checkSteps, type RunOptions, type RunResult, type Step } from './helpers.ts';
import { parse } from '../../kernel/shell/parser.ts';
import type { FunctionDef } from '../../kernel/shell/ast.ts';
import type { TestShell } from './helpers.ts';

const src = 'f() { echo hi; }; g () { local x=1; if [ "$x" ]; then echo "$x" > /dev/null; fi; for i in 1 2; do :; done; }; echo() { builtin echo "$@"; }';
/** The same functions, parsed for the builtin-level shell (bash gets them as a prelude). */
const setup = (sh: TestShell): void => {
  for (const it of parse(src.replace(/; (?=[a-z]+ ?\(\))/g, '\n')).items) {
    const fn = it.command as FunctionDef;
    sh.functions.set(fn.name, fn);
  }
};
const opts = { prelude: src, setup, env: { PATH: '/nonexistent' } };

const cases: { name: string; steps: Step[]; opts: RunOptions & { prelude?: string }; expected: RunResult }[] = [
  {
    name: 'a function is named, then printed as declare -f does',
    steps: [['type', 'f'], ['type', 'g'], ['type', '-t', 'f', 'g']],
    opts,
    expected: { stdout: 'f is a function\nf () \n{ \n    echo hi\n}\n<0>\ng is a function\ng () \n{ \n    local x=1;\n    if [ "$x" ]; then\n        echo "$x" > /dev/null;\n    fi;\n    for i in 1 2;\n    do\n        :;\n    done\n}\n<0>\nfunction\nfunction\n<0>\n', stderr: '' },
  },
  {
    name: 'functions shadow builtins; -a lists both, -f skips functions',
    steps: [['type', 'echo'], ['type', '-a', 'echo'], ['type', '-f', 'echo'], ['type', '-t', 'echo'], ['type', '-af', 'echo']],
    opts,
    expected: { stdout: 'echo is a function\necho () \n{ \n    builtin echo "$@"\n}\n<0>\necho is a function\necho () \n{ \n    builtin echo "$@"\n}\necho is a shell builtin\n<0>\necho is a shell builtin\n<0>\nfunction\n<0>\necho is a shell builtin\n<0>\n', stderr: '' },
  },
  {
    name: '-p and -P print nothing for functions; not found',
    steps: [['type', '-p', 'f'], ['type', '-P', 'f'], ['type', 'nope', 'f'], ['type', '-t', 'nope']],
    opts,
    expected: { stdout: '<0>\n<1>\nf is a function\nf () \n{ \n    echo hi\n}\n<1>\n<1>\n', stderr: 'bash: line 1: type: nope: not found\n' },
  },
  {
    name: 'keywords, builtins and declare -f agree',
    steps: [['type', 'if', '[[', 'cd', '['], ['declare', '-f', 'f', 'g'], ['declare', '-F'], ['declare', '-F', 'g']],
    opts,
    expected: { stdout: 'if is a shell keyword\n[[ is a shell keyword\ncd is a shell builtin\n[ is a shell builtin\n<0>\nf () \n{ \n    echo hi\n}\ng () \n{ \n    local x=1;\n    if [ "$x" ]; then\n        echo "$x" > /dev/null;\n    fi;\n    for i in 1 2;\n    do\n        :;\n    done\n}\n<0>\ndeclare -f echo\ndeclare -f f\ndeclare -f g\n<0>\ng\n<0>\n', stderr: '' },
  },
];

for (const c of cases) {
  test(`type: ${c.name}`, async () => {
    await checkSteps(c.steps, c.expected, c.opts);
  });
}
