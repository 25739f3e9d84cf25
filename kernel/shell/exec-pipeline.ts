// Everything that forks: pipelines (every stage a real process, connected by kernel pipes,
// all running concurrently), ( … ) subshells, background jobs, $( … ) and <( … ) / >( … ).
// A forked subshell is a *closure program*: proc.spawn({ program }) whose run() builds an
// Interp from a snapshot of this one (taken synchronously, at spawn time) and runs the node.

import type { Command, FunctionDef, Pipeline, Script, SimpleCommand, Subshell, Word, WordPart } from './ast.ts';
import type { Variables } from './contracts.ts';
import { ShellError } from './contracts.ts';
import { Interp, type Frame } from './interp.ts';
import type { Proc, Program, SpawnOptions } from '../types.ts';
import { O_RDONLY, Signal } from '../types.ts';
import { KernelError, strerror } from '../errno.ts';
import { AbortCommand, BreakLoop, ContinueLoop, ExitShell, ReturnFromFunction } from './control.ts';
import { withRedirects, hashedPath, assign, lookupBuiltin } from './exec-simple.ts';
import { applyRedirects, restoreRedirects } from './redirect.ts';
import { xtraceWords } from './xtrace.ts';
import { commandText } from './cmdtext.ts';
import { timeCommand } from './timing.ts';

const decoder = new TextDecoder();

/** What a subshell copies from its parent (variables deep-copied, traps reset as bash does). */
export interface ForkState {
  vars: Variables; positional: string[]; scriptName: string; functions: Map<string, FunctionDef>;
  aliases: Map<string, string>; setOptions: Set<string>; shoptOptions: Set<string>; traps: Map<string, string>;
  dirStack: string[]; hashTable: Map<string, string>; rootPid: number; subshell: number; xtraceLevel: number;
  errexitIgnore: number; depth: number; funcDepth: number; frames: Frame[]; inputName: string; dashFlags: string;
  lastStatus: number; lastBackgroundPid: number | null; pipeStatus: number[]; lineno: number; startMs: number; secondsBase: number;
  loopDepth: number; disabledBuiltins: Set<string> | undefined; functionSources: WeakMap<FunctionDef, string>;
  /** The parent's traps as `trap -p` lists them in the subshell. */
  parentTraps: Map<string, string> | null;
}

export function forkState(sh: Interp): ForkState {
  const traps = new Map<string, string>();
  for (const [k, v] of sh.traps) {
    if (v === '' && k !== 'EXIT' && k !== 'ERR' && k !== 'DEBUG' && k !== 'RETURN') traps.set(k, v);
    else if (k === 'ERR' && sh.setOptions.has('errtrace')) traps.set(k, v);
    else if ((k === 'DEBUG' || k === 'RETURN') && sh.setOptions.has('functrace')) traps.set(k, v);
  }
  return {
    vars: sh.vars.clone(), positional: sh.positional.slice(), scriptName: sh.scriptName,
    functions: new Map(sh.functions), aliases: new Map(sh.aliases), setOptions: new Set(sh.setOptions),
    shoptOptions: new Set(sh.shoptOptions), traps, dirStack: sh.dirStack.slice(), hashTable: new Map(sh.hashTable),
    rootPid: sh.rootPid, subshell: sh.subshell, xtraceLevel: sh.xtraceLevel, errexitIgnore: sh.errexitIgnore,
    depth: sh.depth, funcDepth: sh.funcDepth, frames: sh.frames.map((f) => ({ ...f })), inputName: sh.inputName,
    dashFlags: sh.dashFlags, lastStatus: sh.lastStatus, lastBackgroundPid: sh.lastBackgroundPid,
    pipeStatus: sh.pipeStatus.slice(), lineno: sh.lineno, startMs: sh.startMs, secondsBase: sh.secondsBase, loopDepth: sh.loopDepth,
    disabledBuiltins: sh.disabledBuiltins ? new Set(sh.disabledBuiltins) : undefined,
    functionSources: sh.functionSources,
    parentTraps: (sh.displayTraps ?? sh.traps).size ? new Map(sh.displayTraps ?? sh.traps) : null,
  };
}

