// Simple commands: expansion (words, then assignments, then redirections, as bash orders
// them), command lookup (function → builtin → PATH/hash), prefix assignments, xtrace, and
// running functions, builtins and external programs.

import type { Assignment, FunctionDef, Redirect, SimpleCommand, Word } from './ast.ts';
import type { Builtin, ShellVar } from './contracts.ts';
import { ShellError } from './contracts.ts';
import type { Interp } from './interp.ts';
import { KernelError, strerror } from '../errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG } from '../types.ts';
import { AbortCommand, ExitShell, ReturnFromFunction } from './control.ts';
import { applyRedirects, restoreRedirects } from './redirect.ts';
import { xtraceLine, xtraceQuote, xtraceWords, isUtf8 } from './xtrace.ts';
import { coreBuiltins } from './builtins-core.ts';
import { builtins } from './builtins/index.ts';
import { ARRAY_MARK, arrayAssignmentArg, type CompoundElement } from './builtins/compound.ts';
import { wordSource } from './wordsrc.ts';
import { commandText } from './cmdtext.ts';
import { expandAssignmentValue } from './expand.ts';
import { restoreLocalOptions } from './builtins/declare.ts';
import { restoreGetopts, saveGetopts } from './builtins/getopts.ts';

const X_OK = 1;
const R_OK = 4;

/** POSIX special builtins: found before functions and keep prefix assignments in posix mode. */
export const specialBuiltins = new Set([
  'break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift',
  'source', 'times', 'trap', 'unset',
]);

/** A builtin by name (core first), unless disabled with `enable -n`. */
export function lookupBuiltin(sh: Interp, name: string): Builtin | undefined {
  const b = coreBuiltins.get(name) ?? builtins.get(name);
  if (b === undefined) return undefined;
  if (sh.disabledBuiltins?.has(name)) return undefined;
  return b;
}

