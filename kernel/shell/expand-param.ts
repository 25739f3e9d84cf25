// Parameter expansion: $name, ${name…} with every operator, special parameters, arrays,
// indirection and namerefs, with bash's unset/null rules and error messages.

import type { ParamOp, ParamPart, Word, WordPart } from './ast.ts';
import { ShellError, type Shell, type ShellVar } from './contracts.ts';
import { evalArith } from './arith.ts';
import {
  matchPattern, removePrefix, removeSuffix, replacePattern, type ReplaceMode,
} from './pattern.ts';
import { attrLetters, downcase, isUtf8Locale, upcase } from './vars.ts';
import { declareValue, quoteForDeclare, quoteForReuse } from './quote.ts';
import { dollarDash } from './options.ts';
import {
  BREAK_ATOM, FIELDS, LIST, Q, QNULL, S, SOFT_ATOM, STRING,
  expandParts, expandPattern, expandWord, joinAtoms, type Atom, type Ctx,
} from './expand.ts';
import { expandPrompt, expandEscapes } from './expand-prompt.ts';

/** A parameter's value: a scalar (undefined when unset) or a list ("$@", "${a[@]}"). */
type Val =
  | { list: false; v: string | undefined }
  /** joined: unquoted ${*…} splits like one string (bash), unlike $* and "$@"-style lists */
  | { list: true; vs: string[]; star: boolean; joined?: boolean };

interface Ref {
  name: string;
  /** subscript text, already expanded */
  sub?: string;
  /** `[@]` / `[*]` */
  all?: '@' | '*';
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DIGITS = /^[0-9]+$/;

function isSpecial(name: string): boolean {
  return name.length === 1 && '@*#?-$!0'.includes(name) || DIGITS.test(name);
}

function unbound(name: string): ShellError {
  return new ShellError(`${name}: unbound variable`, 1, true);
}

/**
 * "bad substitution": bash names the whole string being expanded (the word, or the contents of
 * the enclosing "…"), so the part that finds it throws this and expandParts fills in the text.
 */
export class BadSubstitution extends ShellError {
  constructor() {
    super('bad substitution', 1, false);
  }
}

function badSubst(_p: ParamPart): ShellError {
  return new BadSubstitution();
}

function utf8(sh: Shell): boolean {
  return isUtf8Locale(sh.vars);
}

/** ${#x}: characters in a UTF-8 locale, bytes otherwise (as bash). */
function lengthOf(sh: Shell, s: string): number {
  if (/^[\x00-\x7f]*$/.test(s)) return s.length;
  return utf8(sh) ? charCount(s) : new TextEncoder().encode(s).length;
}

function starSep(sh: Shell): string {
  const ifs = sh.vars.get('IFS');
  if (ifs === undefined) return ' ';
  if (ifs === '') return '';
  return String.fromCodePoint(ifs.codePointAt(0)!);
}

function emitScalar(v: string, quoted: boolean, out: Atom[]): void {
  out.push({ t: v, f: quoted ? Q : S });
}

/** Emits a list the way $@ / $* expand in this context. Returns true for an empty quoted "$@". */
function emitList(ctx: Ctx, vs: string[], star: boolean, quoted: boolean, out: Atom[], joined = false): boolean {
  const sh = ctx.sh;
  if (ctx.mode !== FIELDS) {
    out.push({ t: vs.join(star ? starSep(sh) : ' '), f: quoted ? Q : S });
    return false;
  }
  if (quoted) {
    if (star) {
      out.push({ t: vs.join(starSep(sh)), f: Q });
      return false;
    }
    if (vs.length === 0) return true;
    for (let i = 0; i < vs.length; i++) {
      if (i) out.push(BREAK_ATOM);
      out.push({ t: vs[i]!, f: Q | QNULL });
    }
    return false;
  }
  const ifs = sh.vars.get('IFS');
  if (ifs === '') {
    for (let i = 0; i < vs.length; i++) {
      if (i) out.push(SOFT_ATOM);
      out.push({ t: vs[i]!, f: 0 });
    }
    return false;
  }
  out.push({ t: vs.join(ifs === undefined ? ' ' : String.fromCodePoint(ifs.codePointAt(0)!)), f: joined ? S : S | LIST });
  return false;
}

async function expandString(sh: Shell, w: Word): Promise<string> {
  return expandWord(sh, w);
}

/** The word of ${x/p/REP} as a function of the match (patsub_replacement: unquoted & is the match). */
async function replacementFn(ctx: Ctx, w: Word | null): Promise<(m: string) => string> {
  if (w === null) return () => '';
  const atoms: Atom[] = [];
  // bash expands the replacement as if unquoted, whatever quotes surround the ${…}
  await expandParts({ sh: ctx.sh, mode: STRING }, w.parts, false, atoms, false);
  if (!ctx.sh.shoptOptions.has('patsub_replacement')) {
    const s = joinAtoms(atoms, STRING);
    return () => s;
  }
  const pieces: (string | null)[] = [];   // null: the match
  let lit = '';
  let hasAmp = false;
  for (const a of atoms) {
    if (a.f & Q) { lit += a.t; continue; }
    const t = a.t;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c === '\\' && (t[i + 1] === '&' || t[i + 1] === '\\')) { lit += t[++i]; continue; }
      if (c === '&') { pieces.push(lit); lit = ''; pieces.push(null); hasAmp = true; continue; }
      lit += c;
    }
  }
  pieces.push(lit);
  if (!hasAmp) return () => lit;
  return (m) => {
    let s = '';
    for (const p of pieces) s += p === null ? m : p;
    return s;
  };
}