/** A program that runs `body` in a subshell built from `state`; its status is the exit code. */
export function subshellProgram(state: ForkState, body: (sub: Interp) => Promise<number>): Program {
  return {
    name: 'bash',
    async run(proc: Proc): Promise<number> {
      const sub = new Interp(proc, {}, state);
      let st: number;
      try {
        st = await body(sub);
      } catch (e) {
        if (e instanceof ExitShell || e instanceof AbortCommand || e instanceof ReturnFromFunction) st = e.status;
        else if (e instanceof BreakLoop || e instanceof ContinueLoop) st = 0;
        else if (e instanceof ShellError) { await sub.error(e.message); st = e.status; }
        else throw e;
      }
      return sub.runExitTrap(st);
    },
  };
}

/** Spawns a closure subshell; fds are the shell's current ones (set them up first). */
function spawnSubshell(sh: Interp, body: (sub: Interp) => Promise<number>, extra: Partial<SpawnOptions> = {}, detached = false): number {
  try {
    return sh.jobControl.spawn({ argv: sh.proc.argv.slice(), program: subshellProgram(forkState(sh), body), ...extra }, detached);
  } catch (e) {
    // out of processes (EAGAIN): bash's "fork: …" abandons the command line
    if (e instanceof KernelError) throw new ShellError(`fork: ${strerror(e.errno)}`, 1);
    throw e;
  }
}

// ---- purity: may a stage's words be expanded in the parent without visible side effects? ----

function pureParts(parts: WordPart[]): boolean {
  for (const p of parts) {
    switch (p.type) {
      case 'CommandSub': case 'Arith': case 'ProcessSub': return false;
      case 'DoubleQuoted': if (!pureParts(p.parts)) return false; break;
      case 'Param': {
        if (p.name === 'RANDOM' || p.name === 'SRANDOM' || p.name === 'BASHPID' || p.name === 'BASH_SUBSHELL') return false;
        if (p.index || p.indirect) return false;
        const op = p.op;
        if (op) {
          if (op.op === 'assign' || op.op === 'error' || op.op === 'substring') return false;
          if ('word' in op && !pureWord(op.word)) return false;
          if ('pattern' in op && op.pattern && !pureWord(op.pattern)) return false;
          if (op.op === 'replace' && op.replacement && !pureWord(op.replacement)) return false;
        }
        break;
      }
      default: break;
    }
  }
  return true;
}

function pureWord(w: Word): boolean { return pureParts(w.parts); }

function pureSimple(cmd: SimpleCommand): boolean {
  for (const w of cmd.words) if (!pureWord(w)) return false;
  for (const a of cmd.assignments) if (a.array || a.index || (a.value && !pureWord(a.value))) return false;
  for (const r of cmd.redirects) {
    if (r.fdVar !== undefined || !pureWord(r.target)) return false;
    if (r.heredoc && !r.heredoc.quoted && !pureWord(r.heredoc.body)) return false;
  }
  return true;
}

/**
 * Starts `cmd` as a child process with the shell's current fds: external simple commands with
 * side-effect-free words are expanded here and spawned directly; anything else runs in a forked
 * subshell. Returns the pid, or a status when nothing could be started.
 */
