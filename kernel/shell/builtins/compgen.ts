// compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-X filterpat]
// [-P prefix] [-S suffix] [word] — the completion generators, printed one per line.
// -F / -C (completion functions and commands) are not supported.

import type { Shell } from '../contracts.ts';
import { S_IFDIR, S_IFMT } from '../../types.ts';
import { matchPattern } from '../pattern.ts';
import { glob } from '../glob.ts';
import { setOptionNames } from '../options.ts';
import { signalName } from '../trap.ts';
import { helpTopics } from './helpdata.ts';
import { bashBuiltinNames, disabledBuiltins, isBuiltinName, reservedWords } from './names.ts';
import { shoptNames } from './shopt.ts';
import { parseOpts, writeOut } from './util.ts';

const LETTER_ACTIONS: Record<string, string> = {
  a: 'alias', b: 'builtin', c: 'command', d: 'directory', e: 'export', f: 'file', g: 'group', j: 'job',
  k: 'keyword', s: 'service', u: 'user', v: 'variable',
};
const ACTIONS = new Set(['alias', 'arrayvar', 'binding', 'builtin', 'command', 'directory', 'disabled', 'enabled',
  'export', 'file', 'function', 'group', 'helptopic', 'hostname', 'job', 'keyword', 'running', 'service', 'setopt',
  'shopt', 'signal', 'stopped', 'user', 'variable']);

function isDir(sh: Shell, p: string): boolean {
  try { return (sh.proc.stat(p).mode & S_IFMT) === S_IFDIR; } catch { return false; }
}

/** Filenames completing `word` (directory part kept), readdir order. */
function files(sh: Shell, word: string, dirsOnly: boolean): string[] {
  const slash = word.lastIndexOf('/');
  const dir = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  let ents: string[];
  try { ents = sh.proc.readdir(dir === '' ? '.' : dir).map(e => e.name); } catch { return []; }
  const out: string[] = [];
  for (const n of ents) {
    if (n === '.' || n === '..') continue;
    if (!n.startsWith(base)) continue;
    if (n[0] === '.' && base[0] !== '.') continue;
    const full = dir + n;
    if (dirsOnly && !isDir(sh, full)) continue;
    out.push(full);
  }
  return out;
}

function pathCommands(sh: Shell): string[] {
  const out: string[] = [];
  for (const dir of (sh.vars.get('PATH') ?? '').split(':')) {
    let ents;
    try { ents = sh.proc.readdir(dir || '.'); } catch { continue; }
    for (const e of ents) {
      const p = `${dir || '.'}/${e.name}`;
      try {
        if (!isDir(sh, p) && sh.proc.access(p, 1)) out.push(e.name);
      } catch { /* skip */ }
    }
  }
  return out;
}