// ---- values ----

function positionalValue(sh: Shell, name: string): string | undefined {
  if (name === '0') return sh.scriptName;
  const n = Number(name);
  return sh.positional[n - 1];
}

function specialValue(sh: Shell, name: string): string | undefined {
  switch (name) {
    case '#': return String(sh.positional.length);
    case '?': return String(sh.lastStatus);
    case '-': return dollarDash(sh.setOptions, sh.interactive, (sh as Shell & { dashFlags?: string }).dashFlags ?? '');
    case '$': return String((sh as Shell & { rootPid?: number }).rootPid ?? sh.proc.pid);
    case '!': return sh.lastBackgroundPid === null ? undefined : String(sh.lastBackgroundPid);
    default: return positionalValue(sh, name);
  }
}

function arith(sh: Shell, text: string): bigint {
  return evalArith(text, sh.vars, { shell: sh });
}

/** The key for name[sub]: the text for associative arrays, the arithmetic value otherwise. */
function elementKey(sh: Shell, name: string, sub: string): string {
  if (sh.vars.lookup(name)?.attrs.assoc) return sub;
  return String(arith(sh, sub));
}

function getValue(sh: Shell, ref: Ref): Val {
  const name = ref.name;
  if (name === '@' || name === '*') return { list: true, vs: sh.positional.slice(), star: name === '*' };
  if (isSpecial(name)) return { list: false, v: specialValue(sh, name) };
  if (ref.all) return { list: true, vs: sh.vars.values(name), star: ref.all === '*' };
  if (ref.sub !== undefined) return { list: false, v: sh.vars.getElement(name, elementKey(sh, name, ref.sub)) };
  return { list: false, v: sh.vars.get(name) };
}

/** ${!x}: the parameter named by x's value. */
function parseRef(s: string): Ref | null {
  if (NAME_RE.test(s) || DIGITS.test(s)) return { name: s };
  if (s.length === 1 && '@*#?-$!'.includes(s)) return { name: s };
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([^]*)\]$/.exec(s);
  if (m) {
    if (m[2] === '@' || m[2] === '*') return { name: m[1]!, all: m[2] };
    return { name: m[1]!, sub: m[2]! };
  }
  return null;
}

function isAllIndex(w: Word): '@' | '*' | null {
  if (w.parts.length !== 1) return null;
  const p = w.parts[0]!;
  if (p.type === 'Literal' && (p.value === '@' || p.value === '*')) return p.value;
  return null;
}

/** "name", "name[sub]", "$1", "$!" as bash's messages show the parameter. */
function refName(ref: Ref): string {
  if (ref.sub !== undefined) return `${ref.name}[${ref.sub}]`;
  if (ref.all) return `${ref.name}[${ref.all}]`;
  return ref.name;
}

// ---- the expansion ----

/**
 * Expands a ParamPart into atoms. Returns true when it is a quoted "$@"-like list with no
 * elements (so the enclosing "…" makes no field).
 */
