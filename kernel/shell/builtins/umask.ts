// umask [-p] [-S] [mode] — octal or symbolic (u=rwx,g=rx,o=) file creation masks on proc.umask.

import type { Shell } from '../contracts.ts';
import { parseOpts, writeOut } from './util.ts';

/** perms (not the mask) as u=rwx,g=rx,o=rx */
function symbolic(mask: number): string {
  const perms = ~mask & 0o777;
  const part = (shift: number): string =>
    (perms >> shift & 4 ? 'r' : '') + (perms >> shift & 2 ? 'w' : '') + (perms >> shift & 1 ? 'x' : '');
  return `u=${part(6)},g=${part(3)},o=${part(0)}`;
}

/** parse_symbolic_mode on permission bits; an error message instead on failure. */
export function parseSymbolicMode(mode: string, initial: number): number | string {
  let bits = initial;
  let i = 0;
  for (;;) {
    let who = 0, perm = 0;
    while (i < mode.length && 'agou'.includes(mode[i])) {
      const c = mode[i++];
      who |= c === 'u' ? 0o700 : c === 'g' ? 0o070 : c === 'o' ? 0o007 : 0o777;
    }
    const op = mode[i++] ?? '\0';
    if (op !== '+' && op !== '-' && op !== '=') return `\`${op}': invalid symbolic mode operator`;
    while (i < mode.length && 'rwx'.includes(mode[i])) {
      const c = mode[i++];
      perm |= c === 'r' ? 0o444 : c === 'w' ? 0o222 : 0o111;
    }
    if (i >= mode.length || mode[i] === ',') {
      if (who) perm &= who;
      if (op === '+') bits |= perm;
      else if (op === '-') bits &= ~perm;
      else { bits &= ~(who || 0o777); bits |= perm; }
      if (i >= mode.length) break;
      i++;
    } else return `\`${mode[i]}': invalid symbolic mode character`;
  }
  return bits;
}

export async function umask(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'umask', args, 'Sp');
  if (typeof parsed === 'number') return parsed;
  let sym = false, reusable = false;
  for (const o of parsed.opts) {
    if (o.opt === 'S') sym = true;
    else reusable = true;
  }
  const arg = parsed.rest[0];
  if (arg !== undefined) {
    let mask: number;
    if (arg[0] >= '0' && arg[0] <= '9') {
      if (!/^[0-7]+$/.test(arg) || parseInt(arg, 8) > 0o7777) {
        await sh.error(`umask: ${arg}: octal number out of range`);
        return 1;
      }
      mask = parseInt(arg, 8);
    } else {
      const r = parseSymbolicMode(arg, ~sh.proc.umask & 0o777);
      if (typeof r === 'string') {
        await sh.error(`umask: ${r}`);
        return 1;
      }
      mask = ~r & 0o777;
    }
    sh.proc.umask = mask & 0o777;
    if (!sym) return 0;
  }
  const m = sh.proc.umask & 0o777;
  let out = reusable ? 'umask ' : '';
  out += sym ? (reusable ? '-S ' : '') + symbolic(m) : m.toString(8).padStart(4, '0');
  return writeOut(sh, 'umask', out + '\n');
}
