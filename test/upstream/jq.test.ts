// jq's own test suite (jq 1.6, Debian source tree tests/) run inside the VM.
//
// `make check` runs tests/jqtest, tests/onigtest, tests/mantest and tests/shtest. jqtest is
// `jq -L tests/modules --run-tests tests/jq.test`: jq's built-in runner reads groups of lines
// (program, input, expected outputs; `%%FAIL` / `%%FAIL IGNORE MSG` before a program that must
// not compile, followed by its error message), prints "Testing '<prog>' at line number N" for
// each and a "*** ..." line for each problem. We run that runner once per .test file in the VM
// and turn its report into one subtest per test program, named by file and line; the program
// list comes from parsing the .test file the way src/jq_test.c reads it, so a test the runner
// never reports (it stopped early) fails too. shtest runs whole, as a shell script.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  baseVM, commandPath, copyIn, locateSuite, newTally, requireTree, runCases, suiteOptions, summary,
} from './helpers.ts';

const suite = locateSuite('jq', ['jq']);
const TOP = '/home/user/jq';

// Runner files of `make check` and what is not run: whole files first.
const FILE_SKIPS: Record<string, string> = {
  'onig.test': 'needs oniguruma regexes (jq built --without-oniguruma)',
};
const SCRIPT_SKIPS: Record<string, string> = {
  mantest: "needs ruby's rake to extract the manual's examples (docs/, not in the VM)",
};

// Individual test programs ("<file>:<line>"). "VM bug"/"VM gap"/"skips itself"/"XFAIL" entries
// still run and must not pass (see helpers.runCases); the others are not run.
const SKIPS: Record<string, string> = {
};

interface JqProgram { file: string; line: number; prog: string; mustFail: boolean }

/** The test programs of a jq .test file, read the way src/jq_test.c's run_jq_tests reads them. */
function parseJqTests(text: string, file: string): JqProgram[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const skipline = (l: string) => /^[ \t]*(#|$)/.test(l);
  const out: JqProgram[] = [];
  let i = 0;
  let mustFail = false;
  while (i < lines.length) {
    const prog = lines[i++];
    if (skipline(prog)) continue;
    if (prog === '%%FAIL' || prog === '%%FAIL IGNORE MSG') { mustFail = true; continue; }
    out.push({ file, line: i, prog, mustFail });
    if (mustFail) { i++; mustFail = false; continue; } // the expected error message
    i++; // the input
    while (i < lines.length && !skipline(lines[i])) i++; // expected outputs
    i++; // the line that ended them
  }
  return out;
}

interface RunnerReport { tested: Map<number, string[]>; summary?: string }

/** Splits `jq --run-tests` output into the problems ("*** ...") reported for each test line. */
function parseRunnerOutput(stdout: string): RunnerReport {
  const tested = new Map<number, string[]>();
  let current: string[] | undefined;
  let summary: string | undefined;
  for (const l of stdout.split('\n')) {
    const m = /^Testing '.*' at line number (\d+)$/.exec(l);
    if (m) { current = []; tested.set(Number(m[1]), current); continue; }
    if (/^\d+ of \d+ tests passed/.test(l)) { summary = l; continue; }
    if (l.startsWith('*** ') && current) current.push(l);
  }
  return { tested, summary };
}

interface Case { name: string; skip?: string; kind: 'program' | 'script'; file: string; line?: number }

test('jq: upstream test suite (tests/*.test via jq --run-tests, tests/shtest)', suiteOptions(suite, 4), async (t) => {
  const started = performance.now();
  const tree = requireTree(suite);
  const makefile = readFileSync(join(tree, 'Makefile.am'), 'utf8');
  const scripts = (/^TESTS = (.*)$/m.exec(makefile)?.[1] ?? '').split(/\s+/).filter(Boolean).map((s) => s.replace(/^tests\//, ''));
  assert.ok(scripts.includes('jqtest'), `expected tests/jqtest in jq's TESTS, found: ${scripts.join(' ')}`);
  const cases: Case[] = [];
  const testFiles: string[] = [];
  for (const script of scripts) {
    // A runner script that only runs `jq --run-tests <file>.test` becomes one case per program.
    const body = readFileSync(join(tree, 'tests', script), 'utf8');
    const file = /--run-tests \$JQTESTDIR\/([\w.-]+\.test)\s*$/m.exec(body)?.[1];
    if (file && !SCRIPT_SKIPS[script]) {
      if (FILE_SKIPS[file]) { cases.push({ name: `${file} (${script})`, skip: FILE_SKIPS[file], kind: 'script', file }); continue; }
      testFiles.push(file);
      for (const p of parseJqTests(readFileSync(join(tree, 'tests', file), 'utf8'), file)) {
        const id = `${file}:${p.line}`;
        cases.push({ name: `${id} ${p.mustFail ? '%%FAIL ' : ''}${p.prog.slice(0, 60)}`, skip: SKIPS[id], kind: 'program', file, line: p.line });
      }
    } else {
      cases.push({ name: script, skip: SCRIPT_SKIPS[script], kind: 'script', file: script });
    }
  }
  assert.ok(cases.filter((c) => c.kind === 'program').length > 300, 'expected jq.test to hold hundreds of programs');

  const base = await baseVM({ cwd: TOP });
  await copyIn(base, join(tree, 'tests'), `${TOP}/tests`);
  await base.fs.symlink(await commandPath(base, 'jq'), `${TOP}/jq`); // setup's JQ=$JQBASEDIR/jq

  // One runner per .test file (what tests/jqtest does), shared by that file's cases.
  const reports = new Map<string, Promise<{ report: RunnerReport; exitCode: number; stderr: string }>>();
  for (const file of testFiles) {
    const run = (async () => {
      const vm = base.fork();
      try {
        const r = await vm.exec(`cd ${TOP} && ./jq -L tests/modules --run-tests tests/${file}`, { timeoutMs: 120_000 });
        return { report: parseRunnerOutput(r.stdout), exitCode: r.exitCode, stderr: r.stderr };
      } finally {
        await vm.dispose();
      }
    })();
    run.catch(() => {}); // awaited (and reported) by each of the file's cases
    reports.set(file, run);
  }

  const tally = newTally();
  await runCases(t, cases, tally, async (c) => {
    if (c.kind === 'program') {
      const { report, exitCode, stderr } = await reports.get(c.file)!;
      const problems = report.tested.get(c.line!);
      if (problems === undefined) {
        throw new Error(`the runner never reached ${c.file}:${c.line} (exit ${exitCode}${report.summary ? `, "${report.summary}"` : ''}): ${stderr.slice(-400)}`);
      }
      assert.deepEqual(problems, [], `${c.name}\n${problems.join('\n')}`);
      return;
    }
    const vm = base.fork();
    try {
      // TESTS_ENVIRONMENT = NO_VALGRIND=... LIBTOOL=...; the automake harness runs tests/<script>.
      const r = await vm.exec(`cd ${TOP} && NO_VALGRIND=1 LIBTOOL=libtool /bin/sh tests/${c.file}`, { timeoutMs: 120_000 });
      if (r.exitCode === 77) return { skipped: r.stderr.trim().split('\n').pop() ?? '' };
      assert.equal(r.exitCode, 0, `tests/${c.file} exited ${r.exitCode}\n--- stdout ---\n${r.stdout.slice(-2000)}\n--- stderr ---\n${r.stderr.slice(-2000)}`);
    } finally {
      await vm.dispose();
    }
  });
  await base.dispose();
  t.diagnostic(summary('jq', tally, performance.now() - started));
});
