// id and whoami, from the process's uid/gid and /etc/passwd, /etc/group. The kernel keeps no
// supplementary group list: a user's groups are its primary group plus the /etc/group entries
// that list it as a member (what login(1) would have set up).

import { IdNames, defineProgram, parseOptions, rethrowFatal, type Ctx } from './util.ts';

interface PasswdEntry { name: string; uid: number; gid: number }

function readLines(ctx: Ctx, path: string): string[][] {
  try {
    return new TextDecoder().decode(ctx.proc.readFile(path)).split('\n').map((l) => l.split(':')).filter((f) => f.length >= 3 && f[0] !== '');
  } catch (e) {
    rethrowFatal(e);
    return [];
  }
}

function passwd(ctx: Ctx): PasswdEntry[] {
  return readLines(ctx, '/etc/passwd').filter((f) => f.length >= 4).map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]) }));
}

/** Primary group first, then the groups listing `user` as a member, without duplicates. */
function groupsOf(ctx: Ctx, user: string | undefined, gid: number): number[] {
  const out = [gid];
  if (user === undefined) return out;
  for (const f of readLines(ctx, '/etc/group')) {
    const g = Number(f[2]);
    if ((f[3] ?? '').split(',').includes(user) && !out.includes(g)) out.push(g);
  }
  return out;
}

const idSpec = {
  usage: '[OPTION]... [USER]...',
  about: 'Print user and group information for each specified USER,\nor (when USER omitted) for the current process.',
  options: [
    { short: 'a', key: 'a', help: 'ignore, for compatibility with other versions' },
    { short: 'Z', long: 'context', help: 'print only the security context of the process' },
    { short: 'g', long: 'group', help: 'print only the effective group ID' },
    { short: 'G', long: 'groups', help: 'print all group IDs' },
    { short: 'n', long: 'name', help: 'print a name instead of a number, for -ugG' },
    { short: 'r', long: 'real', help: 'print the real ID instead of the effective ID, with -ugG' },
    { short: 'u', long: 'user', help: 'print only the effective user ID' },
    { short: 'z', long: 'zero', help: 'delimit entries with NUL characters, not whitespace;\nnot permitted in default format' },
  ],
};

export const id = defineProgram('id', async (ctx: Ctx) => {
  const o = parseOptions(ctx, idSpec);
  const names = new IdNames(ctx.proc);
  const only = ['user', 'group', 'groups'].filter((k) => o.has(k));
  if (o.has('context')) ctx.fail('--context (-Z) works only on an SELinux-enabled kernel');
  if (only.length > 1) ctx.fail('cannot print "only" of more than one choice');
  if (only.length === 0 && (o.has('name') || o.has('real'))) ctx.fail('cannot print only names or real IDs in default format');
  if (only.length === 0 && o.has('zero')) ctx.fail('option --zero not permitted in default format');
  const useName = o.has('name');
  const zero = o.has('zero');
  const users: { name: string | undefined; uid: number; gid: number }[] = [];
  if (o.operands.length === 0) {
    const uid = ctx.proc.uid;
    users.push({ name: names.user(uid), uid, gid: ctx.proc.gid });
  } else {
    const all = passwd(ctx);
    for (const u of o.operands) {
      const e = all.find((p) => p.name === u) ?? (/^\+?\d+$/.test(u) ? all.find((p) => p.uid === Number(u)) : undefined);
      if (!e) {
        await ctx.warn(`${ctx.q(u)}: no such user`);
        continue;
      }
      users.push(e);
    }
  }
  for (const u of users) {
    const groups = groupsOf(ctx, u.name, u.gid);
    const un = (n: number): string => names.user(n) ?? String(n);
    const gn = (n: number): string => names.group(n) ?? String(n);
    if (only[0] === 'user') {
      if (useName && names.user(u.uid) === undefined) await ctx.warn(`cannot find name for user ID ${u.uid}`);
      ctx.out.text((useName ? un(u.uid) : String(u.uid)) + (zero ? '\0' : '\n'));
    } else if (only[0] === 'group') {
      if (useName && names.group(u.gid) === undefined) await ctx.warn(`cannot find name for group ID ${u.gid}`);
      ctx.out.text((useName ? gn(u.gid) : String(u.gid)) + (zero ? '\0' : '\n'));
    } else if (only[0] === 'groups') {
      const list = groups.map((g) => (useName ? gn(g) : String(g)));
      ctx.out.text(zero ? `${list.join('\0')}\0` : `${list.join(' ')}\n`);
    } else {
      const nm = (n: string | undefined): string => (n === undefined ? '' : `(${n})`);
      ctx.out.text(`uid=${u.uid}${nm(names.user(u.uid))} gid=${u.gid}${nm(names.group(u.gid))} groups=` +
        `${groups.map((g) => `${g}${nm(names.group(g))}`).join(',')}\n`);
    }
  }
});

export const whoami = defineProgram('whoami', async (ctx: Ctx) => {
  const o = parseOptions(ctx, { usage: '[OPTION]...', about: 'Print the user name associated with the current effective user ID.\nSame as id -un.', options: [] });
  if (o.operands.length) ctx.usage(`extra operand ${ctx.q(o.operands[0]!)}`);
  const name = new IdNames(ctx.proc).user(ctx.proc.uid);
  if (name === undefined) ctx.fail(`cannot find name for user ID ${ctx.proc.uid}`);
  ctx.out.text(`${name}\n`);
});
