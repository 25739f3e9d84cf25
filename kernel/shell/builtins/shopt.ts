// shopt [-pqsu] [-o] [optname ...] — bash 5.2's shopt table (names in listing order), and the
// `set -o` options through -o.

import type { Shell } from '../contracts.ts';
import { setOptionNames } from '../options.ts';
import { parseOpts, writeOut } from './util.ts';

/** Every shopt name bash 5.2 knows, in `shopt` listing order. */
export const shoptNames = [
  'autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist',
  'compat31', 'compat32', 'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote',
  'direxpand', 'dirspell', 'dotglob', 'execfail', 'expand_aliases', 'extdebug', 'extglob', 'extquote',
  'failglob', 'force_fignore', 'globasciiranges', 'globskipdots', 'globstar', 'gnu_errfmt', 'histappend',
  'histreedit', 'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments',
  'lastpipe', 'lithist', 'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn',
  'no_empty_cmd_completion', 'nocaseglob', 'nocasematch', 'noexpand_translation', 'nullglob',
  'patsub_replacement', 'progcomp', 'progcomp_alias', 'promptvars', 'restricted_shell', 'shift_verbose',
  'sourcepath', 'varredir_close', 'xpg_echo',
];
const shoptSet = new Set(shoptNames);
/** Options shopt reports but cannot change. */
const readOnlyShopts = new Set(['login_shell', 'restricted_shell']);

const line = (name: string, on: boolean): string => `${name.padEnd(15)}\t${on ? 'on' : 'off'}\n`;

export async function shopt(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'shopt', args, 'pqsuo');
  if (typeof parsed === 'number') return parsed;
  let p = false, q = false, s = false, u = false, o = false;
  for (const x of parsed.opts) {
    if (x.opt === 'p') p = true;
    else if (x.opt === 'q') q = true;
    else if (x.opt === 's') s = true;
    else if (x.opt === 'u') u = true;
    else o = true;
  }
  if (s && u) {
    await sh.error('shopt: cannot set and unset shell options simultaneously');
    return 1;
  }
  const names = parsed.rest;
  const known = o ? new Set<string>(setOptionNames) : shoptSet;
  const table: readonly string[] = o ? setOptionNames : shoptNames;
  const opts = o ? sh.setOptions : sh.shoptOptions;
  const bad = async (n: string): Promise<void> => {
    await sh.error(o ? `shopt: ${n}: invalid option name` : `shopt: ${n}: invalid shell option name`);
  };
  const fmt = (name: string): string => {
    const on = opts.has(name);
    if (p) return o ? `set ${on ? '-' : '+'}o ${name}\n` : `shopt ${on ? '-s' : '-u'} ${name}\n`;
    return line(name, on);
  };

  if (s || u) {
    if (names.length === 0) {
      // list the options that are on (-s) or off (-u)
      if (q) return 0;
      let out = '';
      for (const n of table) if (opts.has(n) === s) out += fmt(n);
      return writeOut(sh, 'shopt', out);
    }
    let status = 0;
    for (const n of names) {
      if (!known.has(n)) { await bad(n); status = 1; continue; }
      if (!o && readOnlyShopts.has(n)) continue;
      if (s) {
        opts.add(n);
        if (o && (n === 'vi' || n === 'emacs')) opts.delete(n === 'vi' ? 'emacs' : 'vi');
      } else opts.delete(n);
    }
    return status;
  }

  if (names.length === 0) {
    if (q) return 0;
    let out = '';
    for (const n of table) out += fmt(n);
    return writeOut(sh, 'shopt', out);
  }
  let status = 0;
  let out = '';
  for (const n of names) {
    if (!known.has(n)) {
      if (out) { await writeOut(sh, 'shopt', out); out = ''; }
      await bad(n);
      status = 1;
      continue;
    }
    if (!opts.has(n)) status = 1;
    if (!q) out += fmt(n);
  }
  const w = await writeOut(sh, 'shopt', out);
  return w || status;
}