/** PATH search with the shell's PATH (executable regular files; readable ones for `source`). */
export function findInPath(sh: Interp, name: string, pathVar?: string, readable = false): string | null {
  if (name.includes('/')) return null;
  const path = pathVar ?? sh.vars.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin';
  for (const dir of path.split(':')) {
    const cand = dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`;
    try {
      if (!sh.proc.access(cand, readable ? R_OK : X_OK)) continue;
      if ((sh.proc.stat(cand).mode & S_IFMT) === S_IFREG) return cand;
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
    }
  }
  return null;
}

/** Hash-table aware lookup of an external command. */
export function hashedPath(sh: Interp, name: string, pathVar?: string): string | null {
  if (pathVar === undefined) {
    const hit = sh.hashTable.get(name);
    if (hit !== undefined) return hit;
  }
  const p = findInPath(sh, name, pathVar);
  if (p !== null && pathVar === undefined && sh.setOptions.has('hashall')) sh.hashTable.set(name, p);
  return p;
}

/** The subscript of `name[sub]`: arithmetic for indexed arrays, a string for associative ones. */
export async function indexKey(sh: Interp, name: string, index: Word): Promise<string> {
  const text = await sh.expandWord(index);
  if (sh.vars.lookup(name)?.attrs.assoc) return text;
  return String(sh.arith(text));
}

/** Expands and performs one assignment (traced with set -x after expansion, before the store). */
export async function assign(sh: Interp, a: Assignment): Promise<void> {
  const vars = sh.vars;
  if (a.array) {
    if (sh.setOptions.has('xtrace')) await traceArray(sh, a);
    if (a.index) throw new ShellError(`${a.name}[${wordSource(a.index)}]: cannot assign list to array member`, 1);
    if (vars.lookup(a.name)?.attrs.assoc) {
      const entries: [string, string][] = [];
      const loose: string[] = [];
      for (const el of a.array) {
        if (el.index) entries.push([await sh.expandWord(el.index), await sh.expandWord(el.value)]);
        else loose.push(...await sh.expandWords([el.value]));
      }
      for (let i = 0; i < loose.length; i += 2) entries.push([loose[i]!, loose[i + 1] ?? '']);
      vars.setAssoc(a.name, entries, a.append);
      return;
    }
    if (a.array.every((el) => el.index === null)) {
      const values: string[] = [];
      for (const el of a.array) values.push(...await sh.expandWords([el.value]));
      vars.setArray(a.name, values, a.append);
      return;
    }
    let next = 0;
    if (a.append) for (const k of vars.keys(a.name)) next = Math.max(next, Number(k) + 1);
    else vars.setArray(a.name, []);
    for (const el of a.array) {
      if (el.index) {
        const key = await indexKey(sh, a.name, el.index);
        vars.setElement(a.name, key, await sh.expandWord(el.value));
        next = Number(key) + 1;
      } else {
        for (const val of await sh.expandWords([el.value])) vars.setElement(a.name, String(next++), val);
      }
    }
    return;
  }
  const value = a.value ? await expandAssignmentValue(sh, a.value) : '';
  const sub = a.index ? await sh.expandWord(a.index) : undefined;
  const key = sub === undefined ? undefined : sh.vars.lookup(a.name)?.attrs.assoc ? sub : String(sh.arith(sub));
  if (sh.setOptions.has('xtrace')) {
    const name = a.index ? `${a.name}[${sub}]` : a.name;
    await xtraceLine(sh, `${name}${a.append ? '+=' : '='}${xtraceQuote(value, isUtf8(sh))}`);
  }
  if (key !== undefined) vars.setElement(a.name, key, value, a.append);
  else if (a.append) vars.append(a.name, value);
  else vars.set(a.name, value);
}

async function traceArray(sh: Interp, a: Assignment): Promise<void> {
  const items = a.array!.map((el) => (el.index ? `[${wordSource(el.index)}]=` : '') + wordSource(el.value));
  await xtraceLine(sh, `${a.name}${a.append ? '+=' : '='}(${items.join(' ')})`);
}

// ---- temporary (prefix) assignments: `x=1 cmd` ----

interface SavedVar { name: string; rec: ShellVar | undefined }

function copyVar(v: ShellVar | undefined): ShellVar | undefined {
  if (v === undefined) return undefined;
  const value = v.value instanceof Map ? new Map(v.value as Map<string, string>) : v.value;
  return { name: v.name, value: value as ShellVar['value'], attrs: { ...v.attrs } };
}

/**
 * Performs prefix assignments (exported for the command), returning what to restore. Expansion
 * errors propagate (they abandon the command line); a refused store (readonly) is only reported.
 */
async function tempAssign(sh: Interp, assigns: Assignment[], saved: SavedVar[]): Promise<void> {
  for (const a of assigns) {
    if (!saved.some((s) => s.name === a.name)) saved.push({ name: a.name, rec: copyVar(sh.vars.lookup(a.name)) });
    if (a.array || a.index) {
      await assign(sh, a);
    } else {
      const value = a.value ? await expandAssignmentValue(sh, a.value) : '';
      if (sh.setOptions.has('xtrace')) await xtraceLine(sh, `${a.name}${a.append ? '+=' : '='}${xtraceQuote(value, isUtf8(sh))}`);
      try {
        if (a.append) sh.vars.append(a.name, value);
        else sh.vars.set(a.name, value);
      } catch (e) {
        if (!(e instanceof ShellError)) throw e;
        if (e.message) await sh.error(e.message);
        continue;
      }
    }
    try {
      sh.vars.declare(a.name, { exported: true });
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
    }
  }
}

function restoreTemp(sh: Interp, saved: SavedVar[]): void {
  const vars = sh.vars;
  for (let i = saved.length - 1; i >= 0; i--) {
    const { name, rec } = saved[i]!;
    try {
      const cur = vars.lookup(name);
      if (cur?.attrs.readonly && !rec?.attrs.readonly) continue;
      if (rec === undefined) { vars.unset(name); continue; }
      if (cur !== undefined && !rec.attrs.exported && cur.attrs.exported) vars.declare(name, {}, { remove: { exported: true } });
      const v = rec.value;
      if (v === undefined) continue;
      if (typeof v === 'string') {
        if (cur?.value instanceof Map) vars.unset(name);
        vars.set(name, v);
        if (rec.attrs.exported) vars.declare(name, { exported: true });
      } else if (rec.attrs.assoc) vars.setAssoc(name, [...(v as Map<string, string>)]);
      else {
        vars.setArray(name, []);
        for (const [k, val] of v as Map<number, string>) vars.setElement(name, String(k), val);
      }
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
    }
  }
}

/** The DEBUG trap before a command (not inside traps, not in functions unless functrace). */
export async function debugTrap(sh: Interp): Promise<void> {
  if (sh.inTrap !== 0 || !sh.traps.has('DEBUG')) return;
  if (sh.funcDepth > 0 && !sh.setOptions.has('functrace')) return;
  await sh.runTrap('DEBUG', sh.lastStatus);
}

/** Expands argv: declaration-builtin words `name=(…)` become the marked arguments declare reads. */
async function expandArgv(sh: Interp, words: Word[]): Promise<string[]> {
  let plain = true;
  for (const w of words) if (w.assignment?.array) { plain = false; break; }
  if (plain) return sh.expandWords(words);
  const out: string[] = [];
  let run: Word[] = [];
  for (const w of words) {
    const a = w.assignment;
    if (!a?.array) { run.push(w); continue; }
    if (run.length) { out.push(...await sh.expandWords(run)); run = []; }
    const els: CompoundElement[] = [];
    for (const el of a.array) {
      if (el.index) els.push({ key: await sh.expandWord(el.index), value: await sh.expandWord(el.value) });
      else for (const v of await sh.expandWords([el.value])) els.push({ key: null, value: v });
    }
    out.push(arrayAssignmentArg(a.name, els, a.append));
  }
  if (run.length) out.push(...await sh.expandWords(run));
  return out;
}

export async function execSimple(sh: Interp, cmd: SimpleCommand): Promise<number> {
  sh.lineno = cmd.line;
  const execLast = sh.execLast;
  sh.execLast = false;
  if (sh.inTrap === 0) sh.currentCommand = cmd;
  if (sh.traps.size !== 0) await debugTrap(sh);
  let argv: string[];
  sh.cmdSubStatus = -1;
  try {
    argv = cmd.words.length === 0 ? [] : await expandArgv(sh, cmd.words);
  } catch (e) {
    return done(sh, await sh.expansionFailed(e));
  }
  if (argv.length === 0) return assignmentsOnly(sh, cmd);
  const name = argv[0]!;
  const posix = sh.setOptions.has('posix');
  let fn: FunctionDef | undefined;
  let builtin: Builtin | undefined;
  if (posix && specialBuiltins.has(name)) builtin = lookupBuiltin(sh, name);
  if (!builtin) fn = sh.functions.get(name);
  if (!fn && !builtin) builtin = lookupBuiltin(sh, name);

  const assigns = cmd.assignments;
  const persistent = posix && builtin !== undefined && specialBuiltins.has(name);
  let saved: SavedVar[] | null = null;
  let st: number;
  try {
    if (assigns.length !== 0) {
      if (persistent) {
        for (const a of assigns) await assign(sh, a);
      } else await tempAssign(sh, assigns, saved = []);
    }
    if (sh.setOptions.has('xtrace')) await xtraceWords(sh, argv);
    if (fn) st = await withRedirects(sh, cmd.redirects, () => callFunction(sh, fn, argv));
    else if (builtin) {
      if (builtin === coreBuiltins.get('exec') && cmd.redirects.length !== 0) {
        // exec's redirections are permanent (with or without a command)
        if ((await applyRedirects(sh, cmd.redirects, true)) === null) {
          st = 1;
          if (!sh.interactive && argv.length === 1 && posix) throw new ExitShell(1);
        } else st = await runBuiltin(sh, builtin, argv);
      } else st = await withRedirects(sh, cmd.redirects, () => runBuiltin(sh, builtin, argv));
    } else {
      const pathVar = saved?.some((s) => s.name === 'PATH') ? sh.vars.get('PATH') : undefined;
      st = await runExternal(sh, argv, cmd.redirects, sh.vars.environ(), pathVar, execLast);
    }
  } catch (e) {
    if (saved) restoreTemp(sh, saved);
    saved = null;
    if (e instanceof ShellError) return done(sh, await sh.expansionFailed(e));
    throw e;
  } finally {
    if (saved) restoreTemp(sh, saved);
  }
  let last = argv[argv.length - 1]!;
  if (last.startsWith(ARRAY_MARK)) last = /^\0([^=+]*)/.exec(last)![1]!;
  try { sh.vars.set('_', last); } catch (e) { if (!(e instanceof ShellError)) throw e; }
  return done(sh, st);
}

/** Records PIPESTATUS and runs the ERR trap / set -e for a failed command. */
async function done(sh: Interp, st: number): Promise<number> {
  sh.pipeStatus = [st];
  if (st !== 0) await sh.failed(st);
  return st;
}

/** `a=1 b=2` or `> file` alone, or a command whose words expanded to nothing. */
async function assignmentsOnly(sh: Interp, cmd: SimpleCommand): Promise<number> {
  try {
    for (const a of cmd.assignments) await assign(sh, a);
  } catch (e) {
    return done(sh, await sh.expansionFailed(e));
  }
  let st = sh.cmdSubStatus >= 0 ? sh.cmdSubStatus : 0;
  if (cmd.redirects.length !== 0) {
    const s = await applyRedirects(sh, cmd.redirects);
    if (s === null) st = 1;
    else restoreRedirects(sh, s);
  }
  return done(sh, st);
}

/** Applies redirections on the shell's own fds around fn, restoring them afterwards. */
export async function withRedirects(sh: Interp, redirects: Redirect[], fn: () => Promise<number>): Promise<number> {
  if (redirects.length === 0) return fn();
  const saved = await applyRedirects(sh, redirects);
  if (saved === null) return 1;
  try {
    return await fn();
  } finally {
    restoreRedirects(sh, saved);
  }
}

export async function runBuiltin(sh: Interp, builtin: Builtin, argv: string[]): Promise<number> {
  try {
    return await builtin(sh, argv.slice(1));
  } catch (e) {
    if (e instanceof KernelError && e.code === 'EPIPE') return 1;
    return sh.reportError(e);
  }
}

/** bash's function call: positional parameters, local scope, FUNCNAME, `return`, RETURN trap. */
export async function callFunction(sh: Interp, fn: FunctionDef, argv: string[]): Promise<number> {
  const limit = sh.proc.kernel.limits.shellDepth;
  if (sh.funcDepth >= limit) {
    await sh.error(`${fn.name}: maximum function nesting level exceeded (${limit})`);
    throw sh.interactive ? new AbortCommand(1) : new ExitShell(1);
  }
  const savedPos = sh.positional;
  const savedLoop = sh.loopDepth;
  const savedLine = sh.lineno;
  sh.positional = argv.slice(1);
  sh.pushFrame({ func: fn.name, source: sh.functionSources.get(fn) ?? '', callLine: sh.lineno });
  const getoptsState = saveGetopts(sh);
  sh.vars.pushScope();
  sh.depth++;
  sh.funcDepth++;
  sh.loopDepth = 0;
  let st: number;
  try {
    st = await sh.execute(fn.body);
  } catch (e) {
    if (!(e instanceof ReturnFromFunction)) throw e;
    st = e.status;
  } finally {
    restoreLocalOptions(sh);
    const localOptind = (sh.vars as typeof sh.vars & { isLocal?(n: string): boolean }).isLocal?.('OPTIND') === true;
    sh.vars.popScope();
    if (localOptind) restoreGetopts(sh, getoptsState);
    sh.depth--;
    sh.funcDepth--;
    sh.popFrame();
    sh.positional = savedPos;
    sh.loopDepth = savedLoop;
    sh.lineno = savedLine;
  }
  if (sh.traps.has('RETURN') && sh.inTrap === 0) {
    sh.lastStatus = st;
    await sh.runTrap('RETURN', st);
  }
  return st;
}

/** Runs argv with command/builtin semantics (no assignments, no redirections). */
export async function runArgv(sh: Interp, argv: string[], opts: { noFunctions?: boolean; builtinOnly?: boolean; exec?: boolean; pathVar?: string } = {}): Promise<number> {
  if (argv.length === 0) return 0;
  const name = argv[0]!;
  if (opts.exec) return runExternalExec(sh, argv, argv, sh.vars.environ());
  if (!opts.noFunctions && !opts.builtinOnly) {
    const fn = sh.functions.get(name);
    if (fn) return callFunction(sh, fn, argv);
  }
  const b = lookupBuiltin(sh, name);
  if (b) return runBuiltin(sh, b, argv);
  if (opts.builtinOnly) {
    await sh.error(`builtin: ${name}: not a shell builtin`);
    return 1;
  }
  return runExternal(sh, argv, [], sh.vars.environ(), opts.pathVar);
}

/** "command not found" and friends: prints bash's message, returns 126/127. */
async function notRunnable(sh: Interp, name: string, e: KernelError | null, path: string | null, prefix = ''): Promise<number> {
  if (e === null) {
    const handler = sh.functions.get('command_not_found_handle');
    if (handler && !prefix && sh.inTrap === 0 && !sh.inNotFoundHandler) {
      sh.inNotFoundHandler = true;
      try {
        return await callFunction(sh, handler, ['command_not_found_handle', ...sh.notFoundArgv]);
      } finally {
        sh.inNotFoundHandler = false;
      }
    }
    await sh.error(`${prefix}${name}: ${prefix ? 'not found' : 'command not found'}`);
    return 127;
  }
  const target = path ?? name;
  if (e.code === 'ENOENT') {
    try {
      const head = sh.proc.readFile(target).subarray(0, 256);
      if (head[0] === 0x23 && head[1] === 0x21) {
        let end = head.indexOf(10);
        if (end < 0) end = head.length;
        const interp = new TextDecoder().decode(head.subarray(2, end)).trim().split(/[ \t]+/)[0] ?? '';
        await sh.error(`${prefix}${name}: ${interp}: bad interpreter: No such file or directory`);
        return 126;
      }
    } catch (err) {
      if (!(err instanceof KernelError)) throw err;
    }
    await sh.error(`${prefix}${name}: No such file or directory`);
    return 127;
  }
  if (e.code === 'EACCES') {
    try {
      if ((sh.proc.stat(target).mode & S_IFMT) === S_IFDIR) {
        await sh.error(`${prefix}${name}: Is a directory`);
        return 126;
      }
    } catch (err) {
      if (!(err instanceof KernelError)) throw err;
    }
    await sh.error(`${prefix}${name}: Permission denied`);
    return 126;
  }
  if (e.code === 'EAGAIN' || e.code === 'ENOMEM') {
    await sh.error(`fork: ${strerror(e.errno)}`);
    return 254;
  }
  await sh.error(`${prefix}${name}: ${strerror(e.errno)}`);
  return 126;
}

/**
 * Spawns an external program with redirections applied and waits for it. With `replace` (the
 * last command of a subshell without traps) the subshell's process becomes the program.
 */
export async function runExternal(
  sh: Interp, argv: string[], redirects: Redirect[], env: Record<string, string>, pathVar?: string, replace = false,
): Promise<number> {
  const name = argv[0]!;
  const saved = redirects.length !== 0 ? await applyRedirects(sh, redirects) : undefined;
  if (saved === null) return 1;
  let pid: number;
  try {
    // bash looks the command up in the child, after the redirections
    const path = name.includes('/') ? name : hashedPath(sh, name, pathVar);
    if (path === null) {
      sh.notFoundArgv = argv;
      return await notRunnable(sh, name, null, null);
    }
    if (replace && sh.traps.size === 0) {
      try {
        await sh.proc.exec({ argv, path, env });
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        if (e.code === 'ENOEXEC') return await sh.runScriptFile(path, argv, env, true);
        return await notRunnable(sh, name, e, path);
      }
    }
    try {
      pid = sh.jobControl.spawnForeground({ argv, path, env });
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      if (e.code === 'ENOEXEC') return await sh.runScriptFile(path, argv, env, false);
      return await notRunnable(sh, name, e, path);
    }
  } finally {
    if (saved) restoreRedirects(sh, saved);
  }
  const node = sh.currentCommand;
  return sh.jobControl.waitForeground([pid], () => (node ? commandText(node) : argv.join(' ')));
}

/** `exec cmd args`: replaces the shell process (returns only on failure). */
export async function runExternalExec(sh: Interp, argv: string[], shown: string[], env: Record<string, string>): Promise<number> {
  const name = argv[0]!;
  const path = name.includes('/') ? name : hashedPath(sh, name);
  if (path === null) return notRunnable(sh, name, null, null, 'exec: ');
  try {
    return await sh.proc.exec({ argv: shown, path, env });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    if (e.code === 'ENOEXEC') return sh.runScriptFile(path, shown, env, true);
    return notRunnable(sh, name, e, path, 'exec: ');
  }
}
