// Word expansion in bash's order: brace → tilde → parameter / arithmetic / command / process
// substitution (left to right) → field splitting on IFS → pathname expansion → quote removal.
//
// Each word expands into "atoms": pieces of text that remember whether they were quoted (never
// split or globbed), unquoted results of expansions (split on IFS), or literal unquoted text
// (globbed, not split); plus field breaks for "$@" and markers that make a field exist even when
// empty (""). Splitting then builds the fields, keeping a backslash-escaped pattern beside the
// text for globbing. Parameter expansion proper lives in expand-param.ts.

import type { Word, WordPart } from './ast.ts';
import { ShellError, type Shell } from './contracts.ts';
import { braceExpand, hasBrace } from './brace.ts';
import { glob } from './glob.ts';
import { escapePattern, hasGlobChars } from './pattern.ts';
import { evalArith } from './arith.ts';
import { BadSubstitution, expandParam, partsText } from './expand-param.ts';

// ---- modes and atoms ----

/** Expansion modes: fields (split + glob), one string, a pattern (quoted chars escaped), an ERE. */
export const FIELDS = 0, STRING = 1, PATTERN = 2, REGEX = 3;

/** quoted: no splitting, no globbing */
export const Q = 1;
/** unquoted expansion result: split on IFS */
export const S = 2;
/** field boundary between "$@" elements */
export const BREAK = 4;
/** field boundary that drops empty fields (unquoted $@ with a null IFS) */
export const SOFT = 8;
/** the field exists even when empty ("" or '') */
export const QNULL = 16;
/**
 * text of an unquoted list expansion ($@ $* ${a[@]}): bash lets leading IFS white space act as a
 * delimiter there, so a following non-white-space IFS character makes no empty field
 */
export const LIST = 32;

export interface Atom { t: string; f: number }
export interface Ctx { sh: Shell; mode: number }

const BREAK_ATOM: Atom = { t: '', f: BREAK };
const SOFT_ATOM: Atom = { t: '', f: SOFT };

// ---- public API ----

