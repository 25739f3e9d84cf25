// The JS utilities every VM starts with (the GNU tools built to WASM replace those they provide,
// see kernel/userland.ts), and where Debian puts each command.

import type { Program } from '../types.ts';
import { cat } from './cat.ts';
import { cut } from './cut.ts';
import { head } from './head.ts';
import { seq } from './seq.ts';
import { sort } from './sort.ts';
import { tail } from './tail.ts';
import { tr } from './tr.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { tee } from './tee.ts';
import { yes } from './yes.ts';
import { sleep } from './sleep.ts';
import { env } from './env.ts';
import { basename, dirname } from './names.ts';
import { mkdir, rmdir } from './dirs.ts';
import { rm } from './rm.ts';
import { touch } from './touch.ts';
import { ls } from './ls.ts';
import { falseProgram, trueProgram } from './truefalse.ts';
import { cp } from './cp.ts';
import { mv } from './mv.ts';
import { ln } from './ln.ts';
import { readlink, realpath } from './readlink.ts';
import { stat } from './stat.ts';
import { mktemp } from './mktemp.ts';
import { chmod } from './chmod.ts';
import { chgrp, chown } from './chown.ts';
import { id, whoami } from './ids.ts';
import { hostname, nproc, uname } from './sysinfo.ts';
import { printenv, pwd, tty } from './session.ts';
import { date } from './date.ts';
import { which } from './which.ts';
import { du } from './du.ts';
import { bracketProgram, echoProgram, killProgram, printfProgram, testProgram } from './builtin-programs.ts';

export const jsUtilities: Program[] = [
  basename, cat, chgrp, chmod, chown, cp, cut, date, dirname, du, env, falseProgram, head, hostname, id, ln, ls, mkdir,
  mktemp, mv, nproc, printenv, pwd, readlink, realpath, rm, rmdir, seq, sleep, sort, stat, tail, tee, touch, tr,
  trueProgram, tty, uname, uniq, wc, which, whoami, yes,
  // the shell's builtins as programs, until GNU coreutils / procps replace them
  bracketProgram, echoProgram, killProgram, printfProgram, testProgram,
];

/** Debian (pre-usrmerge) keeps these coreutils (and procps' kill) in /bin; the rest live in /usr/bin. */
const IN_BIN = new Set([
  'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dir', 'echo', 'false', 'kill', 'ln', 'ls', 'mkdir',
  'mknod', 'mktemp', 'mv', 'pwd', 'readlink', 'rm', 'rmdir', 'sleep', 'stty', 'sync', 'touch', 'true', 'uname', 'vdir',
  // not coreutils: hostname, grep, sed, gzip, tar, bzip2, cpio, util-linux's more (their Debian packages use /bin)
  'hostname', 'grep', 'egrep', 'fgrep', 'sed', 'gzip', 'gunzip', 'zcat', 'uncompress', 'zgrep', 'zegrep', 'zfgrep',
  'zdiff', 'zcmp', 'zless', 'zmore', 'znew', 'gzexe', 'tar', 'bzip2', 'bunzip2', 'bzcat', 'bzip2recover', 'cpio', 'more',
]);

/** Where a utility is installed: ['/bin/NAME'] or ['/usr/bin/NAME'], as on Debian. */
export function utilityPaths(name: string): string[] {
  return [IN_BIN.has(name) ? `/bin/${name}` : `/usr/bin/${name}`];
}
