// declare / typeset / local / export / readonly — bash's declare.def and setattr.def: attributes
// on and off, assignments (scalar, element, compound), and the `declare -p` / `set` listings.

import type { FunctionDef } from '../ast.ts';
import type { Shell, ShellVar, VarAttrs } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { utf8Locale } from './escapes.ts';
import { ARRAY_MARK, parseCompound, type CompoundElement } from './compound.ts';
import { ansicQuote, hasShellMetas, needsAnsiC, quoteAssocKey, quoteForDeclare as quoteValue } from '../quote.ts';
import { isName, parseOpts, singleQuote as sq, splitSubscript, writeOut } from './util.ts';
import { loadPrinter, printFunction } from './fnprint.ts';
import { attrLetters } from '../vars.ts';

type AttrKey = keyof VarAttrs;

/** Option letter → attribute, in the order bash prints them (a A f i n r t x c l u). */
const LETTERS: [string, AttrKey][] = [
  ['a', 'indexed'], ['A', 'assoc'], ['i', 'integer'], ['n', 'nameref'], ['r', 'readonly'], ['t', 'trace'],
  ['x', 'exported'], ['c', 'capitalize'], ['l', 'lower'], ['u', 'upper'],
];
const letterAttr = new Map(LETTERS);

/** Attributes of functions (export -f, readonly -f, declare -ft), which FunctionDef does not carry. */
export const functionAttrs = new WeakMap<FunctionDef, { exported?: boolean; readonly?: boolean; trace?: boolean }>();

/** ShellVariables' extension: lookup without following namerefs. */
type RawLookup = { lookup(name: string, opts?: { raw?: boolean }): ShellVar | undefined };

/** The record for name itself (a nameref is returned as the reference, not its target). */
export function rawVar(sh: Shell, name: string): ShellVar | undefined {
  const v = (sh.vars as RawLookup).lookup(name, { raw: true });
  if (v !== undefined && (v.attrs.nameref || v.name === name)) return v;
  // a store without raw lookups: rebuild the reference from where lookup landed
  const t = sh.vars.lookup(name);
  if (t && t.name !== name) return { name, value: t.name, attrs: { nameref: true } };
  return t;
}

function isAssoc(v: ShellVar): boolean {
  return !!v.attrs.assoc;
}
function isArray(v: ShellVar): boolean {
  return !!v.attrs.indexed || !!v.attrs.assoc || v.value instanceof Map;
}

/** `([0]="a" [1]="b")` / `([k]="v" )` as declare -p and set print arrays. */
function arrayBody(sh: Shell, v: ShellVar, utf8: boolean): string {
  const m = v.value as Map<number | string, string>;
  const keys = sh.vars.keys(v.name);
  const order = keys.length === m.size ? keys : [...m.keys()].map(String);
  if (order.length === 0) return '()';
  const get = (k: string): string => (isAssoc(v) ? m.get(k) : m.get(Number(k))) ?? (m.get(k) as string) ?? '';
  if (isAssoc(v)) return '(' + order.map(k => `[${quoteAssocKey(k, utf8)}]=${quoteValue(get(k), utf8)} `).join('') + ')';
  return '(' + order.map(k => `[${k}]=${quoteValue(get(k), utf8)}`).join(' ') + ')';
}

/** One `declare -p` line (without newline). */
export function declareLine(sh: Shell, v: ShellVar): string {
  const utf8 = utf8Locale(sh);
  const letters = attrLetters(v);
  let s = `declare -${letters || '-'} ${v.name}`;
  if (v.value === undefined) return s;
  if (v.value instanceof Map) return s + '=' + arrayBody(sh, v, utf8);
  if (v.attrs.indexed) return `${s}=([0]=${quoteValue(v.value, utf8)})`;
  if (v.attrs.assoc) return `${s}=([0]=${quoteValue(v.value, utf8)} )`;
  return s + '=' + quoteValue(v.value, utf8);
}

/** A `set` listing line: name=value with bash's print_var_value quoting; null for unset ones. */
export function setLine(sh: Shell, v: ShellVar): string | null {
  const utf8 = utf8Locale(sh);
  if (v.value === undefined) return null;
  if (v.value instanceof Map) return `${v.name}=${arrayBody(sh, v, utf8)}`;
  const val = v.value;
  if (needsAnsiC(val, utf8)) return `${v.name}=${ansicQuote(val, utf8)}`;
  if (hasShellMetas(val)) return `${v.name}=${sq(val)}`;
  return `${v.name}=${val}`;
}