async function startChild(sh: Interp, cmd: Command, extra: Partial<SpawnOptions>): Promise<number | { status: number }> {
  if (cmd.type === 'Simple' && cmd.words.length !== 0 && pureSimple(cmd)) {
    let argv: string[] | null = null;
    try {
      argv = await sh.expandWords(cmd.words);
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
    }
    const name = argv?.[0];
    if (argv && name !== undefined && !sh.functions.has(name) && !lookupBuiltin(sh, name)) {
      let env: Record<string, string> | undefined;
      if (cmd.assignments.length) {
        sh.vars.pushScope();
        try {
          for (const a of cmd.assignments) {
            sh.vars.declare(a.name, { exported: true }, { local: true });
            await assign(sh, a);
          }
          env = sh.vars.environ();
        } catch (e) {
          if (!(e instanceof ShellError)) throw e;
        } finally {
          sh.vars.popScope();
        }
      } else env = sh.vars.environ();
      const path = name.includes('/') ? name : hashedPath(sh, name, cmd.assignments.some((a) => a.name === 'PATH') ? env?.PATH : undefined);
      if (env && path !== null) {
        if (sh.setOptions.has('xtrace')) await xtraceWords(sh, argv);
        const saved = cmd.redirects.length ? await applyRedirects(sh, cmd.redirects) : undefined;
        if (saved === null) return { status: 1 };
        try {
          return sh.jobControl.spawn({ argv, path, env, ...extra });
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          // ENOEXEC scripts, bad interpreters…: let a subshell report it the normal way
        } finally {
          if (saved) restoreRedirects(sh, saved);
        }
      }
    }
  }
  return spawnSubshell(sh, (sub) => {
    if (cmd.type === 'Simple') sub.execLast = true;
    return sub.execute(cmd);
  }, extra);
}

// ---- pipelines ----

export async function execPipeline(sh: Interp, p: Pipeline): Promise<number> {
  if (p.timed) return timeCommand(sh, p, () => runPipeline(sh, p));
  return runPipeline(sh, p);
}

async function runPipeline(sh: Interp, p: Pipeline): Promise<number> {
  let st: number;
  if (p.negated) sh.errexitIgnore++;
  try {
    if (p.commands.length === 1) st = await sh.execute(p.commands[0]!);
    else {
      const statuses = await runStages(sh, p);
      sh.pipeStatus = statuses;
      st = statuses[statuses.length - 1]!;
      if (sh.setOptions.has('pipefail')) for (const s of statuses) if (s !== 0) st = s;
    }
  } finally {
    if (p.negated) sh.errexitIgnore--;
  }
  if (p.negated) return st === 0 ? 1 : 0;
  if (p.commands.length > 1 && st !== 0) await sh.failed(st);
  return st;
}

/** Saves fds 0-2 (dup'd >= 10, close-on-exec); -1 for closed ones. */
function saveStdio(sh: Interp): number[] {
  const out: number[] = [];
  for (let fd = 0; fd < 3; fd++) {
    try {
      const c = sh.proc.dup(fd, 10);
      sh.proc.setCloexec(c, true);
      out.push(c);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      out.push(-1);
    }
  }
  return out;
}

function putFd(sh: Interp, from: number, to: number): void {
  if (from < 0) {
    try { sh.proc.close(to); } catch (e) { if (!(e instanceof KernelError)) throw e; }
  } else if (from !== to) sh.proc.dup2(from, to);
}

function restoreStdio(sh: Interp, saved: number[]): void {
  for (let fd = 0; fd < 3; fd++) {
    putFd(sh, saved[fd]!, fd);
    if (saved[fd]! >= 0) sh.proc.close(saved[fd]!);
  }
}

