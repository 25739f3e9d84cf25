// The `bash` / `sh` program: bash's command line, then the script — from -c, a file, or stdin —
// read and run one complete command line at a time (aliases defined by earlier lines apply to
// later ones; a syntax error stops the script only when reached). Interactive mode prompts with
// PS1/PS2, keeps going after errors, reports jobs, and owns the terminal with job control.

import type { ListItem } from './ast.ts';
import type { Proc, Program } from '../types.ts';
import { Signal } from '../types.ts';
import { ShellError, ShellSyntaxError } from './contracts.ts';
import { KernelError, strerror } from '../errno.ts';
import { Interp } from './interp.ts';
import { AbortCommand, BreakLoop, ContinueLoop, ExitShell, ReturnFromFunction } from './control.ts';
import { isSetOption, optionForLetter } from './options.ts';
import { Parser } from './parser.ts';
import { readLine } from './readline.ts';
import { INTERRUPTED, LineEditor } from './lineedit.ts';
import { historyOf, loadHistory, saveHistory, startHistory } from './history.ts';
import { expandPrompt } from './prompt.ts';
import { BASH_VERSION } from './vars-init.ts';

const decoder = new TextDecoder();

interface Invocation {
  command: string | undefined;
  useC: boolean;
  file: string | undefined;
  forceStdin: boolean;
  interactive: boolean | undefined;
  login: boolean;
  norc: boolean;
  noprofile: boolean;
  rcfile: string | undefined;
  on: Set<string>;
  off: Set<string>;
  shoptOn: Set<string>;
  shoptOff: Set<string>;
  operands: string[];
}

const USAGE = `Usage:\tbash [GNU long option] [option] ...
\tbash [GNU long option] [option] script-file ...
GNU long options:
\t--help
\t--init-file
\t--login
\t--noediting
\t--noprofile
\t--norc
\t--posix
\t--rcfile
\t--verbose
\t--version
Shell options:
\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)
\t-abefhkmnptuvxBCEHPT or -o option
`;

class UsageError {
  readonly msg: string;
  readonly usage: boolean;
  constructor(msg: string, usage = true) { this.msg = msg; this.usage = usage; }
}

function parseArgs(argv: string[]): Invocation | 'version' | 'help' {
  const inv: Invocation = {
    command: undefined, useC: false, file: undefined, forceStdin: false, interactive: undefined, login: false,
    norc: false, noprofile: false, rcfile: undefined, on: new Set(), off: new Set(), shoptOn: new Set(),
    shoptOff: new Set(), operands: [],
  };
  const a0 = argv[0] ?? 'bash';
  if (a0.startsWith('-')) inv.login = true;
  const base = a0.replace(/^-/, '').split('/').pop();
  if (base === 'sh') inv.on.add('posix');
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') { i++; break; }
    if (a.startsWith('--')) {
      switch (a) {
        case '--version': return 'version';
        case '--help': return 'help';
        case '--norc': inv.norc = true; continue;
        case '--noprofile': inv.noprofile = true; continue;
        case '--posix': inv.on.add('posix'); continue;
        case '--login': inv.login = true; continue;
        case '--verbose': inv.on.add('verbose'); continue;
        case '--noediting': case '--debugger': case '--protected': continue;
        case '--rcfile': case '--init-file':
          inv.rcfile = argv[++i];
          if (inv.rcfile === undefined) throw new UsageError(`${a}: option requires an argument`);
          continue;
        default: throw new UsageError(`${a}: invalid option`);
      }
    }
    if ((a[0] !== '-' && a[0] !== '+') || a.length < 2) break;
    const on = a[0] === '-';
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      switch (c) {
        case 'c': inv.useC = true; continue;
        case 's': inv.forceStdin = true; continue;
        case 'i': inv.interactive = on; continue;
        case 'l': inv.login = true; continue;
        case 'r': throw new UsageError('-r: restricted mode is not supported');
        case 'D': continue;
        case 'o': case 'O': {
          const name = argv[++i];
          if (name === undefined) throw new UsageError(`-${c}: option requires an argument`);
          if (c === 'o') {
            if (!isSetOption(name)) throw new UsageError(`${name}: invalid option name`);
            (on ? inv.on : inv.off).add(name);
          } else (on ? inv.shoptOn : inv.shoptOff).add(name);
          continue;
        }
        default: {
          const name = optionForLetter(c);
          if (name === undefined) throw new UsageError(`${a[0]}${c}: invalid option`);
          if (on) { inv.on.add(name); inv.off.delete(name); } else { inv.off.add(name); inv.on.delete(name); }
        }
      }
    }
  }
  const rest = argv.slice(i);
  if (inv.useC) {
    if (rest.length === 0) throw new UsageError('-c: option requires an argument', false);
    inv.command = rest[0];
    inv.operands = rest.slice(1);
  } else if (!inv.forceStdin && rest.length) {
    inv.file = rest[0];
    inv.operands = rest.slice(1);
  } else inv.operands = rest;
  return inv;
}

