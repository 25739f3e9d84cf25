// coreutils' own test suite (coreutils 9.1, Debian source tree tests/) run inside the VM.
//
// tests/local.mk lists the tests (all_tests, which includes all_root_tests, and the generated
// factor tests). The tests/<prog>/*.sh ones are gnulib init.sh scripts; tests/*.pl need perl.
// Each shell test runs in a fork of a VM holding tests/ and init.cfg, the way the automake
// harness runs it: from the top build directory, with TESTS_ENVIRONMENT's variables and PATH
// starting with src/ (here links to the VM's coreutils commands, one multi-call module).
//
// Tests are skipped by rule when they declare a requirement the VM lacks by design (the
// `require_*_` calls of init.cfg, perl, programs not built); the rest are listed one by one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, baseVM, builtCommands, commandPath, copyIn, each, locateSuite, newTally, requireTree, runCases, runInitSh,
  suiteOptions, summary,
} from './helpers.ts';

const suite = locateSuite('coreutils', ['ls', 'cp', 'sort']);
const TOP = '/home/user/coreutils';

// Programs of the coreutils build (tests/local.mk `built_programs`) not in the module.
const NOT_BUILT: Record<string, string> = {
  stdbuf: 'stdbuf (needs LD_PRELOAD)', nice: 'nice (no priorities in WASI)', pinky: 'pinky (no utmp)',
  users: 'users (no utmp)', who: 'who (no utmp)', stty: 'stty (no termios in WASI)',
  chroot: 'chroot (not built)', uptime: 'uptime (not built)', hostname: 'hostname (not built)',
  arch: 'arch (not built)', coreutils: 'the coreutils multi-call name (not installed)', getlimits: 'getlimits (test helper, not built)',
};

// Requirements declared through init.cfg / init.sh helpers, with why the VM lacks them.
const RULES: [RegExp, string][] = [
  [/^\s*require_perl_\b/m, 'needs perl (not in the VM)'],
  [/^\s*very_expensive_\b/m, 'very expensive (upstream runs it only with RUN_VERY_EXPENSIVE_TESTS=yes)'],
  [/^\s*expensive_\b/m, 'expensive (upstream runs it only with RUN_EXPENSIVE_TESTS=yes)'],
  [/^\s*require_root_\b/m, 'needs real root (check-root test: mounts, chroot, other owners)'],
  [/^\s*require_selinux_|^\s*require_smack_/m, 'needs SELinux/SMACK (not in the VM)'],
  [/^\s*require_valgrind_\b/m, 'needs valgrind (not in the VM)'],
  [/^\s*require_strace_\b/m, 'needs strace (not in the VM)'],
  [/^\s*require_gcc_shared_\b/m, 'needs gcc to build a shared library (not in the VM)'],
  [/^\s*require_controlling_input_terminal_\b/m, 'needs a controlling terminal (the harness runs tests without one)'],
  [/^\s*require_setfacl_|^\s*require_acl_/m, 'needs ACLs (built --disable-acl)'],
  [/^\s*require_gnu_\b/m, 'GNU/Hurd only'],
  [/^\s*getlimits_\b|\bgetlimits\b/m, "needs src/getlimits (coreutils' test helper program, not in the module)"],
  [/^\s*require_membership_in_two_groups_\b/m, 'needs a user in two groups (the VM user has one)'],
];

const PERL = 'needs perl (not in the VM)';