/** Every variable in name order (namerefs as themselves). */
function allVars(sh: Shell): ShellVar[] {
  const out: ShellVar[] = [];
  for (const n of sh.vars.names()) {
    const v = rawVar(sh, n);
    if (v) out.push(v);
  }
  return out;
}

/** Function definitions as `declare -f` prints them. */
async function functionText(sh: Shell, name: string, fn: FunctionDef): Promise<string> {
  void sh;
  await loadPrinter();
  return printFunction(name, fn) + '\n';
}

function fnLetters(fn: FunctionDef): string {
  const a = functionAttrs.get(fn) ?? {};
  return 'f' + (a.readonly ? 'r' : '') + (a.trace ? 't' : '') + (a.exported ? 'x' : '');
}

/** Splits `name[sub]=value` / `name+=value`; null when there is no assignment. */
export function splitAssignment(arg: string): { name: string; index?: string; append: boolean; value: string } | null {
  let i = 0;
  while (i < arg.length && arg[i] !== '=' && arg[i] !== '[' && !(arg[i] === '+' && arg[i + 1] === '=')) i++;
  const name = arg.slice(0, i);
  let index: string | undefined;
  if (arg[i] === '[') {
    let depth = 0, j = i;
    for (; j < arg.length; j++) {
      if (arg[j] === '[') depth++;
      else if (arg[j] === ']' && --depth === 0) break;
    }
    if (j >= arg.length) return null;
    index = arg.slice(i + 1, j);
    i = j + 1;
  }
  if (arg[i] === '+' && arg[i + 1] === '=') return { name, index, append: true, value: arg.slice(i + 2) };
  if (arg[i] === '=') return { name, index, append: false, value: arg.slice(i + 1) };
  return null;
}

