// chown and chgrp (OWNER[:GROUP] by name from /etc/passwd and /etc/group, or numeric; -R -h -v
// -c -f --reference --from). The kernel decides who may change what (non-root: EPERM).
// -h (change a symlink itself) needs lchown, which the kernel does not have: such symlinks are
// reported with ENOSYS; symlinks met while recursing are skipped (GNU's default -P).

import { kerr } from '../errno.ts';
import { eachChild } from './walk.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../types.ts';
import { IdNames, defineProgram, errText, joinPath, parseOptions, quoteaf, rethrowFatal, type Ctx, type OptSpec } from './util.ts';

const common: OptSpec[] = [
  { short: 'c', long: 'changes', help: 'like verbose but report only when a change is made' },
  { short: 'f', long: 'silent', key: 'silent', help: 'suppress most error messages' },
  { long: 'quiet', key: 'silent' },
  { short: 'v', long: 'verbose', help: 'output a diagnostic for every file processed' },
  { long: 'dereference', help: 'affect the referent of each symbolic link (this is the default),\nrather than the symbolic link itself' },
  { short: 'h', long: 'no-dereference', help: 'affect symbolic links instead of any referenced file' },
  { long: 'no-preserve-root', help: "do not treat '/' specially (the default)" },
  { long: 'preserve-root', help: "fail to operate recursively on '/'" },
  { long: 'reference', arg: 'required', argName: 'RFILE', help: "use RFILE's ownership rather than specifying values" },
  { short: 'R', long: 'recursive', help: 'operate on files and directories recursively' },
  { short: 'H', key: 'H' }, { short: 'L', key: 'L' }, { short: 'P', key: 'P' },
];

function parseId(names: IdNames, s: string, user: boolean): number | undefined {
  const byName = s.startsWith('+') ? undefined : user ? names.uidOf(s) : names.gidOf(s);
  if (byName !== undefined) return byName;
  const t = s.startsWith('+') ? s.slice(1) : s;
  if (/^\d+$/.test(t) && Number(t) <= 0xfffffffe) return Number(t);
  return undefined;
}

function loginGroup(ctx: Ctx, uid: number): number | undefined {
  try {
    const text = new TextDecoder().decode(ctx.proc.readFile('/etc/passwd'));
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && Number(f[2]) === uid) return Number(f[3]);
    }
  } catch (e) {
    rethrowFatal(e);
  }
  return undefined;
}

async function chownMain(ctx: Ctx, isChgrp: boolean): Promise<void> {
  const o = parseOptions(ctx, {
    usage: isChgrp ? ['[OPTION]... GROUP FILE...', '[OPTION]... --reference=RFILE FILE...']
      : ['[OPTION]... [OWNER][:[GROUP]] FILE...', '[OPTION]... --reference=RFILE FILE...'],
    about: isChgrp ? 'Change the group of each FILE to GROUP.\nWith --reference, change the group of each FILE to that of RFILE.'
      : 'Change the owner and/or group of each FILE to OWNER and/or GROUP.\nWith --reference, change the owner and group of each FILE to those of RFILE.',
    options: common,
  });
  const { proc } = ctx;
  const names = new IdNames(proc);
  const ops = [...o.operands];
  let uid = -1;
  let gid = -1;
  const ref = o.get('reference');
  if (ref !== undefined) {
    if (ops.length === 0) ctx.usage('missing operand');
    let st: Stat;
    try {
      st = proc.stat(ref);
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`failed to get attributes of ${quoteaf(ref)}: ${errText(e)}`);
    }
    if (!isChgrp) uid = st.uid;
    gid = st.gid;
  } else {
    const specArg = ops.shift();
    if (specArg === undefined) ctx.usage('missing operand');
    if (ops.length === 0) ctx.usage(`missing operand after ${ctx.q(specArg)}`);
    if (isChgrp) {
      const g = specArg === '' ? undefined : parseId(names, specArg, false);
      if (g === undefined) ctx.fail(`invalid group: ${ctx.q(specArg)}`);
      gid = g;
    } else {
      let sep = specArg.indexOf(':');
      if (sep < 0 && specArg.includes('.') && names.uidOf(specArg) === undefined) sep = specArg.indexOf('.');
      const u = sep < 0 ? specArg : specArg.slice(0, sep);
      const g = sep < 0 ? '' : specArg.slice(sep + 1);
      if (u !== '') {
        const v = parseId(names, u, true);
        if (v === undefined) ctx.fail(`invalid user: ${ctx.q(specArg)}`);
        uid = v;
        if (sep >= 0 && g === '') {
          const lg = loginGroup(ctx, uid);
          if (lg === undefined) ctx.fail(`invalid spec: ${ctx.q(specArg)}`);
          gid = lg;
        }
      }
      if (g !== '') {
        const v = parseId(names, g, false);
        if (v === undefined) ctx.fail(`invalid group: ${ctx.q(specArg)}`);
        gid = v;
      }
    }
  }
  const silent = o.has('silent');
  const verbose = o.has('verbose');
  const changesOnly = o.has('changes');
  const recursive = o.has('recursive');
  const noDeref = o.has('no-dereference');
  const showUser = uid !== -1;
  const showGroup = gid !== -1;
  const uname = (u: number): string => names.user(u) ?? String(u);
  const gname = (g: number): string => names.group(g) ?? String(g);
  const desc = (u: number, g: number): string =>
    showUser && showGroup ? `${uname(u)}:${gname(g)}` : showUser ? uname(u) : showGroup ? gname(g) : '';
  const what = showUser ? 'ownership' : 'group';

  const one = async (path: string, st: Stat): Promise<void> => {
    const nu = uid === -1 ? st.uid : uid;
    const ng = gid === -1 ? st.gid : gid;
    let ok = true;
    try {
      if (noDeref && (st.mode & S_IFMT) === S_IFLNK) throw kerr('ENOSYS', 'lchown', path);
      proc.chown(path, nu, ng);
    } catch (e) {
      rethrowFatal(e);
      ok = false;
      if (!silent) await ctx.warn(`changing ${what} of ${quoteaf(path)}: ${errText(e)}`);
      else ctx.status = 1;
    }
    const changed = nu !== st.uid || ng !== st.gid;
    if (verbose || (changesOnly && ok && changed)) {
      const q = quoteaf(path);
      if (!ok) ctx.out.text(`failed to change ${what} of ${q} from ${desc(st.uid, st.gid)} to ${desc(nu, ng)}\n`);
      else if (!changed) ctx.out.text(`${what} of ${q} retained as ${desc(st.uid, st.gid)}\n`);
      else ctx.out.text(`changed ${what} of ${q} from ${desc(st.uid, st.gid)} to ${desc(nu, ng)}\n`);
    }
    if (recursive && (st.mode & S_IFMT) === S_IFDIR) {
      await eachChild(ctx, path, silent, async (child, cst) => {
        if ((cst.mode & S_IFMT) === S_IFLNK && !noDeref) return;
        await one(child, cst);
      });
    }
  };

  for (const path of ops) {
    let st: Stat;
    try {
      st = noDeref ? proc.lstat(path) : proc.stat(path);
    } catch (e) {
      rethrowFatal(e);
      if (!silent) await ctx.warn(`cannot access ${quoteaf(path)}: ${errText(e)}`);
      else ctx.status = 1;
      continue;
    }
    await one(path, st);
  }
}

export const chown = defineProgram('chown', (ctx) => chownMain(ctx, false));
export const chgrp = defineProgram('chgrp', (ctx) => chownMain(ctx, true));