// Defects of the runtime seen by many tests, with what the tests observe.
const ROOT_UID = 'VM bug: WASM programs get uid 0 (id -u prints 0) while the VM user is uid 1000; skips itself: "must be run as non-root"';
const MODE = 'VM bug: file mode bits: chmod exits 0 but stat/ls report mode 0 (----------), so permission and color-by-type checks fail';
const MODE_SETGID = 'VM bug: stat reports mode 0 for new directories, so init.cfg\'s probe fails; skips itself: "this directory has the setgid bit set"';
const LINK = 'VM bug: hard links: ln/link() fails with "failed to create hard link ... No such file or directory"';
const MKDIRP = "VM bug: mkdir -p with several operands creates the later ones under the first (mkdir -p a/x b makes a/b): \"cannot create directory ...: Not a directory\" / missing dirs";
const TOUCH_NOW = 'VM bug: touch FILE (UTIME_NOW) sets the times to 1970-01-01 instead of now, so times never advance';
const DUP2 = 'VM gap: dup2 onto fds 0-2 is ENOSYS (compat fd.c), so fd_reopen fails: "cannot open \'in\' for reading: Function not implemented" (split, csplit, dd if=/of=, sort -o)';
const SORT_O = 'VM bug: sort -o FILE exits 0 but writes to stdout and leaves FILE empty';
const ENV_EXEC = "VM gap: env cannot run a program (no exec from WASM programs): \"env: 'printf': Function not implemented\" (init.cfg and the tests use env PROG)";
const TIMEOUT = 'VM gap: timeout(1) cannot run a command: "timeout: fork system call failed: Function not implemented"';
const SPAWN = 'VM gap: no subprocesses from WASM programs ("fork system call failed" / "failed to run command" / "failed to create pipe": Function not implemented)';
const FIFO = 'VM gap: mkfifo fails with "Function not implemented"; skips itself: "unable to create a fifo"';
const MOUNT = 'VM gap: the mount table cannot be read ("cannot read table of mounted file systems"; df/stat -f need statvfs too)';
const ULIMIT = 'VM gap: the shell has no ulimit -v; skips itself: "this shell lacks ulimit support"';
const XARGS = 'needs xargs (findutils not in the VM yet)';
const OTHER_FS = 'needs a second writable file system (the VM has one); skips itself: "requires a writable directory on a different file system"';
const SLOW = 'too slow for the time budget: thousands of program runs (> 60 s in the VM)';

