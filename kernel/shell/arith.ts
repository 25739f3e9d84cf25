// Shell arithmetic, as bash's expr.c evaluates it: a recursive-descent evaluator that reads
// tokens and evaluates at the same time (so errors, short-circuit `noeval` and error tokens come
// out exactly as bash's), with 64-bit wrap-around. The token list of each expression text is
// cached, so `((i++))` in a loop costs no scanning.

import { ShellError, type Shell, type Variables } from './contracts.ts';

export interface ArithOptions {
  /** set -u: unset variables are an error (fatal) instead of 0. Defaults to shell's nounset. */
  nounset?: boolean;
  /** Used for nounset and to print non-fatal warnings ("a: bad array subscript"). */
  shell?: Shell;
  /** Receives non-fatal warnings (default: shell.error without waiting). */
  warn?: (msg: string) => void;
}

// ---- tokens (bash's numbering; single-character operators use their char code) ----
const EQEQ = 1, NEQ = 2, LEQ = 3, GEQ = 4, STR = 5, NUM = 6, LAND = 7, LOR = 8, LSH = 9, RSH = 10;
const OP_ASSIGN = 11, COND = 12, POWER = 13, PREINC = 14, PREDEC = 15, POSTINC = 16, POSTDEC = 17, ERR = 18;
const EQ = 61, GT = 62, LT = 60, PLUS = 43, MINUS = 45, MUL = 42, DIV = 47, MOD = 37, NOT = 33;
const LPAR = 40, RPAR = 41, BAND = 38, BOR = 124, BXOR = 94, BNOT = 126, QUES = 63, COL = 58, COMMA = 44;

const MAX_RECURSION = 1024;
const INT_MIN = -(1n << 63n);

interface Tok {
  type: number;
  start: number;
  end: number;
  val?: bigint;
  /** STR: variable name, subscript text for `a[...]` */
  name?: string;
  sub?: string;
  /** OP_ASSIGN: the operator */
  assign?: number;
  /** ERR: message; exprEnd truncates the expression shown (number errors) */
  msg?: string;
  exprEnd?: number;
  /** ERR raised only by a real read, not by bash's one-token lookahead */
  peekType?: number;
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isVarStart = (c: string | undefined): boolean => isAlpha(c) || c === '_';
const isVarChar = (c: string | undefined): boolean => isVarStart(c) || isDigit(c);
const ARITHOPS = new Set([EQ, GT, LT, PLUS, MINUS, MUL, DIV, MOD, NOT, LPAR, RPAR, BAND, BOR, BXOR, BNOT, QUES, COL, COMMA]);
const MULTIOPS = new Set([EQEQ, NEQ, LEQ, GEQ, LAND, LOR, LSH, RSH, OP_ASSIGN, COND, POWER, PREINC, PREDEC, POSTINC, POSTDEC]);

/** strlong(): a number token's value, or an error message. */
function strlong(s: string): bigint | string {
  let i = 0;
  let base = 10n;
  let foundbase = false;
  if (s[0] === '0') {
    i = 1;
    if (s.length === 1) return 0n;
    if (s[1] === 'x' || s[1] === 'X') { base = 16n; i = 2; } else base = 8n;
    foundbase = true;
  }
  let val = 0n;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '#') {
      if (foundbase) return 'invalid number';
      if (val < 2n || val > 64n) return 'invalid arithmetic base';
      base = val;
      val = 0n;
      foundbase = true;
      const n = s[i + 1];
      if (!(isVarChar(n) || n === '@')) return 'invalid integer constant';
      continue;
    }
    let d: number;
    if (isDigit(c)) d = c.charCodeAt(0) - 48;
    else if (c >= 'a' && c <= 'z') d = c.charCodeAt(0) - 97 + 10;
    else if (c >= 'A' && c <= 'Z') d = c.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36);
    else if (c === '@') d = 62;
    else if (c === '_') d = 63;
    else break;
    if (BigInt(d) >= base) return 'value too great for base';
    val = val * base + BigInt(d);
  }
  return BigInt.asIntN(64, val);
}

