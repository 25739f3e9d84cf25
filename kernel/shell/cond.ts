// [[ … ]]: unary file and string tests, string/pattern/regex/arithmetic comparisons, && || ! ( ).
// `=~` translates the POSIX ERE to a JS RegExp and fills BASH_REMATCH with POSIX's
// leftmost-longest match.

import type { CondExpr, Word } from './ast.ts';
import { ShellError } from './contracts.ts';
import type { Interp } from './interp.ts';
import { KernelError } from '../errno.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../types.ts';
import { expandPattern, expandRegex } from './expand.ts';
import { matchPattern } from './pattern.ts';
import { xtraceLine, xtraceQuote, isUtf8 } from './xtrace.ts';
import { ereToRegExp } from './ere.ts';

/** A [[ ]] evaluation failure that is a status, not an expansion error (arithmetic, bad regex). */
export class CondError {
  readonly message: string;
  readonly status: number;
  constructor(message: string, status: number) { this.message = message; this.status = status; }
}

function tryStat(sh: Interp, path: string, link = false): Stat | null {
  if (path === '') return null;
  try {
    return link ? sh.proc.lstat(path) : sh.proc.stat(path);
  } catch (e) {
    if (e instanceof KernelError) return null;
    throw e;
  }
}

const typeTests: Record<string, number> = {
  '-b': S_IFBLK, '-c': S_IFCHR, '-d': S_IFDIR, '-f': S_IFREG, '-p': S_IFIFO, '-S': S_IFSOCK,
};

/** A unary test on an already expanded operand (shared with nothing else: test(1) is a builtin of its own). */
function unary(sh: Interp, op: string, arg: string): boolean {
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-e': case '-a': return tryStat(sh, arg) !== null;
    case '-b': case '-c': case '-d': case '-f': case '-p': case '-S': {
      const st = tryStat(sh, arg);
      return st !== null && (st.mode & S_IFMT) === typeTests[op];
    }
    case '-h': case '-L': {
      const st = tryStat(sh, arg, true);
      return st !== null && (st.mode & S_IFMT) === S_IFLNK;
    }
    case '-s': { const st = tryStat(sh, arg); return st !== null && st.size > 0; }
    case '-r': case '-w': case '-x': {
      if (arg === '') return false;
      try {
        return sh.proc.access(arg, op === '-r' ? 4 : op === '-w' ? 2 : 1);
      } catch (e) {
        if (e instanceof KernelError) return false;
        throw e;
      }
    }
    case '-u': { const st = tryStat(sh, arg); return st !== null && (st.mode & 0o4000) !== 0; }
    case '-g': { const st = tryStat(sh, arg); return st !== null && (st.mode & 0o2000) !== 0; }
    case '-k': { const st = tryStat(sh, arg); return st !== null && (st.mode & 0o1000) !== 0; }
    case '-O': { const st = tryStat(sh, arg); return st !== null && st.uid === sh.proc.uid; }
    case '-G': { const st = tryStat(sh, arg); return st !== null && st.gid === sh.proc.gid; }
    case '-N': { const st = tryStat(sh, arg); return st !== null && st.mtimeMs > st.atimeMs; }
    case '-t': {
      if (!/^\s*-?\d+\s*$/.test(arg)) return false;
      try { return sh.proc.isatty(Number(arg)); } catch (e) { if (e instanceof KernelError) return false; throw e; }
    }
    case '-o': return sh.setOptions.has(arg);
    case '-v': return isSet(sh, arg);
    case '-R': return sh.vars.lookup(arg, { raw: true })?.attrs.nameref === true && isSet(sh, arg);
    default: throw new CondError(`${op}: unary operator expected`, 2);
  }
}

function isSet(sh: Interp, name: string): boolean {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(name);
  if (m) {
    const v = sh.vars.lookup(m[1]!);
    if (!v) return false;
    if (m[2] === '@' || m[2] === '*') return sh.vars.values(m[1]!).length > 0;
    const key = v.attrs.assoc ? m[2]! : String(sh.arith(m[2]!));
    return sh.vars.getElement(m[1]!, key) !== undefined;
  }
  if (/^\d+$/.test(name)) return Number(name) <= sh.positional.length && Number(name) > 0;
  return sh.vars.get(name) !== undefined;
}

function arithOperand(sh: Interp, text: string): bigint {
  try {
    return sh.arith(text);
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) throw new CondError(`[[: ${e.message}`, 1);
    throw e;
  }
}