/** The variable name an argument declares (`name`, `name=v`, `name[i]=v`). */
function baseNameOf(arg: string): string {
  const a = arg.startsWith(ARRAY_MARK) ? arg.slice(1) : arg;
  const m = /^[^=[+]*/.exec(a);
  return m ? m[0] : a;
}

/** Performs a compound assignment of elements to name (indexed or associative). */
export function assignCompound(sh: Shell, name: string, elements: CompoundElement[], append: boolean, assoc: boolean): void {
  const vars = sh.vars;
  if (assoc) {
    const entries: [string, string][] = [];
    const loose: string[] = [];
    for (const e of elements) {
      if (e.key !== null) entries.push([e.key, e.value]);
      else loose.push(e.value);
    }
    for (let i = 0; i < loose.length; i += 2) entries.push([loose[i], loose[i + 1] ?? '']);
    vars.setAssoc(name, entries, append);
    return;
  }
  if (elements.every(e => e.key === null)) {
    vars.setArray(name, elements.map(e => e.value), append);
    return;
  }
  let next = 0n;
  if (append) {
    for (const k of vars.keys(name)) { const n = BigInt(k); if (n >= next) next = n + 1n; }
  } else vars.setArray(name, []);
  for (const e of elements) {
    let idx = next;
    if (e.key !== null) idx = sh.arith(e.key);
    vars.setElement(name, idx.toString(), e.value, e.append);
    next = idx + 1n;
  }
}

type Cmd = 'declare' | 'typeset' | 'local' | 'export' | 'readonly';

interface Flags { on: VarAttrs; off: VarAttrs; f: boolean; F: boolean; g: boolean; p: boolean }

async function listVars(sh: Shell, cmd: Cmd, filter: VarAttrs, plain: boolean): Promise<number> {
  let out = '';
  const keys = Object.keys(filter).filter(k => filter[k as AttrKey]) as AttrKey[];
  for (const v of allVars(sh)) {
    if (keys.some(k => !(k === 'indexed' ? v.attrs.indexed || (v.value instanceof Map && !v.attrs.assoc) : v.attrs[k]))) continue;
    if (plain) {
      const l = setLine(sh, v);
      if (l !== null) out += l + '\n';
    } else out += declareLine(sh, v) + '\n';
  }
  if (plain) {
    for (const name of [...sh.functions.keys()].sort()) out += await functionText(sh, name, sh.functions.get(name)!);
  }
  return writeOut(sh, cmd, out);
}

async function listFunctions(sh: Shell, cmd: Cmd, namesOnly: boolean, filter: { exported?: boolean; readonly?: boolean; trace?: boolean }): Promise<number> {
  let out = '';
  for (const name of [...sh.functions.keys()].sort()) {
    const fn = sh.functions.get(name)!;
    const a = functionAttrs.get(fn) ?? {};
    if ((filter.exported && !a.exported) || (filter.readonly && !a.readonly) || (filter.trace && !a.trace)) continue;
    out += await showFunction(sh, name, fn, namesOnly);
  }
  return writeOut(sh, cmd, out);
}

/** show_var_attributes for a function: the definition (unless nodefs), then `declare -fx name` when it has attributes. */
async function showFunction(sh: Shell, name: string, fn: FunctionDef, nodefs: boolean): Promise<string> {
  const letters = fnLetters(fn);
  if (nodefs) return `declare -${letters} ${name}\n`;
  const def = await functionText(sh, name, fn);
  return letters === 'f' ? def : `${def}declare -${letters} ${name}\n`;
}

/** Applies one `name[=value]` argument. Returns 0 or 1 (message printed). */
/** ShellVariables' declare: also `global` (declare -g) and an initial `value` in the chosen scope. */
type ScopedDeclare = (name: string, attrs: VarAttrs, opts?: { local?: boolean; global?: boolean; remove?: VarAttrs; value?: string }) => ShellVar;

/** Where a declaration takes effect: a new local, the global scope (-g), or the visible variable. */
type Scope = 'local' | 'global' | 'visible';

async function declareOne(sh: Shell, cmd: Cmd, arg: string, fl: Flags, scope: Scope): Promise<number> {
  const local = scope === 'local';
  const global = scope === 'global';
  const vdeclare = sh.vars.declare.bind(sh.vars) as ScopedDeclare;
  const isLocal = (sh.vars as { isLocal?(n: string): boolean }).isLocal?.bind(sh.vars);
  // declare -g under a local of the same name: the global record is not the visible one
  const shadowed = global && !!isLocal?.(baseNameOf(arg));
  let marked = false;
  if (arg.startsWith(ARRAY_MARK)) { marked = true; arg = arg.slice(1); }
  const asg = splitAssignment(arg);
  const name = asg ? asg.name : arg;
  const sub = asg ? undefined : splitSubscript(arg);
  const baseName = sub ? sub.name : name;
  if (!isName(baseName)) {
    await sh.error(`${cmd}: \`${arg}': not a valid identifier`);
    return 1;
  }
  const on = { ...fl.on };
  const off = fl.off;
  if (on.nameref && asg && asg.value !== '' && !isName(asg.value) && !splitSubscript(asg.value)) {
    await sh.error(`${cmd}: \`${asg.value}': invalid variable name for name reference`);
    return 1;
  }
  if (on.nameref && asg && asg.value === name) {
    await sh.error(`${cmd}: ${name}: nameref variable self references not allowed`);
    return 1;
  }
  const existing = sh.vars.lookup(baseName);
  const readonlyErr = async (): Promise<number> => {
    await sh.error(`${cmd}: ${baseName}: readonly variable`);
    return 1;
  };
  if (existing?.attrs.readonly) {
    if (asg || off.readonly) return readonlyErr();
    if ((on.indexed && !isArray(existing)) || (on.assoc && !isAssoc(existing)) || (on.integer && !existing.attrs.integer) ||
      (on.nameref && !existing.attrs.nameref)) return readonlyErr();
  }
  if (existing && !local && !shadowed) {
    if (on.assoc && !isAssoc(existing) && isArray(existing)) {
      await sh.error(`${cmd}: ${baseName}: cannot convert indexed to associative array`);
      return 1;
    }
    if (on.indexed && isAssoc(existing)) {
      await sh.error(`${cmd}: ${baseName}: cannot convert associative to indexed array`);
      return 1;
    }
  }
  if (asg?.index !== undefined && marked) {
    await sh.error(`${name}[${asg.index}]: cannot assign list to array member`);
    return 1;
  }
  // -l and -u cancel each other; -u/-l/-c replace the other case attributes
  if (on.lower && on.upper) { delete on.lower; delete on.upper; }
  const remove: VarAttrs = { ...off };
  if (on.upper) { remove.lower = true; remove.capitalize = true; }
  if (on.lower) { remove.upper = true; remove.capitalize = true; }
  if (on.capitalize) { remove.upper = true; remove.lower = true; }
  const setReadonly = !!on.readonly;
  delete on.readonly;
  if (asg?.index !== undefined || sub) on.indexed = on.indexed || !(existing && isAssoc(existing)) && !on.assoc;
  try {
    vdeclare(baseName, on, { local, global, remove });
    if (asg && shadowed && asg.index === undefined && !marked && !asg.append) {
      vdeclare(baseName, {}, { global: true, value: asg.value });
    } else if (asg) {
      const v = sh.vars.lookup(baseName);
      if (asg.index !== undefined) {
        const key = v && isAssoc(v) ? asg.index : sh.arith(asg.index).toString();
        sh.vars.setElement(baseName, key, asg.value, asg.append);
      } else {
        const arrayTarget = v !== undefined && isArray(v);
        const compound = marked || (arrayTarget && asg.value.length >= 2 && asg.value[0] === '(' && asg.value[asg.value.length - 1] === ')');
        if (compound) {
          const inner = asg.value.slice(1, -1);
          assignCompound(sh, baseName, parseCompound(inner), asg.append, v !== undefined && isAssoc(v));
        } else if (arrayTarget) sh.vars.setElement(baseName, '0', asg.value, asg.append);
        else if (asg.append) sh.vars.append(baseName, asg.value);
        else sh.vars.set(baseName, asg.value);
      }
    }
    if (setReadonly) vdeclare(baseName, { readonly: true }, { local, global });
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) {
      await sh.error(/^\S+: /.test(e.message) && !e.message.startsWith(baseName) ? e.message : `${cmd}: ${e.message}`);
      return 1;
    }
    throw e;
  }
  return 0;
}

