// getopts optstring name [arg ...] — bash's getopts.def over lib/sh/getopt.c, including the
// hidden position inside a group of options (-abc) that survives between calls.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { isName, parseOpts, usage } from './util.ts';

interface GetoptState {
  /** sh_optind */
  optind: number;
  /** offset of nextchar inside argv[curopt], or -1 for none */
  next: number;
  curopt: number;
  /** the OPTIND value getopts itself last stored (to notice user assignments) */
  bound: string | undefined;
}

const states = new WeakMap<Shell, GetoptState>();
/** true while getopts itself stores OPTIND (that assignment must not reset the scan) */
let storingOptind = false;

/** bash's sh_getopt_save_istate: the hidden scan position, for a function call to restore. */
export function saveGetopts(sh: Shell): object | undefined {
  const st = states.get(sh);
  return st ? { ...st } : undefined;
}

/**
 * bash's sh_getopt_restore_istate: when a function made OPTIND local, its return puts back the
 * caller's scan position (after the store reported the local going away).
 */
export function restoreGetopts(sh: Shell, saved: object | undefined): void {
  if (saved) states.set(sh, { ...(saved as GetoptState), bound: sh.vars.get('OPTIND') });
  else states.delete(sh);
}

/** For the variable store: OPTIND was assigned (or unset, or a local of it went away). */
export function optindAssigned(sh: Shell, value: string | undefined): void {
  if (!storingOptind) resetGetopts(sh, value);
}

/**
 * bash's sv_optind: the variable store calls it (through optindAssigned) whenever OPTIND is
 * assigned, even to the value it already has.
 */
export function resetGetopts(sh: Shell, value: string | undefined): void {
  let s = 0;
  if (value) {
    s = parseInt(value, 10);
    if (Number.isNaN(s) || s < 0 || s === 1) s = 0;
  }
  states.set(sh, { optind: s, next: -1, curopt: 0, bound: undefined });
}

function state(sh: Shell): GetoptState {
  const cur = sh.vars.get('OPTIND');
  const st = states.get(sh);
  if (!st || st.bound !== cur) resetGetopts(sh, cur);
  return states.get(sh)!;
}

export async function getopts(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'getopts', args, '');
  if (typeof parsed === 'number') return parsed;
  const rest = parsed.rest;
  if (rest.length < 2) return usage(sh, 'getopts');
  let optstr = rest[0];
  const name = rest[1];
  const argv = [sh.scriptName, ...(rest.length > 2 ? rest.slice(2) : sh.positional)];
  const argc = argv.length;
  const silent = optstr[0] === ':';
  if (silent) optstr = optstr.slice(1);
  const opterrVar = sh.vars.get('OPTERR');
  const opterr = !silent && (opterrVar ? parseInt(opterrVar, 10) !== 0 : true);

  const st = state(sh);
  let optarg: string | null = null;
  let optopt = '?';
  let ret: string | null;
  const messages: string[] = [];

  // sh_getopt
  ret = (() => {
    if (st.optind >= argc || st.optind < 0) { st.optind = argc; return null; }
    if (st.optind === 0) { st.optind = 1; st.next = -1; }
    if (st.next < 0 || st.curopt >= argc || st.next >= argv[st.curopt].length) {
      if (st.optind >= argc) return null;
      const t = argv[st.optind];
      if (t === '--') { st.optind++; return null; }
      if (t[0] !== '-' || t.length === 1) return null;
      st.curopt = st.optind;
      st.next = 1;
    }
    const word = argv[st.curopt];
    const c = word[st.next++];
    const k = optstr.indexOf(c);
    optopt = c;
    if (st.next >= word.length) { st.optind++; st.next = -1; }
    if (k < 0 || c === ':') {
      if (opterr) messages.push(`${argv[0]}: illegal option -- ${c}\n`);
      return '?';
    }
    if (optstr[k + 1] === ':') {
      if (st.next >= 0 && st.next < word.length) {
        optarg = word.slice(st.next);
        st.optind++;
      } else if (st.optind === argc) {
        if (opterr) messages.push(`${argv[0]}: option requires an argument -- ${c}\n`);
        optarg = '';
        st.next = -1;
        return silent ? ':' : '?';
      } else {
        optarg = argv[st.optind++];
      }
      st.next = -1;
    }
    return c;
  })();

  for (const m of messages) await sh.write(2, m);
  try {
    st.bound = String(st.optind);
    storingOptind = true;
    try { sh.vars.set('OPTIND', st.bound); } finally { storingOptind = false; }
    const bindName = async (value: string): Promise<number> => {
      if (!isName(name)) {
        await sh.error(`getopts: \`${name}': not a valid identifier`);
        return 1;
      }
      sh.vars.set(name, value);
      return 0;
    };
    if (ret === null) {
      sh.vars.unset('OPTARG');
      await bindName('?');
      return 1;
    }
    if (ret === '?') {
      if (silent) sh.vars.set('OPTARG', optopt);
      else sh.vars.unset('OPTARG');
      return bindName('?');
    }
    if (ret === ':') {
      const r = await bindName(':');
      sh.vars.set('OPTARG', optopt);
      return r;
    }
    if (optarg === null) {
      // bind_variable("OPTARG", NULL): declared, without a value
      sh.vars.unset('OPTARG');
      sh.vars.declare('OPTARG', {});
    } else sh.vars.set('OPTARG', optarg);
    return bindName(ret);
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) {
      await sh.error(e.message);
      return 1;
    }
    throw e;
  }
}