/** Index of the `]` closing the `[` at i, or -1. */
function skipSubscript(e: string, i: number): number {
  let depth = 0;
  for (let j = i; j < e.length; j++) {
    const c = e[j];
    if (c === '[') depth++;
    else if (c === ']') { if (--depth === 0) return j; }
    else if (c === '\\') j++;
  }
  return -1;
}

function tokenize(e: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let prev = 0, prevprev = 0;
  const len = e.length;
  for (;;) {
    while (i < len && isWs(e[i])) i++;
    if (i >= len) break;
    const start = i;
    const c = e[i]!;
    let t: Tok;
    if (isVarStart(c)) {
      let j = i + 1;
      while (j < len && isVarChar(e[j])) j++;
      const name = e.slice(i, j);
      let sub: string | undefined;
      if (e[j] === '[') {
        const close = skipSubscript(e, j);
        if (close < 0) { toks.push({ type: ERR, start, end: len, msg: 'bad array subscript' }); break; }
        sub = e.slice(j + 1, close);
        j = close + 1;
      }
      t = { type: STR, start, end: j, name, sub };
      i = j;
    } else if (isDigit(c)) {
      let j = i;
      while (j < len && (isVarChar(e[j]) || e[j] === '#' || e[j] === '@')) j++;
      const v = strlong(e.slice(i, j));
      if (typeof v === 'string') { toks.push({ type: ERR, start, end: j, msg: v, exprEnd: j }); break; }
      t = { type: NUM, start, end: j, val: v };
      i = j;
    } else {
      const c1 = e[i + 1];
      let type: number;
      let j = i + 1;
      let assign: number | undefined;
      if (c === '=' && c1 === '=') { type = EQEQ; j++; }
      else if (c === '!' && c1 === '=') { type = NEQ; j++; }
      else if (c === '>' && c1 === '=') { type = GEQ; j++; }
      else if (c === '<' && c1 === '=') { type = LEQ; j++; }
      else if ((c === '<' || c === '>') && c1 === c) {
        const op = c === '<' ? LSH : RSH;
        if (e[i + 2] === '=') { type = OP_ASSIGN; assign = op; j += 2; } else { type = op; j++; }
      }
      else if (c === '&' && c1 === '&') { type = LAND; j++; }
      else if (c === '|' && c1 === '|') { type = LOR; j++; }
      else if (c === '*' && c1 === '*') { type = POWER; j++; }
      else if ((c === '-' || c === '+') && c1 === c && prev === STR) {
        const post = c === '-' ? POSTDEC : POSTINC;
        if (prevprev === PREINC || prevprev === PREDEC) {
          toks.push({ type: ERR, start, end: i + 2, msg: `${c}${c}: assignment requires lvalue`, peekType: post });
          break;
        }
        type = post;
        j++;
      }
      else if ((c === '-' || c === '+') && c1 === c) {
        let x = i + 2;
        while (x < len && isWs(e[x])) x++;
        if (isVarStart(e[x])) { type = c === '-' ? PREDEC : PREINC; j++; }
        else type = c.charCodeAt(0);
      }
      else if (c1 === '=' && '*/%+-&^|'.includes(c)) { type = OP_ASSIGN; assign = c.charCodeAt(0); j++; }
      else if (!ARITHOPS.has(c.charCodeAt(0))) {
        const p = prev === POSTINC || prev === POSTDEC ? NUM : prev;
        const msg = p === 0 || ARITHOPS.has(p) || MULTIOPS.has(p)
          ? 'syntax error: operand expected' : 'syntax error: invalid arithmetic operator';
        toks.push({ type: ERR, start, end: len, msg });
        break;
      }
      else type = c.charCodeAt(0);
      t = { type, start, end: j, assign };
      i = j;
    }
    toks.push(t);
    prevprev = prev;
    prev = t.type;
  }
  return toks;
}