async function functionsOp(sh: Shell, cmd: Cmd, names: string[], fl: Flags): Promise<number> {
  let status = 0;
  const setsAttrs = fl.on.exported || fl.on.readonly || fl.on.trace || fl.off.exported || fl.off.readonly || fl.off.trace;
  let out = '';
  for (const name of names) {
    const fn = sh.functions.get(name);
    if (!fn) {
      if (cmd === 'export' || cmd === 'readonly') await sh.error(`${cmd}: ${name}: not a function`);
      status = 1;
      continue;
    }
    if (setsAttrs && !fl.p) {
      const a = { ...(functionAttrs.get(fn) ?? {}) };
      for (const k of ['exported', 'readonly', 'trace'] as const) {
        if (fl.on[k]) a[k] = true;
        if (fl.off[k]) delete a[k];
      }
      functionAttrs.set(fn, a);
      continue;
    }
    if (fl.p) out += await showFunction(sh, name, fn, fl.F);
    else out += fl.F ? `${name}\n` : await functionText(sh, name, fn);
  }
  const w = await writeOut(sh, cmd, out);
  return w || status;
}

const SPECS: Record<Cmd, string> = {
  declare: 'aAcfFgiIlnprtux', typeset: 'aAcfFgiIlnprtux', local: 'aAcfFgiIlnprtux', export: 'fnp', readonly: 'aAfp',
};