export async function expandParam(ctx: Ctx, p: ParamPart, quoted: boolean, out: Atom[], operand: boolean): Promise<boolean> {
  const sh = ctx.sh;
  const op = p.op;
  // fast path: $name
  if (op === undefined && p.index === undefined && !p.indirect) {
    const name = p.name;
    if (name === '@' || name === '*') return emitList(ctx, sh.positional, name === '*', quoted, out, name === '*' && p.braced);
    const v = isSpecial(name) ? specialValue(sh, name) : sh.vars.get(name);
    if (v === undefined) {
      if (!isSpecial(name) && !NAME_RE.test(name)) throw badSubst(p);
      if (sh.setOptions.has('nounset')) throw unbound(!p.braced && (DIGITS.test(name) || name === '!') ? '$' + name : name);
      return false;
    }
    emitScalar(v, quoted, out);
    return false;
  }

  if (op?.op === 'prefixNames') {
    const names = sh.vars.names().filter((n) => n.startsWith(p.name) && sh.vars.lookup(n, { raw: true })?.value !== undefined);
    return emitList(ctx, names, op.star, quoted, out);
  }
  if (op?.op === 'keys') {
    if (isSpecial(p.name)) throw badSubst(p);
    return emitList(ctx, sh.vars.keys(p.name), op.star, quoted, out);
  }

  if (!isSpecial(p.name) && !NAME_RE.test(p.name)) throw badSubst(p);
  // bash reads ${#^} ${#,} ${#~} as a length of an invalid name
  if (p.name === '#' && op?.op === 'case') throw badSubst(p);
  // the reference
  let ref: Ref = { name: p.name };
  if (p.index !== undefined) {
    if (p.name === '@' || p.name === '*' || isSpecial(p.name)) throw badSubst(p);
    const all = isAllIndex(p.index);
    if (all) ref.all = all;
    else ref.sub = await expandString(sh, p.index);
  }
  let val: Val | undefined;
  let dispName = refName(ref);
  if (p.indirect) {
    const raw = p.index === undefined ? sh.vars.lookup(p.name, { raw: true }) : undefined;
    if (raw?.attrs.nameref) {
      // ${!ref} of a nameref: the name it refers to
      if (typeof raw.value !== 'string' || raw.value === '') throw new ShellError(`${p.name}: invalid indirect expansion`, 1, false);
      val = { list: false, v: raw.value };
    } else {
      const t = getValue(sh, ref);
      const target = t.list ? t.vs.join(' ') : t.v;
      if (target === undefined) throw new ShellError(`${p.name}: invalid indirect expansion`, 1, false);
      const r = parseRef(target);
      if (r === null) throw new ShellError(`${target}: invalid variable name`, 1, false);
      ref = r;
      dispName = '!' + p.name;
    }
  }
  if (val === undefined) val = getValue(sh, ref);
  if (val.list && ref.name === '*' && p.braced) val.joined = true;

  const kind = op?.op;
  const nounset = sh.setOptions.has('nounset');
  if (nounset && kind !== 'default' && kind !== 'assign' && kind !== 'error' && kind !== 'alternate') {
    if (!val.list && val.v === undefined) {
      const n = p.indirect && dispName.startsWith('!') ? dispName
        : !p.braced && (DIGITS.test(ref.name) || ref.name === '!') ? '$' + ref.name
        : dispName;
      throw unbound(n);
    }
    if (val.list && ref.all) {
      const rec = sh.vars.lookup(ref.name);
      if (rec === undefined ? kind === 'length' : rec.value === undefined) throw unbound(ref.name);
    }
  }

  if (op === undefined) return emitVal(ctx, val, quoted, out);

  switch (op.op) {
    case 'length': {
      const n = val.list ? val.vs.length : lengthOf(sh, val.v ?? '');
      emitScalar(String(n), quoted, out);
      return false;
    }
    case 'default':
    case 'assign':
    case 'error':
    case 'alternate': {
      const unset = val.list ? val.vs.length === 0 : val.v === undefined;
      const isNull = val.list ? val.vs.length === 0 || (val.vs.length === 1 && val.vs[0] === '') : !val.v;
      const cond = op.colon ? isNull : unset;
      if (op.op === 'alternate') {
        if (!cond) await expandParts(ctx, op.word.parts, quoted, out, !quoted);
        return false;
      }
      if (!cond) return emitVal(ctx, val, quoted, out);
      if (op.op === 'default') {
        await expandParts(ctx, op.word.parts, quoted, out, !quoted);
        return false;
      }
      if (op.op === 'error') {
        const msg = op.word.parts.length ? await expandString(sh, op.word)
          : op.colon ? 'parameter null or not set' : 'parameter not set';
        throw new ShellError(`${dispName.startsWith('!') ? ref.name : dispName}: ${msg}`, 1, true);
      }
      // assign
      if (isSpecial(ref.name) || ref.all) {
        throw new ShellError(`$${isSpecial(ref.name) ? ref.name : refName(ref)}: cannot assign in this way`, 1, false);
      }
      const value = await expandString(sh, op.word);
      let nv: string | undefined;
      if (ref.sub !== undefined) {
        const key = elementKey(sh, ref.name, ref.sub);
        sh.vars.setElement(ref.name, key, value);
        nv = sh.vars.getElement(ref.name, key);
      } else {
        sh.vars.set(ref.name, value);
        nv = sh.vars.get(ref.name);
      }
      emitScalar(nv ?? '', quoted, out);
      return false;
    }
    case 'removePrefix':
    case 'removeSuffix': {
      const pat = await expandPattern(sh, op.pattern);
      const o = { extglob: sh.shoptOptions.has('extglob') };
      const f = op.op === 'removePrefix'
        ? (s: string): string => removePrefix(s, pat, op.longest, o)
        : (s: string): string => removeSuffix(s, pat, op.longest, o);
      return emitVal(ctx, mapVal(val, f), quoted, out);
    }
    case 'replace': {
      const pat = await expandPattern(sh, op.pattern);
      const rep = await replacementFn(ctx, op.replacement);
      const o = { extglob: sh.shoptOptions.has('extglob'), nocase: sh.shoptOptions.has('nocasematch') };
      const mode: ReplaceMode = op.mode;
      return emitVal(ctx, mapVal(val, (s) => replacePattern(s, pat, rep, mode, o)), quoted, out);
    }
    case 'substring':
      return emitVal(ctx, await substring(sh, ref, val, op, dispName), quoted, out);
    case 'case': {
      const pat = op.pattern ? await expandPattern(sh, op.pattern) : null;
      const o = { extglob: sh.shoptOptions.has('extglob') };
      const u8 = utf8(sh);
      return emitVal(ctx, mapVal(val, (s) => caseConvert(s, op.mode, pat, o, u8)), quoted, out);
    }
    case 'transform':
      return emitVal(ctx, transform(sh, p, ref, val, op.letter), quoted, out);
  }
  return false;
}

