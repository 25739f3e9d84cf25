// grep's own test suite (grep 3.8, Debian source tree tests/) run inside the VM.
//
// tests/Makefile.am lists the tests (TESTS); each is a gnulib init.sh shell script (one is perl).
// Each runs in a fork of a VM holding tests/, the way the automake harness runs it: from the
// tests build directory, with TESTS_ENVIRONMENT's variables and PATH starting with ../src (here
// a link to the VM's grep). The suite's get-mb-cur-max helper is compiled with clang at test time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GNULIB_SHIMS, baseVM, buildHelper, commandPath, copyIn, each, installHelper, locateSuite, newTally, requireTree,
  runCases, runInitSh, suiteOptions, summary,
} from './helpers.ts';

const suite = locateSuite('grep', ['grep']);
const TOP = '/home/user/grep';
const TESTS = `${TOP}/tests`;

// What tests/Makefile.am's TESTS_ENVIRONMENT exports (configure's answers for this build; no
// egrep/fgrep: Debian's are shell wrappers, not built).
const ENV: Record<string, string> = {
  TMPDIR: '/tmp', VERSION: '3.8', PACKAGE_VERSION: '3.8', PACKAGE_BUGREPORT: 'bug-grep@gnu.org',
  LOCALE_FR: 'none', LOCALE_FR_UTF8: 'none', AWK: 'gawk', LC_ALL: 'C',
  abs_top_builddir: TOP, abs_top_srcdir: TOP, abs_srcdir: TESTS, built_programs: 'grep',
  host_triplet: 'wasm32-unknown-wasi', srcdir: '.', top_srcdir: '..', CC: 'cc', MAKE: 'make',
  MALLOC_PERTURB_: '1', PERL: 'perl', SHELL: '/bin/sh', PATH: `${TOP}/src:/usr/local/bin:/usr/bin:/bin`,
};

const PERL = 'needs perl (not in the VM)';
const NO_CLANG = 'needs tests/get-mb-cur-max, built at test time with clang (not installed)';
const PCRE = 'needs grep -P (built without PCRE; the test skips itself: "no PCRE support")';
const ENV_EXEC = "VM gap: env cannot run a program (no exec from WASM programs); init.cfg's tr() is `env -- tr`: \"env: 'tr': Function not implemented\"";
const TIMEOUT = 'VM gap: timeout(1) cannot run a command (no spawn from WASM programs); skips itself: "your system lacks the timeout program"';
const EXPENSIVE = 'expensive (upstream runs it only with RUN_EXPENSIVE_TESTS=yes)';
const LOCALE = (l: string) => `needs the ${l} locale (wasi-libc has only UTF-8 locales)`;

// One reason per skipped test. "VM bug"/"VM gap"/"skips itself"/"XFAIL" entries still run and
// must not pass (see helpers.runCases); the others are not run.
const SKIPS: Record<string, string> = {
  'filename-lineno.pl': PERL,
  'big-hole': PERL,
  'hash-collision-perf': PERL,
  'backref-multibyte-slow': PERL,
  'long-pattern-perf': PERL,
  'many-regex-performance': PERL,
  'mb-non-UTF8-performance': PERL,
  'pcre-jitstack': PERL,
  'triple-backref': 'XFAIL: upstream expects it to fail (XFAIL_TESTS: gnulib regex bug)',
  'equiv-classes': 'XFAIL: upstream expects it to fail with the included regex matcher (XFAIL_TESTS)',
  ...each('pcre pcre-abort pcre-context pcre-count pcre-infloop pcre-invalid-utf8-infloop pcre-invalid-utf8-input pcre-o pcre-utf8 pcre-w pcre-wx-backref pcre-z', PCRE),
  ...each('char-class-multibyte foad1 help-version high-bit-range stack-overflow word-delim-multibyte yesno', ENV_EXEC),
  ...each('dfa-infloop empty fgrep-infloop grep-dev-null-out in-eq-out-infloop invalid-multibyte-infloop max-count-overread mb-non-UTF8-perf-Fw sjis-mb skip-device', TIMEOUT),
  'big-match': EXPENSIVE,
  'long-line-vs-2GiB-read': EXPENSIVE,
  'euc-mb': LOCALE('EUC-JP'),
  'mb-non-UTF8-overrun': LOCALE('ja_JP.eucJP'),
  'mb-non-UTF8-word-boundary': LOCALE('ja_JP.eucJP'),
  'false-match-mb-non-utf8': LOCALE('zh_HK.big5hkscs'),
  'unibyte-bracket-expr': LOCALE('ru_RU.KOI8-R'),
  'fmbtest': 'needs locale(1) to find cs_CZ.UTF-8 (not in the VM)',
  'turkish-eyes': "needs tr_TR.UTF-8 case rules (wasi-libc's UTF-8 locales have no Turkish dotless i)",
};


interface Case { name: string; skip?: string }

function loadCases(tree: string, haveMbHelper: boolean): Case[] {
  const mk = readFileSync(join(tree, 'tests', 'Makefile.am'), 'utf8');
  const m = /^TESTS =((?:.*\\\n)*.*)$/m.exec(mk);
  const names = m ? m[1].replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean) : [];
  return names.map((name) => {
    let skip = SKIPS[name];
    if (!skip && !haveMbHelper && /require_\w+_locale_|get-mb-cur-max/.test(readFileSync(join(tree, 'tests', name), 'utf8'))) skip = NO_CLANG;
    return { name, skip };
  });
}

test('grep: upstream test suite (tests/Makefile.am)', suiteOptions(suite, 4), async (t) => {
  const started = performance.now();
  const tree = requireTree(suite);
  const mbHelper = buildHelper(join(tree, 'tests', 'get-mb-cur-max.c'), GNULIB_SHIMS);
  const cases = loadCases(tree, mbHelper !== undefined);
  assert.ok(cases.length > 100, `expected grep's test list, found ${cases.length} tests`);
  const base = await baseVM({ cwd: TESTS });
  await copyIn(base, join(tree, 'tests'), TESTS);
  await base.fs.mkdir(`${TOP}/src`);
  await base.fs.symlink(await commandPath(base, 'grep'), `${TOP}/src/grep`);
  if (mbHelper) installHelper(base, `${TESTS}/get-mb-cur-max`, mbHelper);
  // TESTS_ENVIRONMENT: "set this envvar to indicate whether -P works".
  const pcre = await base.exec('m=0; if err=`echo .|grep -Pq . 2>&1`; then test -z "$err" && m=1; fi; echo $m');
  const env = { ...ENV, PCRE_WORKS: pcre.stdout.trim() };
  const tally = newTally();
  await runCases(t, cases, tally, async (c) => {
    const vm = base.fork();
    try {
      return await runInitSh(vm, { cwd: TESTS, script: c.name, env: { ...env, GREP_TEST_NAME: c.name } });
    } finally {
      await vm.dispose();
    }
  });
  await base.dispose();
  t.diagnostic(summary('grep', tally, performance.now() - started));
});
