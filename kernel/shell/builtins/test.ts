// test / [: bash's test.c — the POSIX 0–4 argument rules, then the -a/-o/!/( ) grammar.
// unaryTest/binaryTest are exported for the interpreter's [[ ]] as well.

import type { Shell } from '../contracts.ts';
import {
  S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat,
} from '../../types.ts';
import { legalNumber, splitSubscript } from './util.ts';
import { rawVar } from './declare.ts';

/** A syntax error inside test: message for "test: …", exit status 2. */
class TestError {
  readonly msg: string;
  constructor(msg: string) { this.msg = msg; }
}

const UNARY = new Set([...'abcdefghknoprstuvwxzGLNORS'].map(c => '-' + c));
const BINARY = new Set(['=', '==', '!=', '<', '>', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

export function isUnaryOp(op: string): boolean { return UNARY.has(op); }
export function isBinaryOp(op: string): boolean { return BINARY.has(op); }

function safeStat(sh: Shell, path: string, link = false): Stat | null {
  if (path === '') return null;
  try {
    return link ? sh.proc.lstat(path) : sh.proc.stat(path);
  } catch {
    return null;
  }
}

/** Byte-order (code point) comparison, as test's < and > do. */
function compare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!, y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Unary file/string/option tests (op includes the dash). */
export function unaryTest(sh: Shell, op: string, arg: string): boolean {
  const type = (st: Stat | null, t: number): boolean => st !== null && (st.mode & S_IFMT) === t;
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-a': case '-e': return safeStat(sh, arg) !== null;
    case '-f': return type(safeStat(sh, arg), S_IFREG);
    case '-d': return type(safeStat(sh, arg), S_IFDIR);
    case '-b': return type(safeStat(sh, arg), S_IFBLK);
    case '-c': return type(safeStat(sh, arg), S_IFCHR);
    case '-p': return type(safeStat(sh, arg), S_IFIFO);
    case '-S': return type(safeStat(sh, arg), S_IFSOCK);
    case '-h': case '-L': return type(safeStat(sh, arg, true), S_IFLNK);
    case '-s': { const st = safeStat(sh, arg); return st !== null && st.size > 0; }
    case '-g': { const st = safeStat(sh, arg); return st !== null && (st.mode & 0o2000) !== 0; }
    case '-u': { const st = safeStat(sh, arg); return st !== null && (st.mode & 0o4000) !== 0; }
    case '-k': { const st = safeStat(sh, arg); return st !== null && (st.mode & 0o1000) !== 0; }
    case '-O': { const st = safeStat(sh, arg); return st !== null && st.uid === sh.proc.uid; }
    case '-G': { const st = safeStat(sh, arg); return st !== null && st.gid === sh.proc.gid; }
    case '-N': { const st = safeStat(sh, arg); return st !== null && st.mtimeMs > st.atimeMs; }
    case '-r': case '-w': case '-x': {
      if (arg === '') return false;
      try {
        return sh.proc.access(arg, op === '-r' ? 4 : op === '-w' ? 2 : 1);
      } catch {
        return false;
      }
    }
    case '-t': {
      const n = legalNumber(arg);
      if (n === null || n < 0n || n > 0x7fffffffn) return false;
      try { return sh.proc.isatty(Number(n)); } catch { return false; }
    }
    case '-o': return sh.setOptions.has(arg);
    case '-v': {
      const sub = splitSubscript(arg);
      if (sub) {
        if (sub.index === '@' || sub.index === '*') return sh.vars.values(sub.name).length > 0;
        const v = sh.vars.lookup(sub.name);
        if (!v) return false;
        let key = sub.index;
        if (!v.attrs.assoc) {
          try { key = sh.arith(key).toString(); } catch { return false; }
        }
        return sh.vars.getElement(sub.name, key) !== undefined;
      }
      return sh.vars.get(arg) !== undefined;
    }
    case '-R': return nameRef(sh, arg);
  }
  return false;
}

/** -R: arg is a set name reference. */
function nameRef(sh: Shell, name: string): boolean {
  const v = rawVar(sh, name);
  return !!v?.attrs.nameref && typeof v.value === 'string' && v.value !== '';
}

function integer(op: string, s: string): bigint {
  const n = legalNumber(s);
  if (n === null) throw new TestError(`${s}: integer expression expected`);
  void op;
  return n;
}

/** Binary tests (string, integer, file). */
export function binaryTest(sh: Shell, op: string, a: string, b: string): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return compare(a, b) < 0;
    case '>': return compare(a, b) > 0;
    case '-eq': return integer(op, a) === integer(op, b);
    case '-ne': return integer(op, a) !== integer(op, b);
    case '-lt': return integer(op, a) < integer(op, b);
    case '-le': return integer(op, a) <= integer(op, b);
    case '-gt': return integer(op, a) > integer(op, b);
    case '-ge': return integer(op, a) >= integer(op, b);
    case '-nt': case '-ot': {
      const sa = safeStat(sh, a), sb = safeStat(sh, b);
      const [x, y] = op === '-nt' ? [sa, sb] : [sb, sa];
      if (x === null) return false;
      if (y === null) return true;
      return x.mtimeMs > y.mtimeMs;
    }
    case '-ef': {
      const sa = safeStat(sh, a), sb = safeStat(sh, b);
      return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
    }
  }
  throw new TestError(`${op}: binary operator expected`);
}