function emitVal(ctx: Ctx, val: Val, quoted: boolean, out: Atom[]): boolean {
  if (val.list) return emitList(ctx, val.vs, val.star, quoted, out, val.joined);
  if (val.v !== undefined) emitScalar(val.v, quoted, out);
  return false;
}

function mapVal(val: Val, f: (s: string) => string): Val {
  if (val.list) return { list: true, vs: val.vs.map(f), star: val.star, joined: val.joined };
  return { list: false, v: val.v === undefined ? undefined : f(val.v) };
}

function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

// ---- ${x:offset:length} ----

function substrArith(sh: Shell, name: string, text: string): bigint {
  try {
    return arith(sh, text);
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) throw new ShellError(`${name}: ${e.message}`, e.status, e.fatal);
    throw e;
  }
}

async function substring(sh: Shell, ref: Ref, val: Val, op: Extract<ParamOp, { op: 'substring' }>, dispName: string): Promise<Val> {
  const name = dispName.startsWith('!') ? ref.name : ref.name;
  const offText = await expandString(sh, op.offset);
  const off = substrArith(sh, name, offText);
  let len: bigint | null = null;
  let lenText = '';
  if (op.length !== null) {
    lenText = await expandString(sh, op.length);
    len = substrArith(sh, name, lenText);
  }
  const negErr = (): ShellError => new ShellError(`${lenText}: substring expression < 0`, 1, false);
  if (!val.list) {
    if (val.v === undefined) return val;
    const chars = charCount(val.v) === val.v.length ? null : [...val.v];
    const n = chars ? chars.length : val.v.length;
    let o = Number(off);
    if (o < 0) o += n;
    if (o < 0 || o > n) return { list: false, v: '' };
    let e = n;
    if (len !== null) {
      if (len < 0n) {
        e = n + Number(len);
        if (e < o) throw negErr();
      } else {
        e = Math.min(n, o + Number(len > BigInt(n) ? BigInt(n) : len));
      }
    }
    return { list: false, v: chars ? chars.slice(o, e).join('') : val.v.slice(o, e) };
  }
  if (len !== null && len < 0n) throw negErr();
  const count = len === null ? Infinity : Number(len);
  if (ref.name === '@' || ref.name === '*') {
    const arr = [sh.scriptName, ...sh.positional];
    let o = Number(off);
    if (o < 0) o += arr.length;
    if (o < 0) return { list: true, vs: [], star: val.star, joined: val.joined };
    return { list: true, vs: arr.slice(o, count === Infinity ? undefined : o + count), star: val.star, joined: val.joined };
  }
  const rec = sh.vars.lookup(ref.name);
  if (rec?.attrs.assoc || !(rec?.value instanceof Map)) {
    let o = Number(off);
    if (o < 0) o += val.vs.length;
    if (o < 0) return { list: true, vs: [], star: val.star };
    return { list: true, vs: val.vs.slice(o, count === Infinity ? undefined : o + count), star: val.star };
  }
  const keys = sh.vars.keys(ref.name).map(Number);
  let o = Number(off);
  if (o < 0) {
    o += (keys.length ? keys[keys.length - 1]! : -1) + 1;
    if (o < 0) return { list: true, vs: [], star: val.star };
  }
  const vs: string[] = [];
  for (let i = 0; i < keys.length && vs.length < count; i++) if (keys[i]! >= o) vs.push(val.vs[i]!);
  return { list: true, vs, star: val.star };
}