/** Is this syntax error only the input ending early (more lines may complete it)? */
function incomplete(e: ShellSyntaxError): boolean {
  // (an unfinished `[[ a &&` reports the end of input as the token `EOF')
  return /unexpected end of file|unexpected EOF|unexpected token `EOF'/.test(e.message);
}

/** Runs the items of one command line; errors that escape a command are reported here. */
async function runLine(sh: Interp, items: ListItem[]): Promise<void> {
  try {
    await sh.runItems(items);
  } catch (e) {
    if (e instanceof AbortCommand) sh.lastStatus = e.status;
    else if (e instanceof KernelError || e instanceof ShellError) sh.lastStatus = await sh.reportError(e);
    else if (e instanceof BreakLoop || e instanceof ContinueLoop) { /* outside any loop: ignored */ } else if (e instanceof ReturnFromFunction) sh.lastStatus = e.status;
    else throw e;
  }
}

/** -c strings and script files: the whole text is known; parse and run line by line. */
async function runSource(sh: Interp, src: string, inputName: string): Promise<number> {
  const parser = new Parser(src, sh.parseOptions());
  let lines: string[] | null = null;
  let shown = 0;
  for (;;) {
    let items: ListItem[] | null;
    try {
      items = parser.next();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      if (sh.setOptions.has('verbose')) await sh.writeErr((lines ??= src.split('\n')).slice(shown, e.line).join('\n') + '\n');
      await sh.syntaxError(e, inputName);
      sh.lastStatus = 2;
      throw new ExitShell(2);
    }
    if (items === null) break;
    if (items.length) {
      // set -v: the lines read since the last command line, as bash echoes its input
      let upto = shown;
      for (const it of items) if (it.line > upto) upto = it.line;
      if (upto > shown && sh.setOptions.has('verbose')) {
        await sh.writeErr((lines ??= src.split('\n')).slice(shown, upto).join('\n') + '\n');
      }
      shown = upto;
    }
    await runLine(sh, items);
  }
  return sh.lastStatus;
}

/** Parses accumulated lines; null while more input is needed (unless at end of input). */
function tryParse(sh: Interp, buf: string, startLine: number, eof: boolean): ListItem[][] | null {
  if (!eof && /(^|[^\\])(\\\\)*\\\n$/.test(buf)) return null;
  let heredocOpen = false;
  const opts = sh.parseOptions(startLine);
  const warn = opts.warn;
  opts.warn = (msg, line) => {
    if (/here-document .* delimited by end-of-file/.test(msg) && !eof) heredocOpen = true;
    else warn?.(msg, line);
  };
  const parser = new Parser(buf, opts);
  const out: ListItem[][] = [];
  try {
    for (let items = parser.next(); items !== null; items = parser.next()) out.push(items);
  } catch (e) {
    if (e instanceof ShellSyntaxError && incomplete(e) && !eof) return null;
    throw e;
  }
  return heredocOpen ? null : out;
}

/** Reads the script from stdin line by line (prompting when interactive; edited when a terminal). */
async function runStream(sh: Interp, editor: LineEditor | null): Promise<number> {
  let buf = '';
  let startLine = 1;
  let lineNo = 0;
  let commandNumber = 1;
  for (;;) {
    if (sh.interactive) {
      if (buf === '') {
        await sh.jobControl.notify();
        if (sh.shoptOptions.has('checkwinsize')) checkWinsize(sh);
      }
    }
    let line: string | null;
    try {
      const prompt = sh.interactive ? await expandPrompt(sh, buf === '' ? 'PS1' : 'PS2', commandNumber) : '';
      if (editor) {
        const r = await editor.readLine(prompt);
        if (r === INTERRUPTED) {
          // ^C while editing: the line is dropped ("^C" is shown), new prompt
          await sh.writeErr('\n');
          buf = '';
          sh.lastStatus = 130;
          if (sh.pendingSignals.length) await sh.runPendingTraps();
          continue;
        }
        line = r;
        if (line !== null && sh.setOptions.has('history')) historyOf(sh).add(sh, line);
      } else {
        if (prompt) await sh.writeErr(prompt);
        sh.interruptRead = sh.interactive;
        line = await readLine(sh, 0);
      }
    } catch (e) {
      if (e instanceof KernelError && e.code === 'EINTR') {
        // ^C at the prompt: drop the partial input, new prompt.
        const k = sh.pendingSignals.indexOf(Signal.SIGINT);
        if (k >= 0 && !sh.traps.has('INT')) sh.pendingSignals.splice(k, 1);
        await sh.writeErr('\n');
        buf = '';
        sh.lastStatus = 130;
        if (sh.pendingSignals.length) await sh.runPendingTraps();
        continue;
      }
      if (e instanceof KernelError) { line = null; } else throw e;
    } finally {
      sh.interruptRead = false;
    }
    const eof = line === null;
    if (eof && buf === '') {
      if (sh.interactive) {
        if (sh.setOptions.has('ignoreeof')) {
          await sh.writeErr('Use "exit" to leave the shell.\n');
          continue;
        }
        await sh.writeErr('exit\n');
      }
      break;
    }
    if (!eof) {
      lineNo++;
      if (buf === '') startLine = lineNo;
      buf += line + '\n';
      if (sh.setOptions.has('verbose')) await sh.writeErr(line + '\n');
    }
    let parsed: ListItem[][] | null;
    try {
      parsed = tryParse(sh, buf, startLine, eof);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      buf = '';
      await sh.syntaxError(e, '');
      sh.lastStatus = 2;
      if (!sh.interactive) throw new ExitShell(2);
      continue;
    }
    if (parsed === null) continue;
    const text = buf;
    buf = '';
    if (sh.interactive && sh.shoptOptions.has('checkwinsize')) checkWinsize(sh);
    commandNumber++;
    const observer = sh.interactive ? sh.proc.kernel.commandObserver : null;
    const typed = observer ? text.replace(/\n$/, '') : '';
    if (observer && typed.trim() !== '') observer({ phase: 'start', pid: sh.proc.pid, line: typed });
    for (const items of parsed) {
      if (sh.setOptions.has('noexec') && !sh.interactive) continue;
      await runLine(sh, items);
    }
    if (observer && typed.trim() !== '') {
      observer({
        phase: 'end', pid: sh.proc.pid, line: typed, status: sh.lastStatus,
        cwd: sh.vars.get('PWD') ?? sh.proc.cwd, env: sh.vars.environ(),
      });
    }
    if (eof) break;
  }
  return sh.lastStatus;
}

/** shopt checkwinsize: COLUMNS and LINES follow the terminal's size. */
function checkWinsize(sh: Interp): void {
  try {
    if (!sh.proc.isatty(0)) return;
    const ws = sh.proc.file(0).ioctl?.('TIOCGWINSZ') as { cols?: number; rows?: number } | undefined;
    if (ws?.cols) sh.vars.set('COLUMNS', String(ws.cols));
    if (ws?.rows) sh.vars.set('LINES', String(ws.rows));
  } catch (e) {
    if (!(e instanceof KernelError || e instanceof ShellError)) throw e;
  }
}

/** Sources a startup file if it exists (errors inside it are reported, not fatal). */
async function sourceIfExists(sh: Interp, path: string): Promise<void> {
  let text: string;
  try {
    text = decoder.decode(sh.proc.readFile(path));
  } catch (e) {
    if (e instanceof KernelError) return;
    throw e;
  }
  try {
    await sh.sourceText(text, path, []);
  } catch (e) {
    if (e instanceof AbortCommand) return;
    throw e;
  }
}

/** Interactive setup: own process group in the terminal's foreground, signals as bash sets them. */
async function setupInteractive(sh: Interp, proc: Proc): Promise<void> {
  // Caught and discarded rather than ignored, so that children start with default dispositions.
  proc.setSignal(Signal.SIGINT, 'catch');
  proc.setSignal(Signal.SIGTERM, 'catch');
  proc.setSignal(Signal.SIGQUIT, 'catch');
  let jobControl = false;
  try {
    if (proc.isatty(0)) {
      const tty = proc.file(0);
      if (proc.pgid !== proc.pid) proc.setpgid(0, 0);
      tty.ioctl?.('TIOCSPGRP', proc.pgid);
      jobControl = tty.ioctl?.('TIOCGPGRP') === proc.pgid;
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    await sh.writeErr(`bash: cannot set terminal process group (${proc.pgid}): ${strerror(e.errno)}\n`);
  }
  if (!jobControl) {
    await sh.writeErr('bash: no job control in this shell\n');
    return;
  }
  sh.setOptions.add('monitor');
  for (const s of [Signal.SIGTSTP, Signal.SIGTTIN, Signal.SIGTTOU]) proc.setSignal(s, 'catch');
}

const VERSION_TEXT = `GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)
agentvm's bash-compatible shell (TypeScript, in-process); not GNU bash.
License: MIT. This is free software; you are free to change and redistribute it.
`;

async function main(proc: Proc): Promise<number> {
  let inv: Invocation | 'version' | 'help';
  try {
    inv = parseArgs(proc.argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await proc.write(2, `bash: ${e.msg}\n${e.usage ? USAGE : ''}`);
    return 2;
  }
  if (inv === 'version') { await proc.write(1, VERSION_TEXT); return 0; }
  if (inv === 'help') { await proc.write(1, `GNU bash, version ${BASH_VERSION}-(x86_64-pc-linux-gnu)\n${USAGE}`); return 0; }

  const viaStdin = inv.command === undefined && inv.file === undefined;
  let interactive = inv.interactive ?? false;
  if (inv.interactive === undefined && viaStdin) {
    try { interactive = proc.isatty(0) && proc.isatty(2); } catch (e) { if (!(e instanceof KernelError)) throw e; }
  }
  const sh = new Interp(proc, {
    scriptName: inv.command !== undefined ? inv.operands.length ? inv.operands[0] : proc.argv[0] ?? 'bash'
      : inv.file ?? proc.argv[0] ?? 'bash',
    positional: inv.command !== undefined ? inv.operands.slice(1) : inv.operands,
    interactive,
    options: inv.on,
    shopts: inv.shoptOn,
    inputName: inv.command !== undefined ? '-c' : inv.file ?? '',
    dashFlags: inv.command !== undefined ? 'c' : viaStdin ? 's' : '',
    login: inv.login,
  });
  for (const o of inv.off) sh.setOptions.delete(o);
  for (const o of inv.shoptOff) sh.shoptOptions.delete(o);
  if (inv.command !== undefined) sh.vars.set('BASH_EXECUTION_STRING', inv.command);
  if (interactive) sh.setOptions.add('history');
  let editor: LineEditor | null = null;
  if (interactive && LineEditor.usable(sh)) startHistory(sh);

  let status = 0;
  try {
    try {
      if (interactive) await setupInteractive(sh, proc);
      if (inv.login && !inv.noprofile && !sh.setOptions.has('posix')) {
        await sourceIfExists(sh, '/etc/profile');
        const home = sh.vars.get('HOME');
        if (home) {
          for (const f of ['.bash_profile', '.bash_login', '.profile']) {
            try { sh.proc.stat(`${home}/${f}`); } catch (e) { if (e instanceof KernelError) continue; throw e; }
            await sourceIfExists(sh, `${home}/${f}`);
            break;
          }
        }
      } else if (interactive && !inv.norc && !sh.setOptions.has('posix')) {
        const home = sh.vars.get('HOME');
        const rc = inv.rcfile ?? (home ? `${home}/.bashrc` : undefined);
        if (rc) await sourceIfExists(sh, rc);
      } else if (!interactive && !sh.setOptions.has('posix')) {
        const env = sh.vars.get('BASH_ENV');
        if (env) await sourceIfExists(sh, env);
      }
      if (inv.command !== undefined) {
        status = await runSource(sh, inv.command, '-c');
      } else if (inv.file !== undefined) {
        let bytes: Uint8Array;
        try {
          bytes = proc.readFile(inv.file);
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          await sh.writeErr(`bash: ${inv.file}: ${strerror(e.errno)}\n`);
          return e.code === 'ENOENT' ? 127 : 126;
        }
        const nl = bytes.indexOf(10);
        if (bytes.subarray(0, nl < 0 ? Math.min(bytes.length, 80) : nl).includes(0)) {
          await sh.writeErr(`bash: ${inv.file}: cannot execute binary file\n`);
          return 126;
        }
        status = await runSource(sh, decoder.decode(bytes), inv.file);
      } else {
        // an interactive shell reading a terminal edits its lines and keeps a history
        if (interactive && LineEditor.usable(sh)) {
          editor = new LineEditor(sh);
          loadHistory(sh);
        }
        status = await runStream(sh, editor);
      }
    } catch (e) {
      // bash -c's run_one_command answers a fatal error's jump to top level with 127
      if (e instanceof ExitShell) status = e.fatal && inv.command !== undefined ? 127 : e.status;
      else if (e instanceof AbortCommand) status = e.status;
      else throw e;
    }
    status = await sh.runExitTrap(status);
  } catch (e) {
    if (e instanceof ExitShell) status = e.status;
    else throw e;
  }
  if (editor) saveHistory(sh);
  return status & 255;
}

export const shProgram: Program = {
  name: 'bash',
  run: main,
};