function compareFiles(sh: Interp, op: string, a: string, b: string): boolean {
  const sa = tryStat(sh, a);
  const sb = tryStat(sh, b);
  switch (op) {
    case '-nt': return sa !== null && (sb === null || sa.mtimeMs > sb.mtimeMs);
    case '-ot': return sb !== null && (sa === null || sa.mtimeMs < sb.mtimeMs);
    default: return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
  }
}

/** The right side of =~: quoted parts match literally, the rest is an ERE. */
function regexSource(sh: Interp, w: Word): Promise<string> {
  return expandRegex(sh, w);
}

async function regexMatch(sh: Interp, text: string, w: Word): Promise<boolean> {
  const src = await regexSource(sh, w);
  const nocase = sh.shoptOptions.has('nocasematch');
  const re = ereToRegExp(src, nocase);
  if (re === null) throw new CondError('', 2);
  const m = re.exec(text);
  if (!m) {
    sh.vars.setArray('BASH_REMATCH', []);
    return false;
  }
  // POSIX wants the longest match at the leftmost position.
  let best: RegExpExecArray = m;
  const start = m.index;
  if (m[0].length < text.length - start) {
    for (let end = text.length; end > start + m[0].length; end--) {
      const forced = ereToRegExp(src, nocase, text.length - end);
      if (!forced) break;
      forced.lastIndex = start;
      const f = forced.exec(text);
      if (f && f.index === start) { best = f; break; }
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < best.length; i++) groups.push(best[i] ?? '');
  sh.vars.setArray('BASH_REMATCH', groups);
  return true;
}

async function binary(sh: Interp, op: string, left: Word, right: Word, trace: boolean): Promise<boolean> {
  const a = await sh.expandWord(left);
  if (op === '=~') {
    if (trace) await xtraceLine(sh, `[[ ${xtraceQuote(a, isUtf8(sh))} =~ ${await regexSource(sh, right)} ]]`);
    return regexMatch(sh, a, right);
  }
  if (op === '==' || op === '=' || op === '!=') {
    const pat = await expandPattern(sh, right);
    if (trace) await xtraceLine(sh, `[[ ${xtraceQuote(a, isUtf8(sh))} ${op} ${pat} ]]`);
    const hit = matchPattern(pat, a, { extglob: true, nocase: sh.shoptOptions.has('nocasematch') });
    return op === '!=' ? !hit : hit;
  }
  const b = await sh.expandWord(right);
  if (trace) {
    const utf8 = isUtf8(sh);
    await xtraceLine(sh, `[[ ${xtraceQuote(a, utf8)} ${op} ${xtraceQuote(b, utf8)} ]]`);
  }
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return arithOperand(sh, a) === arithOperand(sh, b);
    case '-ne': return arithOperand(sh, a) !== arithOperand(sh, b);
    case '-lt': return arithOperand(sh, a) < arithOperand(sh, b);
    case '-le': return arithOperand(sh, a) <= arithOperand(sh, b);
    case '-gt': return arithOperand(sh, a) > arithOperand(sh, b);
    case '-ge': return arithOperand(sh, a) >= arithOperand(sh, b);
    case '-nt': case '-ot': case '-ef': return compareFiles(sh, op, a, b);
    default: throw new CondError(`${op}: binary operator expected`, 2);
  }
}

/** Evaluates a [[ ]] expression; ShellError status 2 for bad operators (arith errors: status 1). */
export async function evalCond(sh: Interp, e: CondExpr): Promise<boolean> {
  const trace = sh.setOptions.has('xtrace');
  switch (e.type) {
    case 'CondAnd': return (await evalCond(sh, e.left)) && evalCond(sh, e.right);
    case 'CondOr': return (await evalCond(sh, e.left)) || evalCond(sh, e.right);
    case 'CondNot': return !(await evalCond(sh, e.expr));
    case 'CondParen': return evalCond(sh, e.expr);
    case 'CondWord': {
      const v = await sh.expandWord(e.word);
      if (trace) await xtraceLine(sh, `[[ ${xtraceQuote(v, isUtf8(sh))} ]]`);
      return v !== '';
    }
    case 'CondUnary': {
      const v = await sh.expandWord(e.arg);
      if (trace) await xtraceLine(sh, `[[ ${e.op} ${xtraceQuote(v, isUtf8(sh))} ]]`);
      try {
        return unary(sh, e.op, v);
      } catch (err) {
        if (err instanceof ShellError && e.op === '-v') return false;
        if (err instanceof ShellError && !err.fatal) throw new CondError(err.message, 1);
        throw err;
      }
    }
    case 'CondBinary': return binary(sh, e.op, e.left, e.right, trace);
  }
}