// ---- ${x^pat} ${x,,} ${x~} ----

function caseConvert(s: string, mode: string, pat: string | null, o: { extglob: boolean }, u8: boolean): string {
  const all = mode.endsWith('All');
  const up = (c: string): string => upcase(c, u8);
  const down = (c: string): string => downcase(c, u8);
  const conv = mode.startsWith('upper') ? up : mode.startsWith('lower') ? down
    : (c: string): string => (c === up(c) ? down(c) : up(c));
  let out = '';
  let first = true;
  for (const c of s) {
    if ((all || first) && (pat === null || matchPattern(pat, c, o))) out += conv(c);
    else out += c;
    first = false;
  }
  return out;
}

// ---- ${x@op} ----


function transform(sh: Shell, p: ParamPart, ref: Ref, val: Val, letter: string): Val {
  const u8 = utf8(sh);
  switch (letter) {
    case 'Q': return mapVal(val, (s) => quoteForReuse(s, u8));
    case 'E': return mapVal(val, expandEscapes);
    case 'P': return mapVal(val, (s) => expandPrompt(sh, s));
    case 'U': return mapVal(val, (s) => upcase(s, u8));
    case 'u': return mapVal(val, (s) => capitalizeFirst(s, u8));
    case 'L': return mapVal(val, (s) => downcase(s, u8));
    case 'a': {
      const rec = isSpecial(ref.name) ? undefined : sh.vars.lookup(ref.name);
      const flags = rec ? attrLetters(rec) : '';
      if (val.list) return { list: true, vs: val.vs.map(() => flags), star: val.star };
      return { list: false, v: val.v === undefined && !rec ? undefined : flags };
    }
    case 'A': return assignmentForm(sh, ref, val, u8);
    case 'K':
    case 'k': {
      const rec = isSpecial(ref.name) ? undefined : sh.vars.lookup(ref.name);
      if (!ref.all || !rec || !(rec.value instanceof Map)) {
        if (ref.all && val.list && !rec) {
          return letter === 'k' ? val : { list: false, v: val.vs.map((s) => quoteForReuse(s, u8)).join(' ') };
        }
        return mapVal(val, (s) => quoteForReuse(s, u8));
      }
      const assoc = !!rec.attrs.assoc;
      const pairs: string[] = [];
      for (const [k, v] of rec.value as Map<string | number, string>) pairs.push(String(k), v);
      if (letter === 'k') return { list: true, vs: pairs, star: ref.all === '*' };
      let s = '';
      for (let i = 0; i < pairs.length; i += 2) {
        s += (i ? ' ' : '') + (assoc ? quoteKey(pairs[i]!, u8) : pairs[i]) + ' ' + quoteForDeclare(pairs[i + 1]!, u8);
      }
      return { list: false, v: assoc && pairs.length ? s + ' ' : s };
    }
    default:
      throw badSubst(p);
  }
}

function quoteKey(k: string, u8: boolean): string {
  return /[\s"'`$\\|&;()<>!{}*?[\]^~#]/.test(k) ? quoteForDeclare(k, u8) : k;
}

function capitalizeFirst(s: string, u8: boolean): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  return upcase(first, u8) + s.slice(first.length);
}

