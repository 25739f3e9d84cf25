// bash-style reformatting of commands (declare -f, type, $(…) text): a port of the layout rules of
// bash 5.2's print_cmd.c — indentation, `;` placement, deferred here-document bodies and all.

import type {
  Assignment, Command, CondExpr, FunctionDef, If, ListItem, ParamPart, Redirect, Script, Word, WordPart,
} from './ast.ts';
import { newlineSeparated, verbatim } from './parse-word.ts';

// ---- words ----

const CTX_UNQ = 0;
const CTX_DQ = 1;
const CTX_HEREDOC = 2;
const CTX_ARITH = 3;
/** double-quote rules inside `${…}` operator words: a literal `}` must be escaped */
const CTX_DQ_BRACE = 4;

/** bash's sh_single_quote. */
export function singleQuote(s: string): string {
  if (s === "'") return "\\'";
  return "'" + s.replaceAll("'", "'\\''") + "'";
}

/** The source text of a word, as bash shows it (quoting preserved; $'…' shown single-quoted). */
export function printWord(w: Word): string {
  return partsText(w.parts, CTX_UNQ);
}

function partsText(parts: WordPart[], ctx: number): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += partText(parts[i], ctx, i + 1 < parts.length);
  return out;
}

function partText(x: WordPart, ctx: number, more: boolean): string {
  switch (x.type) {
    case 'Literal':
      if (ctx === CTX_DQ) return dqLiteral(x.value, more);
      if (ctx === CTX_DQ_BRACE) return dqLiteral(x.value, more).replaceAll('}', '\\}');
      return x.value;
    case 'SingleQuoted': return "'" + x.value + "'";
    case 'AnsiC': return singleQuote(x.value);
    case 'DoubleQuoted': return verbatim.get(x) ?? '"' + partsText(x.parts, CTX_DQ) + '"';
    case 'Escaped': return '\\' + x.value;
    case 'Tilde': return '~' + x.user;
    case 'Param': return paramText(x, ctx);
    case 'CommandSub': {
      const raw = verbatim.get(x);
      if (raw !== undefined) return raw;
      if (x.backquote) return '`' + printComsub(x.body).replace(/\\(?=[\\`$]|$)|`/g, '\\$&') + '`';
      const body = printComsub(x.body);
      return '$(' + (body.startsWith('(') ? ' ' : '') + body + ')';
    }
    case 'Arith': return verbatim.get(x) ?? '$((' + partsText(x.expr.parts, CTX_ARITH) + '))';
    case 'ProcessSub': return x.direction + '(' + printComsub(x.body) + ')';
  }
}

/** Literal text inside double quotes: re-escape what would otherwise be special (strings that had escapes are verbatim). */
function dqLiteral(v: string, more: boolean): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '"' || c === '`') out += '\\' + c;
    else if (c === '$') {
      const n = v[i + 1];
      out += (n === undefined ? more : /[\w{(\[@*#?$!`-]/.test(n)) ? '\\$' : '$';
    } else if (c === '\\') {
      const n = v[i + 1];
      out += (n === undefined || n === '$' || n === '`' || n === '"' || n === '\\' || n === '\n') ? '\\\\' : '\\';
    } else out += c;
  }
  return out;
}

function paramText(p: ParamPart, ctx: number): string {
  if (!p.braced) return '$' + p.name;
  const wctx = ctx === CTX_UNQ ? CTX_UNQ : CTX_DQ_BRACE;
  const op = p.op;
  const index = p.index ? '[' + partsText(p.index.parts, CTX_UNQ) + ']' : '';
  if (!op) return '${' + (p.indirect ? '!' : '') + p.name + index + '}';
  switch (op.op) {
    case 'length': return '${#' + p.name + index + '}';
    case 'prefixNames': return '${!' + p.name + (op.star ? '*' : '@') + '}';
    case 'keys': return '${!' + p.name + '[' + (op.star ? '*' : '@') + ']}';
    default: break;
  }
  let s = '${' + (p.indirect ? '!' : '') + p.name + index;
  switch (op.op) {
    case 'default': case 'assign': case 'error': case 'alternate':
      s += (op.colon ? ':' : '') + { default: '-', assign: '=', error: '?', alternate: '+' }[op.op] + partsText(op.word.parts, wctx);
      break;
    case 'removePrefix': s += (op.longest ? '##' : '#') + partsText(op.pattern.parts, CTX_UNQ); break;
    case 'removeSuffix': s += (op.longest ? '%%' : '%') + partsText(op.pattern.parts, CTX_UNQ); break;
    case 'replace':
      s += '/' + { first: '', all: '/', prefix: '#', suffix: '%' }[op.mode] + partsText(op.pattern.parts, CTX_UNQ);
      if (op.replacement) s += '/' + partsText(op.replacement.parts, CTX_UNQ);
      break;
    case 'substring':
      s += ':' + partsText(op.offset.parts, wctx);
      if (op.length) s += ':' + partsText(op.length.parts, wctx);
      break;
    case 'case':
      s += { upperFirst: '^', upperAll: '^^', lowerFirst: ',', lowerAll: ',,', toggleFirst: '~', toggleAll: '~~' }[op.mode];
      if (op.pattern) s += partsText(op.pattern.parts, CTX_UNQ);
      break;
    case 'transform': s += '@' + op.letter; break;
  }
  return s + '}';
}

function assignmentText(a: Assignment): string {
  let s = a.name + (a.index ? '[' + partsText(a.index.parts, CTX_UNQ) + ']' : '') + (a.append ? '+=' : '=');
  if (a.array) {
    s += '(' + a.array.map((e) => (e.index ? '[' + partsText(e.index.parts, CTX_UNQ) + ']=' : '') + printWord(e.value)).join(' ') + ')';
  } else if (a.value) s += printWord(a.value);
  return s;
}

function wordText(w: Word): string {
  return w.assignment?.array ? assignmentText(w.assignment) : printWord(w);
}

// ---- commands ----

const F_TIME = 1, F_POSIX = 2, F_INVERT = 4;

/** bash's command tree: binary connections of commands, flags on the node. */
type Node =
  | { k: 'conn'; first: Node; second: Node | null; conn: string; flags: number }
  | { k: 'cmd'; cmd: Command; flags: number; extra: Redirect[] | null };

const STDERR_TO_STDOUT: Redirect = { op: '>&', fd: 2, target: { type: 'Word', parts: [{ type: 'Literal', value: '1' }] } };

function cmdNode(cmd: Command): Node {
  if (cmd.type === 'Pipeline') {
    const flags = (cmd.timed ? F_TIME : 0) | (cmd.timePosix ? F_POSIX : 0) | (cmd.negated ? F_INVERT : 0);
    if (cmd.commands.length === 0) {
      return { k: 'cmd', cmd: { type: 'Simple', assignments: [], words: [], redirects: [], line: cmd.line }, flags, extra: null };
    }
    const stage = (i: number): Node => {
      const n = cmdNode(cmd.commands[i]);
      if (cmd.stderrToo[i] && n.k === 'cmd') n.extra = [...(n.extra ?? []), STDERR_TO_STDOUT];
      return n;
    };
    // right-associative, like bash's grammar
    let node = stage(cmd.commands.length - 1);
    for (let i = cmd.commands.length - 2; i >= 0; i--) node = { k: 'conn', first: stage(i), second: node, conn: '|', flags: 0 };
    node.flags |= flags;
    return node;
  }
  if (cmd.type === 'AndOr') return { k: 'conn', first: cmdNode(cmd.left), second: cmdNode(cmd.right), conn: cmd.op, flags: 0 };
  return { k: 'cmd', cmd, flags: 0, extra: null };
}

function listNode(items: ListItem[], comsub: boolean): Node | null {
  let node: Node | null = null;
  for (let i = 0; i < items.length; i++) {
    const n = cmdNode(items[i].command);
    if (node === null) { node = n; continue; }
    const prev = items[i - 1];
    const conn = prev.background ? '&' : comsub && newlineSeparated.has(prev) ? '\n' : ';';
    node = { k: 'conn', first: node, second: n, conn, flags: 0 };
  }
  if (node && items[items.length - 1].background) {
    // bash's connect_async_list: only the last command of a `;` list goes to the background
    if (node.k === 'conn' && node.conn === ';' && node.second) {
      let t1: Node & { k: 'conn' } = node;
      let t: Node = node.second;
      while (t.k === 'conn' && t.conn === ';' && t.second) { t1 = t; t = t.second; }
      t1.second = { k: 'conn', first: t, second: null, conn: '&', flags: 0 };
    } else {
      node = { k: 'conn', first: node, second: null, conn: '&', flags: 0 };
    }
  }
  return node;
}

function isHeredoc(r: Redirect): boolean { return r.op === '<<' || r.op === '<<-'; }

function digits(w: Word): string | null {
  if (w.parts.length !== 1 || w.parts[0].type !== 'Literal') return null;
  const v = w.parts[0].value;
  return /^[0-9]+$/.test(v) ? v : null;
}

function literal(w: Word): string | null {
  return w.parts.length === 1 && w.parts[0].type === 'Literal' ? w.parts[0].value : null;
}

class Printer {
  out = '';
  indentation = 0;
  indentAmount = 4;
  insideFunctionDef = 0;
  skip = 0;
  wasHeredoc = false;
  printingConnection = 0;
  printingComsub = false;
  deferred: Redirect[] = [];

  indent(n: number): void { if (n > 0) this.out += ' '.repeat(n); }
  newline(s: string): void { this.out += '\n'; this.indent(this.indentation); this.out += s; }
  semicolon(): void {
    const last = this.out[this.out.length - 1];
    if (this.out.length > 0 && (last === '&' || last === '\n')) return;
    this.out += ';';
  }

  list(items: ListItem[]): void { this.node(listNode(items, this.printingComsub)); }

  node(n: Node | null): void {
    if (n === null) return;
    if (this.skip > 0) this.skip--; else this.indent(this.indentation);
    if (n.flags & F_TIME) this.out += n.flags & F_POSIX ? 'time -p ' : 'time ';
    if (n.flags & F_INVERT) this.out += '! ';
    if (n.k === 'conn') { this.connection(n); return; }
    const cmd = n.cmd;
    let redirects: Redirect[] = [];
    switch (cmd.type) {
      case 'Simple': this.simple(cmd.assignments, cmd.words, n.extra ? [...cmd.redirects, ...n.extra] : cmd.redirects); return;
      case 'For': case 'Select':
        this.out += (cmd.type === 'For' ? 'for ' : 'select ') + cmd.name + ' in ' + (cmd.words ? cmd.words.map(wordText).join(' ') : '"$@"') + ';';
        this.loopBody(cmd.body);
        redirects = cmd.redirects;
        break;
      case 'ArithFor': {
        const t = (w: Word | null): string => (w ? partsText(w.parts, CTX_ARITH) : '1');
        this.out += 'for ((' + t(cmd.init) + '; ' + t(cmd.cond) + '; ' + t(cmd.step) + '))';
        this.loopBody(cmd.body);
        redirects = cmd.redirects;
        break;
      }
      case 'Case':
        this.out += 'case ' + printWord(cmd.word) + ' in ';
        this.indentation += this.indentAmount;
        for (const item of cmd.items) {
          this.newline('');
          this.out += item.patterns.map(printWord).join(' | ') + ')\n';
          this.indentation += this.indentAmount;
          this.list(item.body.items);
          this.indentation -= this.indentAmount;
          this.flushDeferred('');
          this.newline(item.terminator);
        }
        this.indentation -= this.indentAmount;
        this.newline('esac');
        redirects = cmd.redirects;
        break;
      case 'While':
        this.out += cmd.until ? 'until ' : 'while ';
        this.skip++;
        this.list(cmd.cond.items);
        this.flushDeferred('');
        this.semicolon();
        this.out += ' do\n';
        this.indentation += this.indentAmount;
        this.list(cmd.body.items);
        this.flushDeferred('');
        this.indentation -= this.indentAmount;
        this.semicolon();
        this.newline('done');
        redirects = cmd.redirects;
        break;
      case 'If': this.ifCommand(cmd, 0); redirects = cmd.redirects; break;
      case 'ArithCommand': this.out += '((' + partsText(cmd.expr.parts, CTX_ARITH) + '))'; redirects = cmd.redirects; break;
      case 'Cond': this.out += '[[ ' + this.cond(cmd.expr) + ' ]]'; redirects = cmd.redirects; break;
      case 'FunctionDef': this.functionDef(cmd); break;
      case 'Group':
        this.out += '{ ';
        if (this.insideFunctionDef === 0) this.skip++;
        else { this.out += '\n'; this.indentation += this.indentAmount; }
        this.list(cmd.body.items);
        this.flushDeferred('');
        if (this.insideFunctionDef) {
          this.out += '\n';
          this.indentation -= this.indentAmount;
          this.indent(this.indentation);
        } else {
          this.semicolon();
          this.out += ' ';
        }
        this.out += '}';
        redirects = cmd.redirects;
        break;
      case 'Subshell':
        this.out += '( ';
        this.skip++;
        this.list(cmd.body.items);
        this.flushDeferred('');
        this.out += ' )';
        redirects = cmd.redirects;
        break;
      default: break;
    }
    if (n.extra) redirects = [...redirects, ...n.extra];
    if (redirects.length) {
      this.out += ' ';
      this.redirectList(redirects);
    }
  }

  connection(n: Node & { k: 'conn' }): void {
    this.skip++;
    this.printingConnection++;
    this.node(n.first);
    const c = n.conn;
    switch (c) {
      case '&': case '|':
        this.flushDeferred(' ' + c, true);
        if (c !== '&' || n.second) { this.out += ' '; this.skip++; }
        break;
      case '&&': case '||':
        this.flushDeferred(' ' + c + ' ', true);
        if (n.second) this.skip++;
        break;
      default: { // ; and newline
        const s = this.printingComsub ? c : ';';
        if (this.deferred.length === 0) {
          if (!this.wasHeredoc) this.out += s; else this.wasHeredoc = false;
        } else {
          this.flushDeferred(this.insideFunctionDef ? '' : ';', true);
        }
        if (this.insideFunctionDef) this.out += '\n';
        else {
          if (c === ';') this.out += ' ';
          if (n.second) this.skip++;
        }
      }
    }
    this.node(n.second);
    this.flushDeferred('');
    this.printingConnection--;
  }

  loopBody(body: Script): void {
    this.newline('do\n');
    this.indentation += this.indentAmount;
    this.list(body.items);
    this.flushDeferred('');
    this.semicolon();
    this.indentation -= this.indentAmount;
    this.newline('done');
  }

  /** `elif` is printed the way bash stores it: as an `if` nested in the `else` branch. */
  ifCommand(cmd: If, clause: number): void {
    const { cond, body } = cmd.clauses[clause];
    this.out += 'if ';
    this.skip++;
    this.list(cond.items);
    this.semicolon();
    this.out += ' then\n';
    this.indentation += this.indentAmount;
    this.list(body.items);
    this.flushDeferred('');
    this.indentation -= this.indentAmount;
    const nested = clause + 1 < cmd.clauses.length;
    if (nested || cmd.elseBody) {
      this.semicolon();
      this.newline('else\n');
      this.indentation += this.indentAmount;
      if (nested) {
        this.indent(this.indentation);
        this.ifCommand(cmd, clause + 1);
      } else this.list(cmd.elseBody!.items);
      this.flushDeferred('');
      this.indentation -= this.indentAmount;
    }
    this.semicolon();
    this.newline('fi');
  }

  cond(e: CondExpr): string {
    switch (e.type) {
      case 'CondAnd': return this.cond(e.left) + ' && ' + this.cond(e.right);
      case 'CondOr': return this.cond(e.left) + ' || ' + this.cond(e.right);
      case 'CondNot': {
        let inner: CondExpr = e.expr, n = 1;
        while (inner.type === 'CondNot') { inner = inner.expr; n++; }
        return (n & 1 ? '! ' : '') + this.cond(inner);
      }
      case 'CondParen': return '( ' + this.cond(e.expr) + ' )';
      case 'CondUnary': return e.op + ' ' + printWord(e.arg);
      case 'CondBinary': return printWord(e.left) + ' ' + e.op + ' ' + printWord(e.right);
      case 'CondWord': return '-n ' + printWord(e.word);
    }
  }

  simple(assignments: Assignment[], words: Word[], redirects: Redirect[]): void {
    let first = true;
    for (const a of assignments) { this.out += (first ? '' : ' ') + assignmentText(a); first = false; }
    for (const w of words) { this.out += (first ? '' : ' ') + wordText(w); first = false; }
    if (redirects.length) {
      if (!first) this.out += ' ';
      this.redirectList(redirects);
    }
  }

  functionDef(f: FunctionDef): void {
    this.out += 'function ' + f.name + ' () \n';
    this.indent(this.indentation);
    this.out += '{ \n';
    this.insideFunctionDef++;
    this.indentation += this.indentAmount;
    const body = f.body;
    let funcRedirects: Redirect[] = [];
    if (body.type === 'Group') { funcRedirects = body.redirects; this.list(body.body.items); } else this.node(cmdNode(body));
    this.flushDeferred('');
    this.indentation -= this.indentAmount;
    this.insideFunctionDef--;
    if (funcRedirects.length) { this.newline('} '); this.redirectList(funcRedirects); } else this.newline('}');
  }

  redirectList(list: Redirect[]): void {
    const heredocs: Redirect[] = [];
    this.wasHeredoc = false;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (isHeredoc(r)) { this.out += heredocHeader(r); heredocs.push(r); } else this.out += redirectText(r);
      if (i + 1 < list.length) this.out += ' ';
    }
    if (heredocs.length && this.printingConnection) this.deferred = heredocs;
    else if (heredocs.length) this.heredocBodies(heredocs);
  }

  heredocBodies(list: Redirect[]): void {
    this.out += '\n';
    for (const r of list) this.out += heredocBody(r) + '\n';
    this.wasHeredoc = true;
  }

  /** bash's print_deferred_heredocs; `always` marks the call sites that are not PRINT_DEFERRED_HEREDOCS. */
  flushDeferred(cstring: string, always = false): void {
    if (!always && this.deferred.length === 0) return;
    const show = cstring !== '' && (cstring[0] !== ';' || cstring.length > 1);
    if (show) this.out += cstring;
    if (this.deferred.length) {
      this.heredocBodies(this.deferred);
      if (show) this.out += ' ';
      this.wasHeredoc = true;
    }
    this.deferred = [];
  }
}

function heredocDelim(r: Redirect): string {
  return literal(r.target) ?? printWord(r.target);
}

function heredocHeader(r: Redirect): string {
  const d = heredocDelim(r);
  return (r.fdVar ? '{' + r.fdVar + '}' : r.fd !== undefined && r.fd !== 0 ? String(r.fd) : '') +
    '<<' + (r.op === '<<-' ? '-' : '') + (r.heredoc?.quoted ? singleQuote(d) : d);
}

function heredocBody(r: Redirect): string {
  const body = r.heredoc?.body;
  const text = body ? (r.heredoc!.quoted ? body.parts.map((x) => (x.type === 'Literal' ? x.value : '')).join('') : partsText(body.parts, CTX_HEREDOC)) : '';
  return text + heredocDelim(r);
}

function redirectText(r: Redirect): string {
  const target = printWord(r.target);
  const v = r.fdVar ? '{' + r.fdVar + '}' : null;
  const fdOr = (def: number): string => v ?? (r.fd !== undefined && r.fd !== def ? String(r.fd) : '');
  switch (r.op) {
    case '<': return fdOr(0) + '< ' + target;
    case '>': return fdOr(1) + '> ' + target;
    case '>>': return fdOr(1) + '>> ' + target;
    case '>|': return fdOr(1) + '>| ' + target;
    case '<>': return (v ?? (r.fd !== undefined && r.fd !== 1 ? String(r.fd) : r.fd === undefined ? '0' : '')) + '<> ' + target;
    case '<<<': return fdOr(0) + '<<< ' + target;
    case '&>': return '&> ' + target;
    case '&>>': return '&>> ' + target;
    case '<&': case '>&': {
      const def = r.op === '<&' ? 0 : 1;
      const fd = v ?? String(r.fd ?? def);
      const lit = literal(r.target);
      if (lit === '-') return fd + '>&-';
      if (digits(r.target) !== null) return fd + r.op + lit;
      if (lit !== null && /^[0-9]+-$/.test(lit)) return fd + r.op + lit;
      if (v) return v + r.op + target;
      return (r.fd === undefined || r.fd === def ? '' : String(r.fd)) + r.op + target;
    }
    default: return '';
  }
}

// ---- entry points ----

/** The text bash keeps for a `$(…)` body (newline separators preserved). */
function printComsub(body: Script): string {
  const p = new Printer();
  p.printingComsub = true;
  p.list(body.items);
  p.flushDeferred('');
  return p.out;
}

/**
 * A command as bash prints it. A FunctionDef prints like `declare -f` / `type`
 * (`name () \n{ \n    body\n}`); other commands like bash's make_command_string.
 */
export function printCommand(cmd: Command, indent = 0): string {
  const p = new Printer();
  if (cmd.type !== 'FunctionDef') {
    p.indentation = indent;
    p.skip = 1;
    p.node(cmdNode(cmd));
    p.flushDeferred('');
    return p.out;
  }
  const name = cmd.name;
  if (RESERVED.has(name)) p.out += 'function ';
  p.out += name + ' () \n';
  p.indentation = indent + p.indentAmount;
  p.insideFunctionDef++;
  p.out += '{ \n';
  const body = cmd.body;
  let funcRedirects: Redirect[] = [];
  if (body.type === 'Group') { funcRedirects = body.redirects; p.list(body.body.items); } else p.node(cmdNode(body));
  p.flushDeferred('');
  p.indentation = indent;
  p.insideFunctionDef--;
  if (funcRedirects.length) { p.newline('} '); p.redirectList(funcRedirects); } else p.newline('}');
  return p.out;
}

/** A command list as bash prints it (make_command_string of the list). */
export function printScript(script: Script, indent = 0): string {
  const p = new Printer();
  p.indentation = indent;
  p.skip = 1;
  p.list(script.items);
  p.flushDeferred('');
  return p.out;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do',
  'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);