const TOKEN_CACHE_MAX = 2048;
const tokenCache = new Map<string, Tok[]>();
function tokensFor(e: string): Tok[] {
  let t = tokenCache.get(e);
  if (t === undefined) {
    t = tokenize(e);
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
    tokenCache.set(e, t);
  }
  return t;
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

function ipow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  while (exp) {
    if (exp & 1n) result = wrap(result * base);
    exp >>= 1n;
    base = wrap(base * base);
  }
  return result;
}

interface Ctx {
  vars: Variables;
  nounset: boolean;
  warn: ((msg: string) => void) | undefined;
}

const SIMPLE_NUM = /^(?:0|[1-9][0-9]{0,17})$/;

/** One expression being evaluated (bash's EXPR_CONTEXT). */
class Evaluator {
  readonly e: string;
  readonly toks: Tok[];
  readonly ctx: Ctx;
  readonly depth: number;
  p = 0;
  curtok = 0;
  lasttok = 0;
  tokval = 0n;
  tokstr: Tok | null = null;
  lasttp = 0;
  /** end of the last token read (bash's tp) */
  tp = 0;
  assigntok = 0;
  noeval = 0;
  lvalTok: Tok | null = null;
  lvalInd: string | null = null;

  constructor(e: string, ctx: Ctx, depth: number) {
    this.e = e;
    this.toks = tokensFor(e);
    this.ctx = ctx;
    this.depth = depth;
  }

  run(): bigint {
    this.readtok();
    const v = this.expcomma();
    if (this.curtok !== 0) throw this.err('syntax error in expression');
    return v;
  }

  err(msg: string, exprEnd?: number): ShellError {
    let s = 0;
    while (this.e[s] === ' ' || this.e[s] === '\t') s++;
    const expr = this.e.slice(s, exprEnd ?? this.e.length);
    const tok = this.e.slice(this.lasttp, exprEnd ?? this.e.length);
    return new ShellError(`${expr}: ${msg} (error token is "${tok}")`, 1, false);
  }

  /** bash's lookahead after an identifier: errors in the next tokens surface now. */
  peekCheck(i: number): number {
    const t = this.toks[i];
    if (!t) return 0;
    if (t.type === ERR) {
      if (t.peekType) return t.peekType;
      this.lasttp = t.start;
      throw this.err(t.msg!, t.exprEnd);
    }
    if (t.type === STR) this.peekCheck(i + 1);
    return t.type;
  }

  readtok(): void {
    const t = this.toks[this.p];
    if (t === undefined) {
      this.lasttok = this.curtok;
      this.curtok = 0;
      this.tp = this.e.length;
      return;
    }
    this.p++;
    this.lasttp = t.start;
    this.tp = t.end;
    switch (t.type) {
      case ERR:
        throw this.err(t.msg!, t.exprEnd);
      case STR: {
        if (this.lvalTok !== null) { this.lvalTok = null; this.lvalInd = null; }
        const peek = this.peekCheck(this.p);
        this.tokval = this.lasttok === PREINC || this.lasttok === PREDEC || peek !== EQ ? this.streval(t) : 0n;
        this.lasttok = this.curtok;
        this.curtok = STR;
        this.tokstr = t;
        return;
      }
      case NUM:
        this.tokval = t.val!;
        this.lasttok = this.curtok;
        this.curtok = NUM;
        return;
      default:
        this.lasttok = this.curtok;
        this.curtok = t.type;
        if (t.type === OP_ASSIGN) this.assigntok = t.assign!;
    }
  }

  // ---- variables ----

  warn(msg: string): void { this.ctx.warn?.(msg); }

  unbound(name: string): never {
    throw new ShellError(`${name}: unbound variable`, 1, true);
  }

  /** The value of a variable token (bash's expr_streval). */
  streval(t: Tok): bigint {
    if (this.noeval) return 0n;
    const vars = this.ctx.vars;
    const name = t.name!;
    let value: string | undefined;
    let ind: string | null = null;
    if (t.sub === undefined) {
      value = vars.get(name);
      if (value === undefined && this.ctx.nounset) this.unbound(name);
    } else {
      const rec = vars.lookup(name);
      if ((rec === undefined || rec.value === undefined) && this.ctx.nounset) this.unbound(name);
      const sub = t.sub;
      if (sub === '@' || sub === '*') {
        value = vars.values(name).join(' ');
      } else if (rec?.attrs.assoc) {
        ind = sub;
        value = vars.getElement(name, sub);
      } else {
        const idx = this.index(name, sub);
        if (idx !== null) { ind = idx; value = vars.getElement(name, idx); }
      }
    }
    this.lvalTok = t;
    this.lvalInd = ind;
    return value ? this.subexpr(value) : 0n;
  }