function assignmentForm(sh: Shell, ref: Ref, val: Val, u8: boolean): Val {
  const name = ref.name;
  if (name === '@' || name === '*') {
    const words = ['set', '--', ...sh.positional.map((s) => quoteForReuse(s, u8))];
    if (name === '@') return { list: true, vs: words, star: false };
    return { list: false, v: words.join(' ') };
  }
  if (isSpecial(name)) return { list: false, v: undefined };
  const rec = sh.vars.lookup(name);
  if (rec === undefined || (val.list ? false : val.v === undefined)) return val.list ? { list: true, vs: [], star: val.star } : { list: false, v: undefined };
  const flags = attrLetters(rec);
  if (ref.all && rec.value instanceof Map) {
    const text = `${rec.name}=${declareValue(rec.value, !!rec.attrs.assoc, u8)}`;
    if (ref.all === '@') return { list: true, vs: ['declare', `-${flags}`, text], star: false };
    return { list: false, v: `declare -${flags} ${text}` };
  }
  if (val.list) {
    return { list: true, vs: val.vs.map((s) => formOne(rec.name, flags, s, u8)), star: val.star };
  }
  return { list: false, v: formOne(rec.name, flags, val.v!, u8) };
}

function formOne(name: string, flags: string, v: string, u8: boolean): string {
  const q = quoteForReuse(v, u8);
  return flags ? `declare -${flags} ${name}=${q}` : `${name}=${q}`;
}

// ---- the source text of a ${…} for "bad substitution" ----

/** An approximation of the source text of word parts (for messages). */
export function partsText(parts: WordPart[]): string {
  let s = '';
  for (const p of parts) {
    switch (p.type) {
      case 'Literal': s += p.value; break;
      case 'SingleQuoted': s += `'${p.value}'`; break;
      case 'AnsiC': s += `$'${p.value}'`; break;
      case 'Escaped': s += '\\' + p.value; break;
      case 'DoubleQuoted': s += `"${partsText(p.parts)}"`; break;
      case 'Tilde': s += '~' + p.user; break;
      case 'Param': s += paramSource(p); break;
      case 'Arith': s += `$((${partsText(p.expr.parts)}))`; break;
      case 'CommandSub': s += p.backquote ? '`…`' : '$(…)'; break;
      case 'ProcessSub': s += `${p.direction}(…)`; break;
    }
  }
  return s;
}

function wordText(w: Word): string {
  return partsText(w.parts);
}

export function paramSource(p: ParamPart): string {
  if (!p.braced && !p.op && !p.index && !p.indirect) return '$' + p.name;
  let s = '${';
  const op = p.op;
  if (op?.op === 'length') s += '#';
  if (p.indirect || op?.op === 'prefixNames' || op?.op === 'keys') s += '!';
  s += p.name;
  if (op?.op === 'keys') s += op.star ? '[*]' : '[@]';
  if (p.index) s += `[${wordText(p.index)}]`;
  if (op) {
    switch (op.op) {
      case 'prefixNames': s += op.star ? '*' : '@'; break;
      case 'default': s += (op.colon ? ':' : '') + '-' + wordText(op.word); break;
      case 'assign': s += (op.colon ? ':' : '') + '=' + wordText(op.word); break;
      case 'error': s += (op.colon ? ':' : '') + '?' + wordText(op.word); break;
      case 'alternate': s += (op.colon ? ':' : '') + '+' + wordText(op.word); break;
      case 'removePrefix': s += (op.longest ? '##' : '#') + wordText(op.pattern); break;
      case 'removeSuffix': s += (op.longest ? '%%' : '%') + wordText(op.pattern); break;
      case 'replace':
        s += '/' + (op.mode === 'all' ? '/' : op.mode === 'prefix' ? '#' : op.mode === 'suffix' ? '%' : '') + wordText(op.pattern);
        if (op.replacement) s += '/' + wordText(op.replacement);
        break;
      case 'substring': s += ':' + wordText(op.offset) + (op.length ? ':' + wordText(op.length) : ''); break;
      case 'case': {
        const m = { upperFirst: '^', upperAll: '^^', lowerFirst: ',', lowerAll: ',,', toggleFirst: '~', toggleAll: '~~' }[op.mode];
        s += m + (op.pattern ? wordText(op.pattern) : '');
        break;
      }
      case 'transform': s += '@' + op.letter; break;
    }
  }
  return s + '}';
}

