// diffutils' own test suite (diffutils 3.8, Debian source tree tests/) run inside the VM.
//
// tests/Makefile.am lists the tests (TESTS); each is a gnulib init.sh shell script. Each runs in
// a fork of a VM holding tests/, the way the automake harness runs it: from the tests build
// directory, with TESTS_ENVIRONMENT's variables and PATH starting with ../src (here links to the
// VM's diff, cmp, diff3 and sdiff).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  baseVM, commandPath, copyIn, locateSuite, newTally, requireTree, runCases, runInitSh, suiteOptions, summary,
} from './helpers.ts';

const PROGRAMS = ['cmp', 'diff', 'diff3', 'sdiff'];
const suite = locateSuite('diffutils', PROGRAMS);
const TOP = '/home/user/diffutils';
const TESTS = `${TOP}/tests`;

// What tests/Makefile.am's TESTS_ENVIRONMENT exports (configure's answers for this build).
const ENV: Record<string, string> = {
  TMPDIR: '/tmp', VERSION: '3.8', PACKAGE_VERSION: '3.8', PACKAGE_BUGREPORT: 'bug-diffutils@gnu.org',
  LOCALE_FR: 'none', LOCALE_FR_UTF8: 'none', AWK: 'gawk', GREP_OPTIONS: '', LC_ALL: 'C',
  abs_top_builddir: TOP, abs_top_srcdir: TOP, abs_srcdir: TESTS, built_programs: PROGRAMS.join(' '),
  srcdir: '.', top_srcdir: '..', CC: 'cc', MAKE: 'make', MALLOC_PERTURB_: '1', PERL: 'perl',
  SHELL: '/bin/sh', PREFERABLY_POSIX_SHELL: '/bin/sh', REPLACE_GETCWD: '0',
  PATH: `${TOP}/src:/usr/local/bin:/usr/bin:/bin`,
};

// One reason per skipped test. "VM bug"/"VM gap"/"skips itself"/"XFAIL" entries still run and
// must not pass (see helpers.runCases); the others are not run.
const SKIPS: Record<string, string> = {
  'diff3': 'VM gap: diff3 runs diff as a subprocess (no pipe/spawn from WASM programs): "diff3: pipe: Function not implemented"',
  'help-version': "VM gap: env cannot run a program (no exec from WASM programs): \"env: 'cmp': Function not implemented\"",
  'colors': "VM gap: env cannot run a program (\"env: 'diff': Function not implemented\") and mkfifo fails (\"mkfifo: cannot create fifo 'fifo': Function not implemented\")",
  'excess-slash': "VM bug: mkdir -p a/f b/f/g creates a/b/f/g (cwd not restored after the first operand), so \"diff: b/: No such file or directory\"",
  'brief-vs-stat-zero-kernel-lies': 'needs /proc/cmdline (not in the VM; the test skips itself: "no /proc/cmdline file")',
  'strip-trailing-cr': 'needs valgrind (not in the VM)',
};

interface Case { name: string; skip?: string }

function loadCases(tree: string): Case[] {
  const mk = readFileSync(join(tree, 'tests', 'Makefile.am'), 'utf8');
  const m = /^TESTS =((?:.*\\\n)*.*)$/m.exec(mk);
  const names = m ? m[1].replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean) : [];
  return names.map((name) => ({ name, skip: SKIPS[name] }));
}

test('diffutils: upstream test suite (tests/Makefile.am)', suiteOptions(suite, 4), async (t) => {
  const started = performance.now();
  const tree = requireTree(suite);
  const cases = loadCases(tree);
  assert.ok(cases.length > 15, `expected diffutils' test list, found ${cases.length} tests`);
  const base = await baseVM({ cwd: TESTS });
  await copyIn(base, join(tree, 'tests'), TESTS);
  await base.fs.mkdir(`${TOP}/src`);
  for (const p of PROGRAMS) await base.fs.symlink(await commandPath(base, p), `${TOP}/src/${p}`);
  const tally = newTally();
  await runCases(t, cases, tally, async (c) => {
    const vm = base.fork();
    try {
      return await runInitSh(vm, { cwd: TESTS, script: c.name, env: { ...ENV, DIFFUTILS_TEST_NAME: c.name } });
    } finally {
      await vm.dispose();
    }
  });
  await base.dispose();
  t.diagnostic(summary('diffutils', tally, performance.now() - started));
});