  /** An indexed-array subscript: evaluated, negative counted from the end; null if out of range. */
  index(name: string, sub: string, assigning = false): string | null {
    let i = this.subexpr(sub);
    if (i < 0n) {
      let max = -1n;
      const v = this.ctx.vars.lookup(name)?.value as { maxIndex?: number } | undefined;
      if (v && typeof v === 'object' && typeof v.maxIndex === 'number') max = BigInt(v.maxIndex);
      else for (const k of this.ctx.vars.keys(name)) { const n = BigInt(k); if (n > max) max = n; }
      i = max + 1n + i;
      if (i < 0n) { this.warn(assigning ? `${name}[${sub}]: bad array subscript` : `${name}: bad array subscript`); return null; }
    }
    return String(i);
  }

  subexpr(value: string): bigint {
    if (SIMPLE_NUM.test(value)) return BigInt(value);
    if (this.depth + 1 >= MAX_RECURSION) throw this.err('expression recursion level exceeded');
    let s = 0;
    while (s < value.length && isWs(value[s])) s++;
    if (s === value.length) return 0n;
    return new Evaluator(value, this.ctx, this.depth + 1).run();
  }

  bind(t: Tok, ind: string | null, v: bigint): void {
    const vars = this.ctx.vars;
    const name = t.name!;
    const val = String(v);
    if (t.sub === undefined) { vars.set(name, val); return; }
    let key = ind;
    if (key === null) {
      if (vars.lookup(name)?.attrs.assoc) key = t.sub;
      else {
        key = this.index(name, t.sub, true);
        if (key === null) return;
      }
    }
    try {
      vars.setElement(name, key, val);
    } catch (e) {
      if (e instanceof ShellError && e.message.endsWith(': bad array subscript')) { this.warn(e.message); return; }
      throw e;
    }
  }

  // ---- grammar (bash's expcomma … exp0) ----

  expcomma(): bigint {
    let v = this.expassign();
    while (this.curtok === COMMA) {
      this.readtok();
      v = this.expassign();
    }
    return v;
  }

  expassign(): bigint {
    let value = this.expcond();
    if (this.curtok === EQ || this.curtok === OP_ASSIGN) {
      const special = this.curtok === OP_ASSIGN;
      if (this.lasttok !== STR) throw this.err('attempted assignment to non-variable');
      const op = this.assigntok;
      const lvalue = value;
      const lhs = this.tokstr!;
      const lind = this.lvalTok === lhs ? this.lvalInd : null;
      this.readtok();
      value = this.expassign();
      if (special) {
        if ((op === DIV || op === MOD) && value === 0n) {
          if (this.noeval === 0) throw this.err('division by 0');
          value = 1n;
        }
        value = binop(op, lvalue, value);
      }
      if (this.noeval === 0) this.bind(lhs, lind, value);
      this.tokstr = null;
    }
    return value;
  }

  expcond(): bigint {
    const cval = this.explor();
    let rval = cval;
    if (this.curtok === QUES) {
      this.readtok();
      if ((this.curtok as number) === 0 || (this.curtok as number) === COL) throw this.err('expression expected');
      let set = false;
      if (cval === 0n) { set = true; this.noeval++; }
      const val1 = this.expcomma();
      if (set) this.noeval--;
      if ((this.curtok as number) !== COL) throw this.err("`:' expected for conditional expression");
      this.readtok();
      if ((this.curtok as number) === 0) throw this.err('expression expected');
      set = false;
      if (cval !== 0n) { set = true; this.noeval++; }
      const val2 = this.expcond();
      if (set) this.noeval--;
      rval = cval ? val1 : val2;
      this.lasttok = COND;
    }
    return rval;
  }