async function run(sh: Shell, cmd: Cmd, args: string[]): Promise<number> {
  if (cmd === 'local' && !sh.vars.inFunction()) {
    await sh.error('local: can only be used in a function');
    return 1;
  }
  const parsed = await parseOpts(sh, cmd, args, SPECS[cmd], { plus: cmd !== 'export' && cmd !== 'readonly' });
  if (typeof parsed === 'number') return parsed;
  const fl: Flags = { on: {}, off: {}, f: false, F: false, g: false, p: false };
  let unexport = false;
  for (const o of parsed.opts) {
    const attr = letterAttr.get(o.opt);
    if (attr && !(cmd === 'export' && o.opt === 'n')) {
      if (o.plus) { fl.off[attr] = true; delete fl.on[attr]; } else { fl.on[attr] = true; delete fl.off[attr]; }
      continue;
    }
    switch (o.opt) {
      case 'f': fl.f = true; break;
      case 'F': fl.F = true; fl.f = true; break;
      case 'g': fl.g = true; break;
      case 'p': fl.p = true; break;
      case 'n': unexport = true; break;
      case 'I': break;
    }
  }
  if (cmd === 'export') {
    if (unexport) fl.off.exported = true; else fl.on.exported = true;
  } else if (cmd === 'readonly') fl.on.readonly = true;
  const names = parsed.rest;

  if (names.length === 0 || (fl.p && cmd !== 'export' && cmd !== 'readonly')) {
    if (names.length === 0) {
      if (fl.f) return listFunctions(sh, cmd, fl.F, fl.on);
      if (cmd === 'export' || cmd === 'readonly') {
        if (unexport && names.length === 0) return listVars(sh, cmd, { exported: true }, false);
        return listVars(sh, cmd, fl.on, false);
      }
      const anyAttr = Object.keys(fl.on).length > 0 || Object.keys(fl.off).length > 0;
      if (cmd === 'local' && !anyAttr) return listLocals(sh);
      return listVars(sh, cmd, fl.on, !anyAttr && !fl.p);
    }
    // -p name…
    if (fl.f) return functionsOp(sh, cmd, names, fl);
    let status = 0;
    let out = '';
    for (const n of names) {
      const v = rawVar(sh, n);
      if (!v) {
        if (out) { const w = await writeOut(sh, cmd, out); if (w) return w; out = ''; }
        await sh.error(`${cmd}: ${n}: not found`);
        status = 1;
        continue;
      }
      out += declareLine(sh, v) + '\n';
    }
    const w = await writeOut(sh, cmd, out);
    return w || status;
  }
  if (fl.p && (cmd === 'export' || cmd === 'readonly')) {
    // `export -p name` prints nothing in bash; it is the listing only without names
  }
  if (fl.f) return functionsOp(sh, cmd, names, fl);

  if (cmd === 'local' && names.includes('-')) saveLocalOptions(sh);
  const decl = cmd === 'declare' || cmd === 'typeset';
  const scope: Scope = cmd === 'local' || (decl && !fl.g && sh.vars.inFunction()) ? 'local'
    : decl && fl.g && sh.vars.inFunction() ? 'global' : 'visible';
  let status = 0;
  for (const a of names) {
    if (a === '-' && cmd === 'local') continue;
    if (await declareOne(sh, cmd, a, fl, scope)) status = 1;
  }
  return status;
}

/** `local -`: the set options saved per function call depth, restored when the function returns. */
const localOptions = new WeakMap<Shell, Map<number, Set<string>>>();

function callDepth(sh: Shell): number {
  return (sh.vars as { scopeDepth?: number }).scopeDepth ?? sh.funcStack.length;
}

function saveLocalOptions(sh: Shell): void {
  let m = localOptions.get(sh);
  if (!m) { m = new Map(); localOptions.set(sh, m); }
  const d = callDepth(sh);
  if (!m.has(d)) m.set(d, new Set(sh.setOptions));
}

/**
 * For the interpreter: call when a function returns (before its scope is popped). Restores the
 * `set` options saved by `local -` in that call, as bash does.
 */
export function restoreLocalOptions(sh: Shell): void {
  const m = localOptions.get(sh);
  if (!m || m.size === 0) return;
  const d = callDepth(sh);
  const saved = m.get(d);
  if (!saved) return;
  m.delete(d);
  sh.setOptions.clear();
  for (const o of saved) sh.setOptions.add(o);
}

/** `local` / `local -p` with no names: the current function's locals, declare -p style. */
async function listLocals(sh: Shell): Promise<number> {
  const vars = sh.vars as typeof sh.vars & { isLocal?(name: string): boolean };
  if (!vars.isLocal) return 0;
  let out = localOptions.get(sh)?.has(callDepth(sh)) ? 'local -\n' : '';
  for (const n of sh.vars.names()) {
    if (!vars.isLocal(n)) continue;
    const v = rawVar(sh, n);
    if (v) out += declareLine(sh, v) + '\n';
  }
  return writeOut(sh, 'local', out);
}

export const declare = (sh: Shell, args: string[]): Promise<number> => run(sh, 'declare', args);
export const typeset = (sh: Shell, args: string[]): Promise<number> => run(sh, 'typeset', args);
export const local = (sh: Shell, args: string[]): Promise<number> => run(sh, 'local', args);
export const exportBuiltin = (sh: Shell, args: string[]): Promise<number> => run(sh, 'export', args);
export const readonlyBuiltin = (sh: Shell, args: string[]): Promise<number> => run(sh, 'readonly', args);