// One reason per skipped test. "VM bug"/"VM gap"/"skips itself"/"XFAIL" entries still run and
// must not pass (see helpers.runCases); the others are not run.
const SKIPS: Record<string, string> = {
  ...each(`rm/cycle rm/isatty rm/empty-inacc rm/fail-eacces rm/i-never rm/ignorable rm/inaccessible rm/rm1 rm/rm2 rm/rm3
    rm/rm4 rm/rm5 rm/unread2 rm/unread3 chmod/no-x misc/pathchk1 misc/shred-remove misc/sort-exit-early
    misc/truncate-fail-diag chown/preserve-root cp/fail-perm df/unreadable du/inacc-dest du/inacc-dir
    du/inaccessible-cwd du/no-x install/basic-1 ls/stat-failed mkdir/p-3 mv/childproof mv/dup-source mv/hard-2
    mv/hard-3 mv/i-2 mv/part-fail mv/perm-1 touch/fail-diag touch/not-owner touch/read-only`, ROOT_UID),
  ...each(`chmod/equal-x chmod/equals chmod/umask-x cp/existing-perm-dir cp/reflink-perm mkdir/special-1
    ls/color-dtype-dir ls/color-norm ls/color-term`, MODE),
  ...each('chmod/c-option cp/cp-parents install/install-C mkdir/parents mkdir/perm', MODE_SETGID),
  ...each(`misc/close-stdout cp/attr-existing cp/link cp/link-deref cp/link-no-deref cp/link-preserve cp/preserve-link
    cp/same-file dd/misc du/hard-link du/inodes ln/backup-1 ln/hard-to-sym ln/misc mv/force mv/hard-4 mv/i-4
    mv/i-link-no mv/symlink-onto-hardlink mv/symlink-onto-hardlink-to-self`, LINK),
  'ls/multihardlink': `${LINK}; skips itself: "can't create hard link"`,
  ...each('rm/ir-1 du/basic du/exclude du/two-args install/create-leading mv/no-target-dir mv/dir2dir ls/stat-dtype', MKDIRP),
  ...each('touch/empty-file misc/stat-birthtime', TOUCH_NOW),
  'misc/ls-time': 'VM bug: touch -d/-t on a new file: "touch: cannot touch \'c\': Function not implemented"',
  'touch/no-rights': 'VM bug: touch on a file it cannot write: "touch: setting times of \'t1\': Invalid argument"',
  ...each(`misc/csplit split/suffix-auto-length split/suffix-length split/additional-suffix split/b-chunk split/lines
    split/l-chunk split/r-chunk split/record-sep split/numeric dd/nocache dd/bytes misc/shred-passes`, DUP2),
  'misc/sort-version': SORT_O,
  ...each(`misc/help-version misc/help-version-getopt misc/echo tail-2/overlay-headers misc/pwd-option misc/cksum
    misc/env-null misc/false-status misc/kill misc/printenv misc/printf-hex misc/printf-quote misc/readlink-fp-loop
    misc/sort-debug-keys misc/test-N misc/uniq-collate cp/thru-dangling dd/ascii ls/color-clear-to-eol
    ls/quote-align readlink/can-e readlink/can-f readlink/can-m tail-2/pipe-f touch/no-create-missing
    touch/no-dereference misc/env-signal-handler`, ENV_EXEC),
  ...each(`misc/seq-epipe misc/head-write-error misc/sort-NaN-infloop misc/timeout misc/uniq-perf tail-2/wait
    tail-2/symlink ls/infloop tail-2/follow-name tail-2/follow-stdin misc/seq-io-errors`, TIMEOUT),
  'tail-2/retry': `${TIMEOUT} [not run: every attempt waits for the 60 s case limit]`,
  ...each('misc/factor-parallel misc/nohup install/strip-program misc/sort-compress', SPAWN),
  ...each(`misc/cat-buf misc/mknod misc/sync misc/tee misc/truncate-fifo cp/sparse-to-pipe cp/special-f dd/reblock
    dd/stats ls/classify ls/file-type tail-2/pipe-f2 touch/fifo`, FIFO),
  ...each('misc/stat-mount df/header df/df-P df/df-output df/df-symlink df/skip-rootfs', MOUNT),
  ...each('cp/file-perm-race cp/parent-perm cp/parent-perm-race cp/preserve-2 df/total-unprocessed', `${MOUNT}; skips itself`),
  ...each('misc/csplit-heap misc/printf-surprise split/line-bytes dd/no-allocate', ULIMIT),
  ...(builtCommands().has('xargs') ? {} : each('tail-2/inotify-hash-abuse readlink/multi misc/wc-parallel misc/md5sum-parallel', XARGS)),
  ...each(`cp/reflink-auto du/one-file-system mv/backup-is-src mv/hard-link-1 mv/into-self-2 mv/mv-special-1
    mv/part-hardlink mv/part-rename mv/part-symlink mv/partition-perm mv/to-symlink`, OTHER_FS),
  ...each('misc/od-multiple-t misc/usage_vs_getopt', SLOW),
  'tail-2/inotify-hash-abuse2': 'VM bug: tail -F aborts with "wasm trap: unreachable" after "Program recieved termination signal: Broken pipe"',
  'rm/sunos-1': "VM bug: rm -r '' removes the current directory and exits 0 (should fail: \"cannot remove ''\")",
  'misc/tac-2-nonseekable': "VM bug: tac - - on a pipe: \"tac: failed to rewind stream for '/tmp/tacXXXXXX': No such file or directory\" (its temp file is unlinked while open)",
  'misc/time-style': 'VM gap: time zones: TZ=PST8PDT is ignored (wasi-libc is UTC-only), times print as +0000',
  'misc/sort-merge-fdlimit': 'VM gap: ulimit -n is accepted but not applied to WASM programs (sort never hits "open failed")',
  'cp/backup-dir': "VM bug: cp -r --backup onto an existing dir: \"cp: failed to preserve ownership for 'y/x': Not a directory\"",
  'cp/preserve-slink-time': "VM gap: utimensat on a symlink (AT_SYMLINK_NOFOLLOW): \"cp: preserving times for 'd2': No such file or directory\"",
  'cp/link-symlink': 'VM gap: utimensat on a symlink; skips itself: "Your system doesn\'t support updating symlink timestamps"',
  'misc/wc-files0': "needs a 1 GiB file (the VM's limits.fileSize is 256 MiB: \"File too large\")",
  'cp/sparse': 'needs sparse files (the VM file system stores every byte): set-up fails',
  'cp/sparse-extents': 'needs SEEK_DATA/SEEK_HOLE (not in WASI); skips itself',
  'cp/sparse-2': 'needs SEEK_DATA/SEEK_HOLE (not in WASI); skips itself',
  'cp/sparse-perf': 'needs a 1 TiB sparse file (the VM has no sparse files)',
  'du/8gb': 'needs an 8 GiB sparse file (the VM has no sparse files)',
  'tail-2/inotify-race': 'needs gdb (not in the VM)',
  'tail-2/inotify-race2': 'needs gdb (not in the VM)',
  'tail-2/inotify-dir-recreate': 'needs inotify (not in WASI)',
  'tail-2/inotify-rotate': 'expensive (upstream runs it only with RUN_EXPENSIVE_TESTS=yes)',
  'dd/sparse': 'very expensive (upstream runs it only with RUN_VERY_EXPENSIVE_TESTS=yes)',
  'tail-2/tail-n0f': 'needs /proc/PID/status (not in the VM)',
  'misc/date-debug': 'needs a time zone database (wasi-libc is UTC-only)',
  'misc/sort-h-thousands-sep': 'needs a Swedish locale (wasi-libc has UTF-8 only)',
  'misc/sort-month': 'needs locale(1) (not in the VM)',
  'misc/sort-unique-segv': 'needs pthreads (not in WASI)',
  'split/filter': 'needs xz (not in the VM)',
  'misc/tac-continue': 'needs FULL_PARTITION_TMPDIR (a full file system; upstream skips without it)',
  'misc/timeout-group': 'VM gap: kill with process-group signalling; skips itself: "requires kill with group signalling support"',
  'misc/xattr': 'needs xattr support (not in WASI)',
  'chmod/setgid': `${MODE}; skips itself: "cannot create setgid directories"`,
  'chown/separator': 'VM bug: id -g/-gn disagree with /etc/group for root; skips itself: "group \'root\' not biunique"',
  'dd/direct': 'needs O_DIRECT (not in WASI)',
  'du/bigtime': 'VM gap: the file system cannot store timestamps beyond 2038; skips itself: "file system cannot represent big timestamps"',
  'du/move-dir-while-traversing': 'needs python with inotify (not in the VM)',
  'du/threshold': 'VM bug: stat reports directory blocks as 0; skips itself: "block size of a directory is smaller than 4 bytes"',
  'ls/readdir-mountpoint-inode': 'needs a non-root mount point (the VM has none); skips itself',
  'ls/removed-directory': 'VM gap: a removed working directory cannot be examined; skips itself',
  'ls/root-rel-symlink-color': 'needs a relative symlink in / (the VM root has none); skips itself',
  // Listed above too; these take 12-26 s to fail, so they are not run (keeps the file in budget).
  'tail-2/symlink': `${TIMEOUT} [not run: ~25 s to fail]`,
  'cp/same-file': `${LINK} [not run: ~25 s to fail]`,
  'misc/help-version-getopt': `${ENV_EXEC} [not run: ~16 s to fail]`,
  'split/l-chunk': `${DUP2} [not run: ~12 s to fail]`,
};