async function runStages(sh: Interp, p: Pipeline): Promise<number[]> {
  const n = p.commands.length;
  const monitor = sh.setOptions.has('monitor');
  const lastInShell = !monitor && sh.shoptOptions.has('lastpipe');
  const saved = saveStdio(sh);
  const results: (number | { status: number })[] = [];
  let pgid = -1;
  let prevRead = -1;
  let lastStatus: number | null = null;
  try {
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      let r = -1;
      let w = -1;
      if (!last) {
        [r, w] = sh.proc.pipe();
        sh.proc.setCloexec(r, true);
        sh.proc.setCloexec(w, true);
      }
      putFd(sh, prevRead >= 0 ? prevRead : saved[0]!, 0);
      putFd(sh, last ? saved[1]! : w, 1);
      putFd(sh, p.stderrToo[i] ? (last ? saved[1]! : w) : saved[2]!, 2);
      if (prevRead >= 0) sh.proc.close(prevRead);
      if (w >= 0) sh.proc.close(w);
      prevRead = r;
      if (last && lastInShell) {
        results.push(-1);
        break;
      }
      const extra: Partial<SpawnOptions> = monitor ? { pgid: pgid < 0 ? 0 : pgid } : {};
      const res = await startChild(sh, p.commands[i]!, extra);
      if (typeof res === 'number' && pgid < 0 && monitor) {
        pgid = res;
        sh.jobControl.setTerminalForeground(pgid);
      }
      results.push(res);
    }
    if (lastInShell) {
      // fd 0 is the last pipe's read end, 1 and 2 the shell's own: run the stage here.
      lastStatus = await sh.execute(p.commands[n - 1]!);
    }
  } finally {
    restoreStdio(sh, saved);
    if (prevRead >= 0) { try { sh.proc.close(prevRead); } catch (e) { if (!(e instanceof KernelError)) throw e; } }
  }
  const pids = results.filter((x): x is number => typeof x === 'number' && x >= 0);
  const waited = pids.length ? await sh.jobControl.waitAll(pids, () => commandText(p)) : [];
  const statuses: number[] = [];
  let k = 0;
  for (const res of results) {
    if (typeof res === 'number') statuses.push(res >= 0 ? waited[k++]! : lastStatus ?? 0);
    else statuses.push(res.status);
  }
  return statuses;
}

/** A body that is one simple foreground command: its subshell may become the program (exec). */
function lastIsSimple(body: Script): boolean {
  return body.items.length === 1 && !body.items[0]!.background && body.items[0]!.command.type === 'Simple';
}

// ---- ( … ) ----

export async function execSubshell(sh: Interp, cmd: Subshell): Promise<number> {
  sh.lineno = cmd.line;
  const monitor = sh.setOptions.has('monitor');
  const pid = spawnSubshell(sh, (sub) => {
    sub.loopDepth = 0;
    sub.execLast = cmd.redirects.length === 0 && lastIsSimple(cmd.body);
    return withRedirects(sub, cmd.redirects, () => sub.run(cmd.body));
  }, monitor ? { pgid: 0 } : {});
  if (monitor) sh.jobControl.setTerminalForeground(pid);
  const st = await sh.jobControl.waitForeground([pid], () => commandText(cmd));
  sh.pipeStatus = [st];
  if (st !== 0) await sh.failed(st);
  return st;
}

// ---- cmd & ----

export async function startBackground(sh: Interp, cmd: Command): Promise<void> {
  const monitor = sh.setOptions.has('monitor');
  const extra: Partial<SpawnOptions> = monitor ? { pgid: 0 } : { ignoreSignals: [Signal.SIGINT, Signal.SIGQUIT] };
  let savedIn = -1;
  let nullFd = -1;
  if (!monitor) {
    // Without job control the default stdin of an async command is /dev/null.
    try {
      nullFd = sh.proc.open('/dev/null', O_RDONLY);
      savedIn = sh.proc.dup(0, 10);
      sh.proc.setCloexec(savedIn, true);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
    }
    if (nullFd >= 0) sh.proc.dup2(nullFd, 0);
  }
  let res: number | { status: number };
  try {
    res = cmd.type === 'Pipeline' || cmd.type === 'AndOr' || cmd.type !== 'Simple'
      ? spawnSubshell(sh, (sub) => sub.execute(cmd), extra)
      : await startChild(sh, cmd, extra);
  } finally {
    if (nullFd >= 0) {
      if (savedIn >= 0) { sh.proc.dup2(savedIn, 0); sh.proc.close(savedIn); }
      if (nullFd !== 0) sh.proc.close(nullFd);
    }
  }
  if (typeof res !== 'number') return;
  sh.lastBackgroundPid = res;
  const job = sh.jobControl.add([res], monitor ? res : sh.proc.pgid, commandText(cmd), true);
  if (sh.interactive) await sh.writeErr(`[${job.id}] ${res}\n`);
}