  explor(): bigint {
    let val1 = this.expland();
    while (this.curtok === LOR) {
      let set = false;
      if (val1 !== 0n) { this.noeval++; set = true; }
      this.readtok();
      const val2 = this.expland();
      if (set) this.noeval--;
      val1 = val1 !== 0n || val2 !== 0n ? 1n : 0n;
      this.lasttok = LOR;
    }
    return val1;
  }

  expland(): bigint {
    let val1 = this.expbor();
    while (this.curtok === LAND) {
      let set = false;
      if (val1 === 0n) { set = true; this.noeval++; }
      this.readtok();
      const val2 = this.expbor();
      if (set) this.noeval--;
      val1 = val1 !== 0n && val2 !== 0n ? 1n : 0n;
      this.lasttok = LAND;
    }
    return val1;
  }

  expbor(): bigint {
    let v = this.expbxor();
    while (this.curtok === BOR) { this.readtok(); v = v | this.expbxor(); this.lasttok = NUM; }
    return v;
  }

  expbxor(): bigint {
    let v = this.expband();
    while (this.curtok === BXOR) { this.readtok(); v = v ^ this.expband(); this.lasttok = NUM; }
    return v;
  }

  expband(): bigint {
    let v = this.exp5();
    while (this.curtok === BAND) { this.readtok(); v = v & this.exp5(); this.lasttok = NUM; }
    return v;
  }

  exp5(): bigint {
    let v = this.exp4();
    while (this.curtok === EQEQ || this.curtok === NEQ) {
      const op = this.curtok;
      this.readtok();
      const v2 = this.exp4();
      v = (op === EQEQ ? v === v2 : v !== v2) ? 1n : 0n;
      this.lasttok = NUM;
    }
    return v;
  }

  exp4(): bigint {
    let v = this.expshift();
    while (this.curtok === LEQ || this.curtok === GEQ || this.curtok === LT || this.curtok === GT) {
      const op = this.curtok;
      this.readtok();
      const v2 = this.expshift();
      const r = op === LEQ ? v <= v2 : op === GEQ ? v >= v2 : op === LT ? v < v2 : v > v2;
      v = r ? 1n : 0n;
      this.lasttok = NUM;
    }
    return v;
  }

  expshift(): bigint {
    let v = this.exp3();
    while (this.curtok === LSH || this.curtok === RSH) {
      const op = this.curtok;
      this.readtok();
      v = binop(op, v, this.exp3());
      this.lasttok = NUM;
    }
    return v;
  }

  exp3(): bigint {
    let v = this.exp2();
    while (this.curtok === PLUS || this.curtok === MINUS) {
      const op = this.curtok;
      this.readtok();
      const v2 = this.exp2();
      v = wrap(op === PLUS ? v + v2 : v - v2);
      this.lasttok = NUM;
    }
    return v;
  }

  exp2(): bigint {
    let val1 = this.exppower();
    while (this.curtok === MUL || this.curtok === DIV || this.curtok === MOD) {
      const op = this.curtok;
      const stp = this.tp;
      this.readtok();
      let val2 = this.exppower();
      if ((op === DIV || op === MOD) && val2 === 0n) {
        if (this.noeval === 0) {
          let t = stp;
          while (this.e[t] === ' ' || this.e[t] === '\t') t++;
          this.lasttp = t;
          throw this.err('division by 0');
        }
        val2 = 1n;
      } else if (op === MOD && val1 === INT_MIN && val2 === -1n) {
        val1 = 0n;
        continue;
      } else if (op === DIV && val1 === INT_MIN && val2 === -1n) {
        val2 = 1n;
      }
      val1 = binop(op, val1, val2);
      this.lasttok = NUM;
    }
    return val1;
  }

  exppower(): bigint {
    let val1 = this.exp1();
    while (this.curtok === POWER) {
      this.readtok();
      const val2 = this.exppower();
      this.lasttok = NUM;
      if (val2 === 0n) return 1n;
      if (val2 < 0n) throw this.err('exponent less than 0');
      val1 = ipow(val1, val2);
    }
    return val1;
  }

