// env: run a program in a modified environment, or print the environment (GNU options -i -0
// -u -C -S, `-` = -i, NAME=VALUE operands). The command runs as a child (spawn + wait); if it
// dies from a signal, env re-raises that signal on itself so the caller sees the same status.

import { KernelError } from '../errno.ts';
import { S_IFMT, S_IFREG } from '../types.ts';
import { defineProgram, errText, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  about: 'Set each NAME to VALUE in the environment and run COMMAND.',
  options: [
    { short: 'i', long: 'ignore-environment', help: 'start with an empty environment' },
    { short: '0', long: 'null', help: 'end each output line with NUL, not newline' },
    { short: 'u', long: 'unset', arg: 'required' as const, argName: 'NAME', help: 'remove variable from the environment' },
    { short: 'C', long: 'chdir', arg: 'required' as const, argName: 'DIR', help: 'change working directory to DIR' },
    { short: 'S', long: 'split-string', arg: 'required' as const, argName: 'S', help: 'process and split S into separate arguments;\n  used to pass multiple arguments on shebang lines' },
  ],
  after: 'A mere - implies -i.  If no COMMAND, print the resulting environment.',
  stopAtOperand: true,
};

/** GNU env -S: split a string into arguments (quotes, backslash escapes, ${VAR}, # comments). */
function splitString(ctx: Ctx, s: string, env: Record<string, string>): string[] {
  const out: string[] = [];
  let cur = '';
  let have = false;
  let i = 0;
  const bad: (msg: string) => never = (msg) => ctx.fail(msg, 125);
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r') {
      if (have) out.push(cur);
      cur = '';
      have = false;
      i++;
      continue;
    }
    if (c === '#' && !have) break;
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) bad('no terminating quote in -S string');
      cur += s.slice(i + 1, j);
      have = true;
      i = j + 1;
      continue;
    }
    if (c === '"') {
      i++;
      have = true;
      for (;;) {
        if (i >= s.length) bad('no terminating quote in -S string');
        const d = s[i]!;
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\') {
          const e = s[i + 1];
          const map: Record<string, string> = { '"': '"', '\\': '\\', $: '$', _: ' ', n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '#': '#' };
          if (e !== undefined && e in map) {
            cur += map[e];
            i += 2;
            continue;
          }
          if (e === 'c') bad("'\\c' must not appear in double-quoted -S string");
          bad(`invalid backslash at end of string in -S`);
        }
        if (d === '$') {
          const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(s.slice(i));
          if (!m) bad(`only \${VARNAME} expansion is supported, error at: ${s.slice(i)}`);
          cur += env[m[1]!] ?? '';
          i += m[0].length;
          continue;
        }
        cur += d;
        i++;
      }
      continue;
    }
    if (c === '\\') {
      const e = s[i + 1];
      if (e === 'c') break;
      const map: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', $: '$', _: '', n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '#': '#' };
      if (e === '_') {
        if (have) out.push(cur);
        cur = '';
        have = false;
        i += 2;
        continue;
      }
      if (e !== undefined && e in map) {
        cur += map[e];
        have = true;
        i += 2;
        continue;
      }
      bad(`invalid sequence '\\${e ?? ''}' in -S`);
    }
    if (c === '$') {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(s.slice(i));
      if (!m) bad(`only \${VARNAME} expansion is supported, error at: ${s.slice(i)}`);
      cur += env[m[1]!] ?? '';
      have = true;
      i += m[0].length;
      continue;
    }
    cur += c;
    have = true;
    i++;
  }
  if (have) out.push(cur);
  return out;
}

/** execvp-style lookup of a command name in PATH; returns the path or the errno name. */
function resolve(ctx: Ctx, name: string, env: Record<string, string>): { path?: string; errno?: KernelError } {
  const { proc } = ctx;
  const check = (p: string): KernelError | null => {
    try {
      const st = proc.stat(p);
      if ((st.mode & S_IFMT) !== S_IFREG || !proc.access(p, 1)) return new KernelError(13, 'execve', p);
      return null;
    } catch (e) {
      rethrowFatal(e);
      return e;
    }
  };
  if (name.includes('/')) {
    const e = check(name);
    return e ? { errno: e } : { path: name };
  }
  let sawEacces: KernelError | undefined;
  for (const dir of (env.PATH ?? '/bin:/usr/bin').split(':')) {
    const p = dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
    const e = check(p);
    if (!e) return { path: p };
    if (e.errno === 13) sawEacces = e;
  }
  return { errno: sawEacces ?? new KernelError(2, 'execve', name) };
}