interface Case { name: string; skip?: string }

function listVar(mk: string, name: string): string[] {
  const m = new RegExp(`^${name} =((?:.*\\\\\\n)*.*)$`, 'm').exec(mk);
  return m ? m[1].replace(/\\\n/g, ' ').split(/\s+/).filter((w) => w && !w.startsWith('$(')) : [];
}

function loadCases(tree: string, built: Set<string>): Case[] {
  const mk = readFileSync(join(tree, 'tests', 'local.mk'), 'utf8');
  const names = [...listVar(mk, 'all_tests'), ...listVar(mk, 'all_root_tests')];
  const cases: Case[] = [];
  for (const name of names) {
    let skip: string | undefined = SKIPS[name.replace(/^tests\//, '').replace(/\.sh$/, '')];
    if (!skip && /\.x?pl$/.test(name)) skip = PERL;
    if (!skip) {
      const text = readFileSync(join(tree, name), 'utf8');
      skip = RULES.find(([re]) => re.test(text))?.[1];
      const progs = /^print_ver_ (.*)$/m.exec(text)?.[1].split(/\s+/) ?? [];
      const missing = progs.filter((p) => p && !built.has(p));
      if (!skip && missing.length) skip = `needs ${missing.map((p) => NOT_BUILT[p] ?? `${p} (not built)`).join(', ')}`;
    }
    cases.push({ name, skip });
  }
  // The factor tests are generated from tests/factor/run.sh, which starts with very_expensive_.
  for (const t of listVar(mk, 'factor_tests')) cases.push({ name: t.replace('$(tf)', 'tests/factor'), skip: 'very expensive (upstream runs it only with RUN_VERY_EXPENSIVE_TESTS=yes)' });
  return cases;
}

test('coreutils: upstream test suite (tests/local.mk)', suiteOptions(suite, 6), async (t) => {
  const started = performance.now();
  const tree = requireTree(suite);
  const coreutils = builtCommands('coreutils');
  const cases = loadCases(tree, coreutils);
  assert.ok(cases.length > 500, `expected coreutils' test list, found ${cases.length} tests`);
  const base = await baseVM({ cwd: TOP });
  await copyIn(base, join(tree, 'tests'), `${TOP}/tests`);
  await base.fs.writeFile(`${TOP}/init.cfg`, readFileSync(join(tree, 'init.cfg')));
  // configure's answers for this build (tests grep CONFIG_HEADER for HAVE_INOTIFY, HAVE_PTHREAD_T, ...):
  // the build tree's lib/config.h when the build directory is still there.
  const configH = join(ROOT, '.cache', 'wasm', 'build', 'coreutils', 'lib', 'config.h');
  if (existsSync(configH)) await base.fs.writeFile(`${TOP}/lib/config.h`, readFileSync(configH), { recursive: true });
  await base.fs.mkdir(`${TOP}/src`);
  for (const c of coreutils) await base.fs.symlink(await commandPath(base, c), `${TOP}/src/${c}`);
  const env: Record<string, string> = {
    TMPDIR: '/tmp', VERSION: '9.1', PACKAGE_VERSION: '9.1', LOCALE_FR: 'none', LOCALE_FR_UTF8: 'none',
    abs_top_builddir: TOP, abs_top_srcdir: TOP, abs_srcdir: TOP, built_programs: [...coreutils].join(' '),
    fail: '0', host_os: 'wasi', host_triplet: 'wasm32-unknown-wasi', srcdir: '.', top_srcdir: '.',
    CONFIG_HEADER: `${TOP}/lib/config.h`, CC: 'cc', AWK: 'gawk', EGREP: 'grep -E', EXEEXT: '', MAKE: 'make',
    PERL: 'perl', SHELL: '/bin/sh', LC_ALL: 'C', PATH: `${TOP}/src:/usr/local/bin:/usr/bin:/bin`,
  };
  const tally = newTally();
  await runCases(t, cases, tally, async (c) => {
    const vm = base.fork();
    try {
      const name = `tests,${c.name.replace(/^tests\//, '').replace(/\//g, '-')}`;
      return await runInitSh(vm, { cwd: TOP, script: c.name, env: { ...env, CU_TEST_NAME: name }, timeoutMs: 60_000 });
    } finally {
      await vm.dispose();
    }
  });
  await base.dispose();
  t.diagnostic(summary('coreutils', tally, performance.now() - started));
});