  exp1(): bigint {
    let v: bigint;
    if (this.curtok === NOT) { this.readtok(); v = this.exp1() === 0n ? 1n : 0n; this.lasttok = NUM; }
    else if (this.curtok === BNOT) { this.readtok(); v = ~this.exp1(); this.lasttok = NUM; }
    else if (this.curtok === MINUS) { this.readtok(); v = wrap(-this.exp1()); this.lasttok = NUM; }
    else if (this.curtok === PLUS) { this.readtok(); v = this.exp1(); this.lasttok = NUM; }
    else v = this.exp0();
    return v;
  }

  exp0(): bigint {
    let val: bigint;
    if (this.curtok === PREINC || this.curtok === PREDEC) {
      const stok = this.lasttok = this.curtok;
      this.readtok();
      if ((this.curtok as number) !== STR) throw this.err('identifier expected after pre-increment or pre-decrement');
      const v2 = wrap(this.tokval + (stok === PREINC ? 1n : -1n));
      if (this.noeval === 0) {
        const t = this.tokstr!;
        this.bind(t, this.lvalTok === t ? this.lvalInd : null, v2);
      }
      val = v2;
      this.curtok = NUM;
      this.readtok();
    } else if (this.curtok === LPAR) {
      this.readtok();
      val = this.expcomma();
      if ((this.curtok as number) !== RPAR) throw this.err("missing `)'");
      this.readtok();
    } else if (this.curtok === NUM || this.curtok === STR) {
      val = this.tokval;
      if (this.curtok === STR) {
        const next = this.toks[this.p];
        if (next !== undefined && next.type === ERR && !next.peekType) {
          this.lasttp = next.start;
          throw this.err(next.msg!, next.exprEnd);
        }
        if (next !== undefined && (next.type === POSTINC || next.type === POSTDEC)) {
          this.p++;
          this.lasttp = next.start;
          this.tp = next.end;
          this.lasttok = STR;
          const v2 = wrap(val + (next.type === POSTINC ? 1n : -1n));
          if (this.noeval === 0) {
            const t = this.tokstr!;
            this.bind(t, this.lvalTok === t ? this.lvalInd : null, v2);
          }
          this.curtok = NUM;
        }
      }
      this.readtok();
    } else {
      throw this.err('syntax error: operand expected');
    }
    return val;
  }
}

function binop(op: number, a: bigint, b: bigint): bigint {
  switch (op) {
    case MUL: return wrap(a * b);
    case DIV:
      if (a === INT_MIN && b === -1n) return INT_MIN;
      return wrap(a / b);
    case MOD:
      if (a === INT_MIN && b === -1n) return 0n;
      return wrap(a % b);
    case PLUS: return wrap(a + b);
    case MINUS: return wrap(a - b);
    case LSH: return wrap(a << (b & 63n));
    case RSH: return a >> (b & 63n);
    case BAND: return a & b;
    case BOR: return a | b;
    case BXOR: return a ^ b;
  }
  throw new ShellError('bug: bad expassign token');
}

/**
 * Evaluates arithmetic text (already expanded) the way bash does; throws ShellError with bash's
 * message (without the "bash: " prefix), e.g. `1/0: division by 0 (error token is "0")`.
 * Unbound variables under nounset throw a fatal ShellError "x: unbound variable".
 */
export function evalArith(expr: string, vars: Variables, opts?: ArithOptions): bigint {
  if (SIMPLE_NUM.test(expr)) return BigInt(expr);
  let s = 0;
  while (s < expr.length && isWs(expr[s])) s++;
  if (s === expr.length) return 0n;
  const sh = opts?.shell;
  const ctx: Ctx = {
    vars,
    nounset: opts?.nounset ?? (sh ? sh.setOptions.has('nounset') : false),
    warn: opts?.warn ?? (sh ? (m: string) => { void sh.error(m); } : undefined),
  };
  return new Evaluator(expr, ctx, 0).run();
}