const FAST_UNSAFE = /[{*?[(]/;

/** Expands words into fields: brace, tilde, parameters, arithmetic, substitutions, splitting, globbing. */
export async function expandWords(sh: Shell, words: Word[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const parts = w.parts;
    if (parts.length === 1 && w.assignment === undefined) {
      const p = parts[0]!;
      if (p.type === 'Literal') {
        if (p.value !== '' && !FAST_UNSAFE.test(p.value)) { out.push(p.value); continue; }
      } else if (p.type === 'SingleQuoted' || p.type === 'AnsiC' || p.type === 'Escaped') {
        out.push(p.value);
        continue;
      }
    }
    await expandOne(sh, w, out);
  }
  return out;
}

async function expandOne(sh: Shell, w: Word, out: string[]): Promise<void> {
  let words = [w];
  if (hasBrace(w) && sh.setOptions.has('braceexpand')) {
    words = braceExpand(w);
    // a word that brace expansion made start with ~ gets tilde expansion
    if (words.length > 1) words = words.map((x) => leadingTilde(x));
  }
  for (const bw of words) {
    if (bw.assignment !== undefined) {
      out.push(await expandAssignmentWord(sh, bw));
      continue;
    }
    const atoms: Atom[] = [];
    await expandParts({ sh, mode: FIELDS }, bw.parts, false, atoms, false);
    globFields(sh, splitAtoms(atoms, sh.vars.get('IFS')), out);
  }
}

/** One word to one string: no splitting, no globbing ("$@" joins with spaces). */
export async function expandWord(sh: Shell, word: Word): Promise<string> {
  const parts = word.parts;
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.type === 'Literal' || p.type === 'SingleQuoted' || p.type === 'AnsiC' || p.type === 'Escaped') return p.value;
  } else if (parts.length === 0) {
    return '';
  }
  const atoms: Atom[] = [];
  await expandParts({ sh, mode: STRING }, parts, false, atoms, false);
  return joinAtoms(atoms, STRING);
}

/**
 * A pattern for case, [[ == ]] and ${x#pat}: quoted parts come out backslash-escaped so they
 * match literally; unquoted text and unquoted expansions keep their pattern characters.
 */
export async function expandPattern(sh: Shell, word: Word): Promise<string> {
  const atoms: Atom[] = [];
  await expandParts({ sh, mode: PATTERN }, word.parts, false, atoms, false);
  return joinAtoms(atoms, PATTERN);
}

/** The right side of [[ =~ ]]: quoted parts come out with ERE special characters escaped. */
export async function expandRegex(sh: Shell, word: Word): Promise<string> {
  const atoms: Atom[] = [];
  await expandParts({ sh, mode: REGEX }, word.parts, false, atoms, false);
  return joinAtoms(atoms, REGEX);
}

/** An assignment value: like expandWord, plus tilde expansion at the start and after each `:`. */
export async function expandAssignmentValue(sh: Shell, word: Word): Promise<string> {
  return expandWord(sh, { type: 'Word', parts: tildeParts(word.parts, false) });
}

/** A declaration-builtin argument `name=value` (Word.assignment): one field, tildes after = and :. */
async function expandAssignmentWord(sh: Shell, word: Word): Promise<string> {
  return expandWord(sh, { type: 'Word', parts: tildeParts(word.parts, true) });
}

function leadingTilde(w: Word): Word {
  const p = w.parts[0];
  if (p?.type !== 'Literal' || p.value[0] !== '~') return w;
  const v = p.value;
  let j = 1;
  while (j < v.length && v[j] !== '/') j++;
  if (j === v.length && w.parts.length > 1) return w;
  const parts: WordPart[] = [{ type: 'Tilde', user: v.slice(1, j) }];
  if (j < v.length) parts.push({ type: 'Literal', value: v.slice(j) });
  return { ...w, parts: parts.concat(w.parts.slice(1)) };
}

// ---- parts → atoms ----

/**
 * Expands parts into atoms. `quoted`: inside double quotes. `operand`: the word of ${x:-word}
 * outside double quotes, whose literal text is split like an expansion result. Returns true
 * when a direct "$@"-like expansion produced no elements (so "$@" yields no field).
 */
export async function expandParts(ctx: Ctx, parts: WordPart[], quoted: boolean, out: Atom[], operand: boolean): Promise<boolean> {
  let emptyAt = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    switch (p.type) {
      case 'Literal':
        out.push({ t: p.value, f: quoted ? Q : operand ? S : 0 });
        break;
      case 'SingleQuoted':
      case 'AnsiC':
      case 'Escaped':
        out.push({ t: p.value, f: Q | QNULL });
        break;
      case 'DoubleQuoted': {
        const e = await expandParts(ctx, p.parts, true, out, operand);
        if (!e) out.push({ t: '', f: Q | QNULL });
        break;
      }
      case 'Tilde': {
        const v = tildeValue(ctx.sh, p.user);
        if (v === null) out.push({ t: '~' + p.user, f: quoted ? Q : 0 });
        else out.push({ t: v, f: Q | QNULL });
        break;
      }
      case 'Param':
        try {
          if (await expandParam(ctx, p, quoted, out, operand)) emptyAt = true;
        } catch (e) {
          if (e instanceof BadSubstitution) throw new ShellError(`${partsText(parts)}: bad substitution`, 1, false);
          throw e;
        }
        break;
      case 'CommandSub': {
        let s = await ctx.sh.commandSubstitution(p.body);
        if (s.includes('\0')) {
          s = s.replaceAll('\0', '');
          await ctx.sh.error('warning: command substitution: ignored null byte in input');
        }
        let e = s.length;
        while (e > 0 && s.charCodeAt(e - 1) === 10) e--;
        out.push({ t: e === s.length ? s : s.slice(0, e), f: quoted ? Q : S });
        break;
      }
      case 'Arith': {
        const text = await expandWord(ctx.sh, p.expr);
        const v = evalArith(text, ctx.sh.vars, { shell: ctx.sh });
        out.push({ t: String(v), f: quoted ? Q : S });
        break;
      }
      case 'ProcessSub':
        out.push({ t: await ctx.sh.processSubstitution(p.body, p.direction), f: Q });
        break;
    }
  }
  return emptyAt;
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** Concatenates atoms (no splitting); field breaks become spaces. */
export function joinAtoms(atoms: Atom[], mode: number): string {
  let s = '';
  for (const a of atoms) {
    if (a.f & (BREAK | SOFT)) {
      s += ' ';
      continue;
    }
    if (a.t === '') continue;
    if (mode === PATTERN && a.f & Q) s += escapePattern(a.t);
    else if (mode === REGEX && a.f & Q) s += a.t.replace(REGEX_SPECIAL, '\\$&');
    else s += a.t;
  }
  return s;
}

// ---- field splitting ----

interface Field { text: string; pat: string; glob: boolean }

const GLOB_TRIGGER = /[*?[]|[+@!]\(/;

/** IFS field splitting of the atoms of one word (bash's rules for IFS white space and others). */
export function splitAtoms(atoms: Atom[], ifsVar: string | undefined): Field[] {
  const ifs = ifsVar ?? ' \t\n';
  const fields: Field[] = [];
  let text = '', pat = '', globby = false, exists = false;
  // 0: inside a field (or at the start); 1: a field just ended at IFS white space;
  // 2: a field just ended at a non-white-space IFS character
  let state = 0;
  const emit = (): void => {
    fields.push({ text, pat, glob: globby });
    text = ''; pat = ''; globby = false; exists = false;
  };
  for (let ai = 0; ai < atoms.length; ai++) {
    const a = atoms[ai]!;
    const f = a.f;
    if (f & BREAK) { emit(); state = 0; continue; }
    if (f & SOFT) { if (text !== '' || exists) emit(); state = 0; continue; }
    if (f & QNULL) { exists = true; state = 0; }
    const t = a.t;
    if (t === '') continue;
    if (f & S && ifs !== '') {
      let run = 0;
      for (let i = 0; i < t.length; i++) {
        const ch = t[i]!;
        if (ifs.indexOf(ch) < 0) continue;
        if (i > run) {
          const piece = t.slice(run, i);
          text += piece; pat += piece;
          if (!globby && GLOB_TRIGGER.test(piece)) globby = true;
          state = 0;
        }
        run = i + 1;
        if (ch === ' ' || ch === '\t' || ch === '\n') {
          if (state === 0) {
            if (text !== '' || exists) { emit(); state = 1; }
            else if (f & LIST) state = 1;
          }
        } else if (state === 1) {
          state = 2;
        } else {
          emit();
          state = 2;
        }
      }
      if (run < t.length) {
        const piece = run === 0 ? t : t.slice(run);
        text += piece; pat += piece;
        if (!globby && GLOB_TRIGGER.test(piece)) globby = true;
        state = 0;
      }
      continue;
    }
    text += t;
    if (f & Q) pat += escapePattern(t);
    else {
      pat += t;
      if (!globby && GLOB_TRIGGER.test(t)) globby = true;
    }
    state = 0;
  }
  if (text !== '' || exists) emit();
  return fields;
}

// ---- pathname expansion ----

function globFields(sh: Shell, fields: Field[], out: string[]): void {
  const noglob = sh.setOptions.has('noglob');
  for (const f of fields) {
    if (f.glob && !noglob) {
      const so = sh.shoptOptions;
      const extglob = so.has('extglob');
      if (hasGlobChars(f.pat, extglob)) {
        const m = glob(f.pat, sh.proc, {
          dotglob: so.has('dotglob'), globstar: so.has('globstar'), nocaseglob: so.has('nocaseglob'),
          extglob, globskipdots: so.has('globskipdots'), globignore: sh.vars.get('GLOBIGNORE') || undefined,
        });
        if (m) {
          for (const x of m) out.push(x);
          continue;
        }
        if (so.has('failglob')) throw new ShellError(`no match: ${f.text}`, 1, false);
        if (so.has('nullglob')) continue;
      }
    }
    out.push(f.text);
  }
}

// ---- tilde expansion ----

function passwdHome(sh: Shell, user: string | null): string | null {
  let text: string;
  try {
    text = new TextDecoder().decode(sh.proc.readFile('/etc/passwd'));
  } catch {
    return user === null ? '/' : null;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 7) continue;
    if (user === null ? Number(f[2]) === sh.proc.uid : f[0] === user) return f[5]!;
  }
  return user === null ? '/' : null;
}

/** The expansion of `~user` (user '' for `~`, '+', '-', '+N', '-N', 'N'), or null if none. */
export function tildeValue(sh: Shell, user: string): string | null {
  if (user === '') {
    const h = sh.vars.get('HOME');
    return h !== undefined ? h : passwdHome(sh, null);
  }
  if (user === '+') return sh.vars.get('PWD') ?? null;
  if (user === '-') return sh.vars.get('OLDPWD') ?? null;
  const m = /^([+-]?)([0-9]+)$/.exec(user);
  if (m) {
    const dirs = [sh.vars.get('PWD') ?? sh.proc.cwd, ...sh.dirStack];
    const n = Number(m[2]);
    if (n >= dirs.length) return null;
    return m[1] === '-' ? dirs[dirs.length - 1 - n]! : dirs[n]!;
  }
  return passwdHome(sh, user);
}

/**
 * Tilde prefixes left as literal text in an assignment value: at the start (or after the first
 * `=` of a `name=value` word) and after each `:`, when the prefix up to `/` or `:` is unquoted.
 */
function tildeParts(parts: WordPart[], afterEquals: boolean): WordPart[] {
  let changed = false;
  const out: WordPart[] = [];
  let seenEq = !afterEquals;
  let atStart = !afterEquals;
  for (let pi = 0; pi < parts.length; pi++) {
    const p = parts[pi]!;
    if (p.type !== 'Literal') {
      out.push(p);
      atStart = false;
      continue;
    }
    const v = p.value;
    let lit = '';
    let i = 0;
    while (i < v.length) {
      const c = v[i]!;
      if (c === '~' && atStart) {
        let j = i + 1;
        while (j < v.length && v[j] !== '/' && v[j] !== ':') j++;
        // the prefix must end here (in this literal) or the word must end
        const endsHere = j < v.length || pi === parts.length - 1;
        const user = v.slice(i + 1, j);
        if (endsHere && /^[^\s"'\\$`]*$/.test(user)) {
          if (lit) out.push({ type: 'Literal', value: lit });
          lit = '';
          out.push({ type: 'Tilde', user });
          changed = true;
          i = j;
          atStart = false;
          continue;
        }
      }
      atStart = false;
      if (c === ':' && seenEq) atStart = true;
      if (c === '=' && !seenEq) { seenEq = true; atStart = true; }
      lit += c;
      i++;
    }
    if (lit) out.push({ type: 'Literal', value: lit });
  }
  return changed ? out : parts;
}

export { BREAK_ATOM, SOFT_ATOM };
