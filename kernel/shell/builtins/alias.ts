// alias [-p] [name[=value] ...] and unalias [-a] name [name ...].

import type { Shell } from '../contracts.ts';
import { parseOpts, singleQuote, usage, writeOut } from './util.ts';

/** bash's legal_alias_name: no shell break, quoting or expansion characters, no '/'. */
export function legalAliasName(s: string): boolean {
  return !/[()<>;&| \t\n"'\\`$/]/.test(s);
}

function aliasLine(name: string, value: string): string {
  return `alias ${name[0] === '-' ? '-- ' : ''}${name}=${singleQuote(value)}\n`;
}

function sortedNames(sh: Shell): string[] {
  return [...sh.aliases.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function alias(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'alias', args, 'p');
  if (typeof parsed === 'number') return parsed;
  const print = parsed.opts.length > 0;
  let out = '';
  if (parsed.rest.length === 0 || print) {
    for (const n of sortedNames(sh)) out += aliasLine(n, sh.aliases.get(n)!);
  }
  let status = 0;
  for (const a of parsed.rest) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      const name = a.slice(0, eq);
      if (!legalAliasName(name)) {
        await sh.error(`alias: \`${name}': invalid alias name`);
        status = 1;
        continue;
      }
      sh.aliases.set(name, a.slice(eq + 1));
      continue;
    }
    const v = sh.aliases.get(a);
    if (v === undefined) {
      if (out) { await writeOut(sh, 'alias', out); out = ''; }
      await sh.error(`alias: ${a}: not found`);
      status = 1;
    } else out += aliasLine(a, v);
  }
  const w = await writeOut(sh, 'alias', out);
  return w || status;
}

export async function unalias(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'unalias', args, 'a');
  if (typeof parsed === 'number') return parsed;
  if (parsed.opts.length > 0) {
    sh.aliases.clear();
    return 0;
  }
  if (parsed.rest.length === 0) return usage(sh, 'unalias');
  let status = 0;
  for (const n of parsed.rest) {
    if (!sh.aliases.delete(n)) {
      await sh.error(`unalias: ${n}: not found`);
      status = 1;
    }
  }
  return status;
}