// ---- $( … ) ----

/** `$(< file)`: the body is a lone input redirection. */
function catShortcut(body: Script): SimpleCommand | null {
  if (body.items.length !== 1) return null;
  const c = body.items[0]!.command;
  if (c.type !== 'Simple' || c.words.length || c.assignments.length || c.redirects.length !== 1) return null;
  const r = c.redirects[0]!;
  return r.op === '<' && (r.fd === undefined || r.fd === 0) ? c : null;
}

async function readAll(sh: Interp, fd: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let b: Uint8Array;
    try {
      b = await sh.proc.read(fd, 65536);
    } catch (e) {
      if (e instanceof KernelError && e.code === 'EINTR') continue;
      throw e;
    }
    if (b.length === 0) break;
    chunks.push(b.slice());
    total += b.length;
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return out;
}

async function decodeOutput(sh: Interp, bytes: Uint8Array): Promise<string> {
  if (bytes.includes(0)) {
    await sh.error('warning: command substitution: ignored null byte in input');
    bytes = bytes.filter((b) => b !== 0);
  }
  return decoder.decode(bytes);
}

export async function commandSubstitution(sh: Interp, body: Script): Promise<string> {
  const shortcut = catShortcut(body);
  if (shortcut) {
    let text = '';
    const st = await withRedirects(sh, shortcut.redirects, async () => {
      text = await decodeOutput(sh, await readAll(sh, 0));
      return 0;
    });
    sh.lastStatus = sh.cmdSubStatus = st;
    return text;
  }
  const [r, w] = sh.proc.pipe();
  sh.proc.setCloexec(r, true);
  let pid: number;
  const saved = sh.proc.dup(1, 10);
  sh.proc.setCloexec(saved, true);
  try {
    sh.proc.dup2(w, 1);
    sh.proc.close(w);
    pid = spawnSubshell(sh, (sub) => {
      sub.xtraceLevel++;
      if (!sub.shoptOptions.has('inherit_errexit') && !sub.setOptions.has('posix')) sub.setOptions.delete('errexit');
      sub.execLast = lastIsSimple(body);
      return sub.run(body);
    });
  } finally {
    sh.proc.dup2(saved, 1);
    sh.proc.close(saved);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readAll(sh, r);
  } finally {
    sh.proc.close(r);
  }
  const st = (await sh.jobControl.waitPid(pid)) ?? 0;
  sh.lastStatus = sh.cmdSubStatus = st;
  sh.pipeStatus = [st];
  return decodeOutput(sh, bytes);
}

// ---- <( … ) and >( … ) ----

export async function processSubstitution(sh: Interp, body: Script, direction: '<' | '>'): Promise<string> {
  const [r, w] = sh.proc.pipe();
  sh.proc.setCloexec(r, true);
  sh.proc.setCloexec(w, true);
  const childEnd = direction === '<' ? w : r;
  const keep = direction === '<' ? r : w;
  const target = direction === '<' ? 1 : 0;
  const saved = sh.proc.dup(target, 10);
  sh.proc.setCloexec(saved, true);
  let pid: number;
  try {
    sh.proc.dup2(childEnd, target);
    sh.proc.close(childEnd);
    pid = spawnSubshell(sh, (sub) => { sub.xtraceLevel++; return sub.run(body); }, {}, true);
  } finally {
    sh.proc.dup2(saved, target);
    sh.proc.close(saved);
  }
  // bash hands out fds from 63 downwards.
  const open = new Set(sh.proc.fds());
  let fd = 63;
  while (fd > 10 && open.has(fd)) fd--;
  if (open.has(fd)) fd = sh.proc.dup(keep, 64);
  else sh.proc.dup2(keep, fd);
  if (fd !== keep) sh.proc.close(keep);
  sh.proc.setCloexec(fd, false);
  sh.procSubFds.push(fd);
  sh.lastBackgroundPid = pid;
  return `/dev/fd/${fd}`;
}