function generate(sh: Shell, action: string, word: string): string[] {
  const pre = (l: Iterable<string>): string[] => [...l].filter(x => x.startsWith(word));
  switch (action) {
    case 'alias': return pre([...sh.aliases.keys()].sort());
    case 'builtin': return pre(bashBuiltinNames.filter(isBuiltinName));
    case 'enabled': return pre(bashBuiltinNames.filter(n => isBuiltinName(n) && !disabledBuiltins(sh).has(n)));
    case 'disabled': return pre(bashBuiltinNames.filter(n => isBuiltinName(n) && disabledBuiltins(sh).has(n)));
    case 'keyword': return pre(reservedWords);
    case 'function': return pre([...sh.functions.keys()].sort());
    case 'command': {
      if (word.includes('/')) return files(sh, word, false).filter(f => isDir(sh, f) || (() => { try { return sh.proc.access(f, 1); } catch { return false; } })());
      return pre([...sh.aliases.keys()].sort()).concat(pre(reservedWords), pre([...sh.functions.keys()].sort()),
        pre(bashBuiltinNames.filter(n => isBuiltinName(n) && !disabledBuiltins(sh).has(n))), pre(pathCommands(sh)));
    }
    case 'directory': return files(sh, word, true);
    case 'file': return files(sh, word, false);
    case 'variable': return pre(sh.vars.names().filter(n => sh.vars.lookup(n, ) !== undefined));
    case 'export': return pre(sh.vars.names().filter(n => sh.vars.lookup(n)?.attrs.exported));
    case 'arrayvar': return pre(sh.vars.names().filter(n => sh.vars.lookup(n)?.value instanceof Map));
    case 'setopt': return pre(setOptionNames);
    case 'shopt': return pre(shoptNames);
    case 'helptopic': return pre(helpTopics.map(t => t[0]));
    case 'signal': {
      const out = ['EXIT'];
      for (let i = 1; i <= 64; i++) out.push(signalName(i) ? `SIG${signalName(i)}` : `SIGJUNK(${i})`);
      out.push('DEBUG', 'ERR', 'RETURN');
      return pre(out);
    }
    case 'job': case 'running': case 'stopped': {
      const jobs = sh.jobs.filter(j => action === 'job' || (action === 'running' ? j.state === 'Running' : j.state === 'Stopped'));
      return pre(jobs.map(j => j.command.split(' ')[0]));
    }
    case 'hostname': return pre([sh.proc.kernel.hostname]);
    case 'user': return pre(passwdNames(sh, '/etc/passwd'));
    case 'group': return pre(passwdNames(sh, '/etc/group'));
    case 'service': case 'binding': return [];
  }
  return [];
}

function passwdNames(sh: Shell, path: string): string[] {
  try {
    const text = new TextDecoder().decode(sh.proc.readFile(path));
    return text.split('\n').filter(l => l && !l.startsWith('#')).map(l => l.split(':')[0]);
  } catch {
    return [];
  }
}

export async function compgen(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'compgen', args, 'abcdefgjksuvo:A:G:W:F:C:X:P:S:');
  if (typeof parsed === 'number') return parsed;
  const actions: string[] = [];
  let globpat: string | undefined, wordlist: string | undefined, filter: string | undefined;
  let prefix = '', suffix = '';
  for (const o of parsed.opts) {
    const a = o.arg!;
    if (LETTER_ACTIONS[o.opt]) actions.push(LETTER_ACTIONS[o.opt]);
    else if (o.opt === 'A') {
      if (!ACTIONS.has(a)) { await sh.error(`compgen: ${a}: invalid action name`); return 2; }
      actions.push(a);
    } else if (o.opt === 'G') globpat = a;
    else if (o.opt === 'W') wordlist = a;
    else if (o.opt === 'X') filter = a;
    else if (o.opt === 'P') prefix = a;
    else if (o.opt === 'S') suffix = a;
    else if (o.opt === 'F' || o.opt === 'C') {
      await sh.error(`compgen: -${o.opt}: completion functions and commands are not supported`);
      return 2;
    }
  }
  const word = parsed.rest[0] ?? '';
  let out: string[] = [];
  for (const a of actions) out.push(...generate(sh, a, word));
  if (globpat !== undefined) {
    const g = glob(globpat, sh.proc, {});
    if (g) out.push(...g.filter(x => x.startsWith(word)));
  }
  if (wordlist !== undefined) {
    const ifs = sh.vars.get('IFS') ?? ' \t\n';
    const words = ifs === '' ? [wordlist] : wordlist.split(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`)).filter(w => w !== '');
    out.push(...words.filter(w => w.startsWith(word)));
  }
  if (filter !== undefined) {
    const neg = filter[0] === '!';
    const pat = neg ? filter.slice(1) : filter;
    const ext = sh.shoptOptions.has('extglob');
    out = out.filter(x => matchPattern(pat, x, { extglob: ext }) === neg);
  }
  if (out.length === 0) return 1;
  return writeOut(sh, 'compgen', out.map(x => prefix + x + suffix + '\n').join(''));
}