export const env = defineProgram('env', async (ctx: Ctx) => {
  ctx.usageStatus = 125;
  const { proc } = ctx;
  // -S splits its argument into more arguments, in place (they may hold options too)
  const args: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === '--' || a === '-' || !a.startsWith('-')) {
      args.push(...ctx.args.slice(i));
      break;
    }
    let val: string | undefined;
    if (a === '-S' || a === '--split-string') {
      if (i + 1 >= ctx.args.length) ctx.usage(a === '-S' ? "option requires an argument -- 'S'" : "option '--split-string' requires an argument");
      val = ctx.args[++i]!;
    } else if (a.startsWith('-S')) val = a.slice(2);
    else if (a.startsWith('--split-string=')) val = a.slice('--split-string='.length);
    if (val !== undefined) {
      args.push(...splitString(ctx, val, proc.env));
      continue;
    }
    args.push(a);
    if (/^(-[0iv]*[uC]|--(unset|chdir))$/.test(a) && i + 1 < ctx.args.length) args.push(ctx.args[++i]!);
  }
  const o = parseOptions(ctx, spec, args);
  let operands = o.operands;
  let newEnv: Record<string, string> = { ...proc.env };
  if (o.has('ignore-environment') || operands[0] === '-') {
    newEnv = {};
    if (operands[0] === '-') operands = operands.slice(1);
  }
  for (const name of o.all('unset')) {
    if (name === '' || name.includes('=')) ctx.fail(`cannot unset ${ctx.q(name)}: Invalid argument`, 125);
    delete newEnv[name];
  }
  let i = 0;
  for (; i < operands.length && operands[i]!.includes('='); i++) {
    const a = operands[i]!;
    const eq = a.indexOf('=');
    newEnv[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const command = operands.slice(i);
  const nul = o.has('null');
  const dir = o.get('chdir');
  if (command.length === 0) {
    if (dir !== undefined) ctx.usage('must specify command with --chdir (-C)');
    for (const [k, v] of Object.entries(newEnv)) ctx.out.text(`${k}=${v}${nul ? '\0' : '\n'}`);
    return 0;
  }
  if (nul) ctx.usage('cannot specify --null (-0) with command');
  if (dir !== undefined) {
    try {
      proc.chdir(dir);
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`cannot change directory to ${quoteaf(dir)}: ${errText(e)}`, 125);
    }
  }
  const r = resolve(ctx, command[0]!, newEnv);
  if (!r.path) {
    const code = r.errno!.errno === 2 ? 127 : 126;
    ctx.fail(`${ctx.q(command[0]!)}: ${errText(r.errno)}`, code);
  }
  let pid: number;
  try {
    pid = proc.spawn({ argv: command, path: r.path, env: newEnv, cwd: proc.cwd });
  } catch (e) {
    rethrowFatal(e);
    if (e.errno === 8) {
      // ENOEXEC: execvp runs such files with the shell
      try {
        pid = proc.spawn({ argv: ['/bin/sh', r.path, ...command.slice(1)], path: '/bin/sh', env: newEnv, cwd: proc.cwd });
      } catch (e2) {
        rethrowFatal(e2);
        ctx.fail(`${ctx.q(command[0]!)}: ${errText(e2)}`, 126);
      }
    } else ctx.fail(`${ctx.q(command[0]!)}: ${errText(e)}`, e.errno === 2 ? 127 : 126);
  }
  const st = await proc.wait(pid);
  if (!st) return 1;
  if (st.signal !== undefined) {
    // die the same way (where the signal's default action is to terminate)
    try {
      proc.kill(proc.pid, st.signal);
    } catch (e) {
      rethrowFatal(e);
    }
    return st.status;
  }
  return st.code ?? st.status;
});
