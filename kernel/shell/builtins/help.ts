// help [-dms] [pattern ...] — bash's topic list, synopses (-s) and one-line descriptions (-d).
// The long per-builtin texts are not carried: `help name` prints the synopsis and description.

import type { Shell } from '../contracts.ts';
import { matchPattern } from '../pattern.ts';
import { helpTopics } from './helpdata.ts';
import { disabledBuiltins } from './names.ts';
import { parseOpts, writeOut } from './util.ts';

const hasGlob = (s: string): boolean => /[*?[]/.test(s);

export async function help(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'help', args, 'dms');
  if (typeof parsed === 'number') return parsed;
  let mode: 'd' | 'm' | 's' | '' = '';
  for (const o of parsed.opts) mode = o.opt as 'd' | 'm' | 's';
  const pats = parsed.rest;
  const version = sh.vars.get('BASH_VERSION') ?? '5.2.15(1)-release';
  const mach = sh.vars.get('MACHTYPE') ?? 'x86_64-pc-linux-gnu';
  if (pats.length === 0) {
    const disabled = disabledBuiltins(sh);
    let out = `GNU bash, version ${version} (${mach})\n` +
      "These shell commands are defined internally.  Type `help' to see this list.\n" +
      "Type `help name' to find out more about the function `name'.\n" +
      "Use `info bash' to find out more about the shell in general.\n" +
      "Use `man -k' or `info' to find out more about commands not in this list.\n\n" +
      'A star (*) next to a name means that the command is disabled.\n\n';
    const cols = Number(sh.vars.get('COLUMNS')) || 80;
    let width = Math.floor(cols / 2);
    if (width > 128) width = 128;
    if (width <= 3) width = 40;
    const n = helpTopics.length;
    const height = Math.floor((n + 1) / 2);
    const cell = (i: number, width: number): string => {
      const [name, syn] = helpTopics[i];
      const mark = disabled.has(name) ? '*' : ' ';
      // strncpy(buf + 1, doc, width - 2); buf[width - 2] = '>'
      return syn.length >= width - 3 ? mark + syn.slice(0, width - 3) + '>' : mark + syn;
    };
    for (let i = 0; i < height; i++) {
      out += cell(i, width).padEnd(width);
      if (i + height < n) out += cell(i + height, width - 1);
      out += '\n';
    }
    return writeOut(sh, 'help', out);
  }
  let out = '';
  if (hasGlob(pats[0])) out += `Shell commands matching keyword${pats.length > 1 ? 's' : ''} \`${pats.join(', ')}'\n\n`;
  let matched = false;
  for (const p of pats) {
    // first exact names and pattern matches; only without any, prefix matches (as bash 4.2)
    let hits = helpTopics.filter(([name]) => name === p || matchPattern(p, name, { extglob: true }));
    if (hits.length === 0) hits = helpTopics.filter(([name]) => name.startsWith(p));
    for (const [name, syn, desc] of hits) {
      matched = true;
      if (mode === 'd') out += `${name} - ${desc}\n`;
      else if (mode === 's') out += `${name}: ${syn}\n`;
      else if (mode === 'm') out += `NAME\n    ${name} - ${desc}\n\nSYNOPSIS\n    ${syn}\n\n`;
      else out += `${name}: ${syn}\n    ${desc}\n`;
    }
  }
  if (!matched) {
    const p = pats[pats.length - 1];
    await sh.error(`help: no help topics match \`${p}'.  Try \`help help' or \`man -k ${p}' or \`info ${p}'.`);
    return 1;
  }
  return writeOut(sh, 'help', out);
}
