// sed's own test suite (sed 4.9, Debian source tree testsuite/) run inside the VM.
//
// testsuite/local.mk lists the tests (`T = testsuite/*.sh testsuite/*.pl`); every .sh test is a
// gnulib init.sh script (some compare against .inp/.good pairs). Each runs in a fork of a VM
// holding testsuite/ and init.cfg, the way the automake harness runs it: from the top build
// directory with TESTS_ENVIRONMENT's variables and PATH starting with the directory of the sed
// under test (here a link to the VM's /usr/bin/sed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GNULIB_SHIMS, baseVM, buildHelper, commandPath, copyIn, installHelper, locateSuite, newTally, requireTree, runCases, runInitSh, suiteOptions, summary,
} from './helpers.ts';

const suite = locateSuite('sed', ['sed']);
const TOP = '/home/user/sed';

// The variables testsuite/local.mk's TESTS_ENVIRONMENT exports (configure's answers for this build).
const ENV: Record<string, string> = {
  TMPDIR: '/tmp', VERSION: '4.9', PACKAGE_VERSION: '4.9', PACKAGE_BUGREPORT: 'bug-sed@gnu.org',
  LOCALE_FR: 'none', LOCALE_FR_UTF8: 'none', LOCALE_JA: 'none', AWK: 'gawk', LC_ALL: 'C',
  abs_top_builddir: TOP, abs_top_srcdir: TOP, abs_srcdir: TOP, built_programs: 'sed', srcdir: '.',
  top_srcdir: '.', CC: 'cc', CONFIG_HEADER: `${TOP}/config.h`, MAKE: 'make', PERL: 'perl',
  SHELL: '/bin/sh', PATH: `${TOP}/sed:/usr/local/bin:/usr/bin:/bin`,
};

const PERL = 'needs perl (not in the VM)';
const SPAWN = 'VM gap: no subprocesses in WASM programs (sed e command / s///e: "sed: error in subprocess")';
const ENV_EXEC = "VM gap: env cannot run a program (no exec from WASM programs): \"env: 'sed': Function not implemented\"";
const VALGRIND = 'needs valgrind (not in the VM)';
const NO_CLANG = 'needs testsuite/get-mb-cur-max, built at test time with clang (not installed)';

// One reason per skipped test. "VM bug"/"VM gap"/"skips itself" entries still run and must not
// pass (see helpers.runCases); the others are not run.
const SKIPS: Record<string, string> = {
  'execute-tests.sh': SPAWN,
  'posix-mode-s.sh': SPAWN,
  'sandbox.sh': SPAWN,
  'eval.sh': SPAWN,
  'help-version.sh': ENV_EXEC,
  'mb-bad-delim.sh': ENV_EXEC,
  'mb-y-translate.sh': ENV_EXEC,
  'badenc.sh': ENV_EXEC,
  'subst-mb-incomplete.sh': 'VM bug: command substitution turns invalid UTF-8 bytes into U+FFFD: $(printf \'\\233\\375\') gives EF BF BD EF BF BD',
  'bsd-wrapper.sh': "VM gap: /bin/sh is the text stub 'agentvm-program bash', which sed -f reads as a valid 'a' command, so bsd.sh's test_error (sed -f /bin/sh && exit 1) exits 1",
  'panic-tests.sh': "VM gap: mkfifo fails: \"mkfifo: cannot create fifo 'f': Function not implemented\"",
  'bug32082.sh': VALGRIND,
  'bug32271-2.sh': VALGRIND,
  'invalid-mb-seq-UMR.sh': VALGRIND,
  'newline-dfa-bug.sh': VALGRIND,
  'inplace-selinux.sh': 'needs SELinux (not in the VM)',
  'obinary.sh': 'only meaningful where O_TEXT is the default (Windows)',
  'regex-max-int.sh': 'very expensive (upstream runs it only with RUN_VERY_EXPENSIVE_TESTS=yes)',
  'mb-charclass-non-utf8.sh': 'needs a ja_JP Shift_JIS locale (wasi-libc has UTF-8 only)',
  'title-case.sh': 'needs the el_GR.iso88597 locale (wasi-libc has UTF-8 only)',
};

// Tests that find their locale with the suite's get-mb-cur-max helper.
const NEEDS_MB_HELPER = ['badenc.sh', 'mb-bad-delim.sh', 'mb-match-slash.sh', 'mb-y-translate.sh', 'subst-mb-incomplete.sh', 'utf8-ru.sh', 'word-delim.sh'];

interface Case { name: string; script: string; skip?: string }

function loadCases(tree: string, haveMbHelper: boolean): Case[] {
  const mk = readFileSync(join(tree, 'testsuite', 'local.mk'), 'utf8');
  const names: string[] = [];
  for (const m of mk.matchAll(/^T \+?=((?:.*\\\n)*.*)$/gm)) {
    for (const w of m[1].replace(/\\\n/g, ' ').split(/\s+/)) if (w.startsWith('testsuite/')) names.push(w);
  }
  return names.map((script) => {
    const name = script.replace(/^testsuite\//, '');
    const skip = SKIPS[name] ?? (name.endsWith('.pl') ? PERL : undefined) ??
      (!haveMbHelper && NEEDS_MB_HELPER.includes(name) ? NO_CLANG : undefined);
    return { name, script, skip };
  });
}

test('sed: upstream test suite (testsuite/local.mk)', suiteOptions(suite, 4), async (t) => {
  const started = performance.now();
  const tree = requireTree(suite);
  const mbHelper = buildHelper(join(tree, 'testsuite', 'get-mb-cur-max.c'), GNULIB_SHIMS);
  const cases = loadCases(tree, mbHelper !== undefined);
  assert.ok(cases.length > 50, `expected sed's test list, found ${cases.length} tests`);
  const base = await baseVM({ cwd: TOP });
  await copyIn(base, join(tree, 'testsuite'), `${TOP}/testsuite`);
  await base.fs.writeFile(`${TOP}/init.cfg`, readFileSync(join(tree, 'init.cfg')));
  await base.fs.mkdir(`${TOP}/sed`);
  await base.fs.symlink(await commandPath(base, 'sed'), `${TOP}/sed/sed`);
  // The suite's own helper program (a check_PROGRAM) that tells whether a locale exists.
  if (mbHelper) installHelper(base, `${TOP}/testsuite/get-mb-cur-max`, mbHelper);
  const tally = newTally();
  await runCases(t, cases, tally, async (c) => {
    const vm = base.fork();
    try {
      return await runInitSh(vm, { cwd: TOP, script: c.script, env: { ...ENV, SED_TEST_NAME: c.script.replace(/\//g, '-') } });
    } finally {
      await vm.dispose();
    }
  });
  await base.dispose();
  t.diagnostic(summary('sed', tally, performance.now() - started));
});