/** The parser state of one test invocation (argv without the command name). */
class TestParser {
  readonly sh: Shell;
  readonly argv: string[];
  readonly argc: number;
  pos = 0;
  constructor(sh: Shell, argv: string[]) {
    this.sh = sh;
    this.argv = argv;
    this.argc = argv.length;
  }

  beyond(): never { throw new TestError('argument expected'); }

  oneArg(s: string): boolean { return s !== ''; }

  posix(): boolean {
    const { argv, argc } = this;
    switch (argc) {
      case 0: return false;
      case 1: this.pos = argc; return this.oneArg(argv[0]);
      case 2: { const v = this.two(); this.pos = argc; return v; }
      case 3: return this.three();
      case 4:
        if (argv[0] === '!') { this.pos++; return !this.three(); }
        if (argv[0] === '(' && argv[3] === ')') { this.pos++; const v = this.two(); this.pos = argc; return v; }
    }
    return this.expr();
  }

  two(): boolean {
    const a = this.argv[this.pos];
    if (a === '!') return this.argv[this.pos + 1] === '';
    if (a.length === 2 && a[0] === '-' && UNARY.has(a)) return this.unary();
    throw new TestError(`${a}: unary operator expected`);
  }

  three(): boolean {
    const { argv, pos } = this;
    let v: boolean;
    if (BINARY.has(argv[pos + 1])) v = this.binary();
    else if (argv[pos + 1] === '-a') v = this.oneArg(argv[pos]) && this.oneArg(argv[pos + 2]);
    else if (argv[pos + 1] === '-o') v = this.oneArg(argv[pos]) || this.oneArg(argv[pos + 2]);
    else if (argv[pos] === '!') { this.pos++; v = !this.two(); }
    else if (argv[pos] === '(' && argv[this.argc - 1] === ')') v = this.oneArg(argv[pos + 1]);
    else throw new TestError(`${argv[pos + 1]}: binary operator expected`);
    this.pos = this.argc;
    return v;
  }

  expr(): boolean {
    if (this.pos >= this.argc) this.beyond();
    return this.or();
  }

  or(): boolean {
    const v = this.and();
    if (this.pos < this.argc && this.argv[this.pos] === '-o') {
      this.pos++;
      const w = this.or();
      return v || w;
    }
    return v;
  }

  and(): boolean {
    const v = this.term();
    if (this.pos < this.argc && this.argv[this.pos] === '-a') {
      this.pos++;
      const w = this.and();
      return v && w;
    }
    return v;
  }

  term(): boolean {
    const { argv, argc } = this;
    if (this.pos >= argc) this.beyond();
    if (argv[this.pos] === '!') {
      let neg = false;
      while (this.pos < argc && argv[this.pos] === '!') { this.pos++; neg = !neg; }
      return neg ? !this.term() : this.term();
    }
    if (argv[this.pos] === '(') {
      this.pos++;
      const v = this.expr();
      if (this.pos >= argc) throw new TestError("`)' expected");
      if (argv[this.pos] !== ')') throw new TestError(`\`)' expected, found ${argv[this.pos]}`);
      this.pos++;
      return v;
    }
    if (this.pos + 3 <= argc && BINARY.has(argv[this.pos + 1])) return this.binary();
    const a = argv[this.pos];
    if (a.length === 2 && a[0] === '-' && UNARY.has(a)) return this.unary();
    this.pos++;
    return a !== '';
  }

  unary(): boolean {
    const op = this.argv[this.pos];
    if (op === '-t') {
      this.pos++;
      if (this.pos < this.argc) {
        if (legalNumber(this.argv[this.pos]) !== null) {
          this.pos++;
          return unaryTest(this.sh, op, this.argv[this.pos - 1]);
        }
        return false;
      }
      return unaryTest(this.sh, op, '1');
    }
    if (this.pos + 1 >= this.argc) this.beyond();
    this.pos += 2;
    return unaryTest(this.sh, op, this.argv[this.pos - 1]);
  }

  binary(): boolean {
    const w = this.argv[this.pos + 1];
    const v = binaryTest(this.sh, w, this.argv[this.pos], this.argv[this.pos + 2]);
    this.pos += 3;
    return v;
  }
}

async function runTest(sh: Shell, name: string, argv: string[]): Promise<number> {
  const p = new TestParser(sh, argv);
  try {
    if (argv.length === 0) return 1;
    const v = p.posix();
    if (p.pos !== p.argc) {
      if (p.pos < p.argc && argv[p.pos][0] === '-') throw new TestError(`syntax error: \`${argv[p.pos]}' unexpected`);
      throw new TestError('too many arguments');
    }
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      await sh.error(`${name}: ${e.msg}`);
      return 2;
    }
    throw e;
  }
}

export async function test(sh: Shell, args: string[]): Promise<number> {
  return runTest(sh, 'test', args);
}

/** `[ … ]` */
export async function bracket(sh: Shell, args: string[]): Promise<number> {
  if (args.length === 0 || args[args.length - 1] !== ']') {
    await sh.error("[: missing `]'");
    return 2;
  }
  return runTest(sh, '[', args.slice(0, -1));
}
