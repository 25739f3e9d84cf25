// Job builtins: jobs, fg, bg, wait, kill, disown. They work on the job table in jobs.ts; wait
// returns early (128 + signal) when a trapped signal arrives, as bash's does.

import type { Builtin, Shell, Job } from './contracts.ts';
import type { Interp } from './interp.ts';
import { KernelError } from '../errno.ts';
import { Signal } from '../types.ts';
import { parseSignal, signalName, signalTable } from './trap.ts';

const asInterp = (sh: Shell): Interp => sh as Interp;

async function jobOrError(sh: Interp, name: string, spec: string): Promise<Job | null> {
  const r = sh.jobControl.find(spec);
  if (typeof r === 'string') {
    await sh.error(`${name}: ${r}`);
    return null;
  }
  return r;
}

async function jobsBuiltin(sh: Interp, args: string[]): Promise<number> {
  let long = false;
  let pids = false;
  let running = false;
  let stopped = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a[0] !== '-' || a.length < 2) break;
    for (const c of a.slice(1)) {
      if (c === 'l') long = true;
      else if (c === 'p') pids = true;
      else if (c === 'r') running = true;
      else if (c === 's') stopped = true;
      else if (c === 'n') { /* only changed jobs: all are shown */ } else {
        await sh.error(`jobs: -${c}: invalid option`);
        await sh.writeErr('jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n');
        return 2;
      }
    }
  }
  let list: Job[] = sh.jobs.slice();
  let st = 0;
  if (i < args.length) {
    list = [];
    for (const spec of args.slice(i)) {
      const j = await jobOrError(sh, 'jobs', spec);
      if (j) list.push(j); else st = 1;
    }
  }
  let out = '';
  for (const j of list) {
    if (running && j.state !== 'Running') continue;
    if (stopped && j.state !== 'Stopped') continue;
    out += pids ? `${j.pids[0]}\n` : sh.jobControl.format(j as never, long) + '\n';
    if (j.state === 'Done') j.notified = true;
  }
  if (out) await sh.write(1, out);
  for (const j of list) if (j.state === 'Done') sh.jobControl.remove(j);
  return st;
}

async function fgBg(sh: Interp, args: string[], name: 'fg' | 'bg'): Promise<number> {
  if (!sh.setOptions.has('monitor')) {
    await sh.error(`${name}: no job control`);
    return 1;
  }
  if (args[0] === '--') args = args.slice(1);
  const specs = args.length ? args : ['%+'];
  let st = 0;
  for (const spec of name === 'fg' ? specs.slice(0, 1) : specs) {
    const j = sh.jobControl.find(spec);
    if (typeof j === 'string') {
      await sh.error(`${name}: ${args.length ? j : 'current: no such job'}`);
      st = 1;
      continue;
    }
    if (j.state === 'Done') {
      await sh.error(`${name}: job has terminated`);
      sh.jobControl.remove(j);
      st = 1;
      continue;
    }
    if (name === 'bg') {
      if (j.state === 'Running') {
        await sh.error(`bg: job ${j.id} already in background`);
        continue;
      }
      sh.jobControl.continued(j);
      await sh.write(1, `[${j.id}]${sh.jobControl.marker(j)} ${j.command} &\n`);
      try { sh.proc.kill(-j.pgid, Signal.SIGCONT); } catch (e) { if (!(e instanceof KernelError)) throw e; }
      continue;
    }
    // fg: print the command, give it the terminal, continue it, wait.
    await sh.write(1, `${j.command}\n`);
    sh.jobControl.continued(j);
    sh.jobControl.remove(j);
    sh.jobControl.setTerminalForeground(j.pgid);
    try { sh.proc.kill(-j.pgid, Signal.SIGCONT); } catch (e) { if (!(e instanceof KernelError)) throw e; }
    st = await sh.jobControl.waitForeground(j.pids, j.command);
  }
  return st;
}

/** Resolves when a trapped signal arrives (for wait). */
function signalArrival(sh: Interp): { promise: Promise<number>; cancel: () => void } {
  let cancel = (): void => {};
  const promise = new Promise<number>((resolve) => {
    if (sh.pendingSignals.length) { resolve(sh.pendingSignals[0]!); return; }
    const f = (): void => resolve(sh.pendingSignals[0] ?? 0);
    sh.signalWaiters.push(f);
    cancel = () => { const k = sh.signalWaiters.indexOf(f); if (k >= 0) sh.signalWaiters.splice(k, 1); };
  });
  return { promise, cancel };
}

/** Awaits p unless a trapped signal comes first (then 128 + sig). */
async function interruptible(sh: Interp, p: Promise<number | null>): Promise<number | null | { signal: number }> {
  const sig = signalArrival(sh);
  try {
    return await Promise.race([p, sig.promise.then((s) => ({ signal: s }))]);
  } finally {
    sig.cancel();
  }
}

async function waitBuiltin(sh: Interp, args: string[]): Promise<number> {
  let any = false;
  let varName: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a[0] !== '-' || a.length < 2 || /^-\d+$/.test(a)) break;
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'n') any = true;
      else if (c === 'f') { /* wait for termination: always */ } else if (c === 'p') {
        varName = a.slice(k + 1) || args[++i];
        break;
      } else {
        await sh.error(`wait: -${c}: invalid option`);
        await sh.writeErr('wait: usage: wait [-fn] [-p var] [id ...]\n');
        return 2;
      }
    }
  }
  const operands = args.slice(i);
  const jc = sh.jobControl;
  if (any) {
    let pids: number[];
    if (operands.length) {
      pids = [];
      for (const o of operands) {
        if (o.startsWith('%')) { const j = await jobOrError(sh, 'wait', o); if (j) pids.push(...j.pids); }
        else if (/^\d+$/.test(o)) pids.push(Number(o));
      }
    } else pids = sh.jobs.filter((j) => j.state !== 'Done').flatMap((j) => j.pids);
    const live = pids.filter((p) => jc.isRunning(p));
    const doneJob = sh.jobs.find((j) => j.state === 'Done' && !j.notified && (operands.length === 0 || j.pids.some((p) => pids.includes(p))));
    if (doneJob) {
      doneJob.notified = true;
      sh.jobControl.remove(doneJob);
      if (varName) sh.vars.set(varName, String(doneJob.pids[doneJob.pids.length - 1]));
      return doneJob.status;
    }
    if (live.length === 0) return 127;
    const r = await interruptible(sh, jc.changed(live).then(() => null));
    if (r !== null && typeof r === 'object') return 128 + r.signal;
    for (const j of sh.jobs) {
      if (j.state === 'Done' && j.pids.some((p) => live.includes(p))) {
        sh.jobControl.remove(j);
        if (varName) sh.vars.set(varName, String(j.pids[j.pids.length - 1]));
        return j.status;
      }
    }
    for (const p of live) {
      if (!jc.isRunning(p)) {
        if (varName) sh.vars.set(varName, String(p));
        return (await jc.waitPid(p)) ?? 0;
      }
    }
    return 0;
  }
  if (operands.length === 0) {
    for (;;) {
      const live = jc.livePids();
      if (live.length === 0) break;
      const r = await interruptible(sh, jc.changed(live).then(() => null));
      if (r !== null && typeof r === 'object') return 128 + r.signal;
    }
    for (const j of sh.jobs.slice()) if (j.state === 'Done') sh.jobControl.remove(j);
    return 0;
  }
  let st = 0;
  for (const o of operands) {
    if (o.startsWith('%')) {
      const j = await jobOrError(sh, 'wait', o);
      if (!j) { st = 127; continue; }
      const r = await interruptible(sh, (async () => {
        for (const p of j.pids) await jc.waitPid(p);
        return j.status;
      })());
      if (r !== null && typeof r === 'object') return 128 + r.signal;
      st = j.status;
      sh.jobControl.remove(j);
      continue;
    }
    if (!/^\d+$/.test(o)) {
      await sh.error(`wait: \`${o}': not a pid or valid job spec`);
      st = 2;
      continue;
    }
    const pid = Number(o);
    const r = await interruptible(sh, jc.waitPid(pid));
    if (r !== null && typeof r === 'object') return 128 + r.signal;
    if (r === null) {
      await sh.error(`wait: pid ${pid} is not a child of this shell`);
      st = 127;
      continue;
    }
    st = r;
    for (const j of sh.jobs.slice()) if (j.state === 'Done' && j.pids.includes(pid)) sh.jobControl.remove(j);
  }
  return st;
}

const killUsage = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

async function killBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (args.length === 0) {
    await sh.writeErr(killUsage);
    return 2;
  }
  let sig: number = Signal.SIGTERM;
  let i = 0;
  const a0 = args[0]!;
  if (a0 === '-l' || a0 === '-L') {
    const rest = args.slice(1);
    if (rest.length === 0) {
      await sh.write(1, signalTable());
      return 0;
    }
    let out = '';
    let st = 0;
    for (const r of rest) {
      if (/^\d+$/.test(r)) {
        let n = Number(r);
        if (n > 128) n -= 128;
        const name = signalName(n);
        if (name) out += `${name}\n`;
        else { await sh.error(`kill: ${r}: invalid signal specification`); st = 1; }
      } else {
        const n = parseSignal(r, { nocase: true });
        if (typeof n === 'number' && n > 0) out += `${n}\n`;
        else { await sh.error(`kill: ${r}: invalid signal specification`); st = 1; }
      }
    }
    if (out) await sh.write(1, out);
    return st;
  }
  if (a0 === '-s' || a0 === '-n') {
    const spec = args[1];
    if (spec === undefined) {
      await sh.error(`kill: ${a0}: option requires an argument`);
      await sh.writeErr(killUsage);
      return 1;
    }
    const n = parseSignal(spec, { nocase: true });
    if (typeof n !== 'number') {
      await sh.error(`kill: ${spec}: invalid signal specification`);
      return 1;
    }
    sig = n;
    i = 2;
  } else if (a0.startsWith('-') && a0 !== '--' && a0.length > 1) {
    const n = parseSignal(a0.slice(1), { nocase: true });
    if (typeof n !== 'number') {
      await sh.error(`kill: ${a0.slice(1)}: invalid signal specification`);
      return 1;
    }
    sig = n;
    i = 1;
  }
  if (args[i] === '--') i++;
  const targets = args.slice(i);
  if (targets.length === 0) {
    await sh.writeErr(killUsage);
    return 2;
  }
  let st = 0;
  for (const t of targets) {
    let pid: number;
    if (t.startsWith('%')) {
      const j = await jobOrError(sh, 'kill', t);
      if (!j) { st = 1; continue; }
      pid = sh.setOptions.has('monitor') ? -j.pgid : j.pids[0]!;
      if (!sh.setOptions.has('monitor') && j.pids.length > 1) {
        for (const p of j.pids.slice(1)) { try { sh.proc.kill(p, sig); } catch (e) { if (!(e instanceof KernelError)) throw e; } }
      }
    } else if (/^-?\d+$/.test(t)) pid = Number(t);
    else {
      await sh.error(`kill: ${t}: arguments must be process or job IDs`);
      st = 1;
      continue;
    }
    try {
      sh.proc.kill(pid, sig);
      if (sig === Signal.SIGCONT) {
        const j = sh.jobs.find((x) => x.pids.includes(Math.abs(pid)) || x.pgid === -pid);
        if (j) sh.jobControl.continued(j);
      }
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      await sh.error(`kill: (${t.startsWith('%') ? Math.abs(pid) : t}) - ${e.code === 'ESRCH' ? 'No such process' : e.code === 'EPERM' ? 'Operation not permitted' : e.message}`);
      st = 1;
    }
  }
  return st;
}

async function disownBuiltin(sh: Interp, args: string[]): Promise<number> {
  let all = false;
  let running = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a[0] !== '-' || a.length < 2) break;
    for (const c of a.slice(1)) {
      if (c === 'a') all = true;
      else if (c === 'r') running = true;
      else if (c === 'h') { /* no SIGHUP on exit: nothing is sent anyway */ } else {
        await sh.error(`disown: -${c}: invalid option`);
        await sh.writeErr('disown: usage: disown [-h] [-ar] [jobspec ... | pid ...]\n');
        return 2;
      }
    }
  }
  const specs = args.slice(i);
  let st = 0;
  if (all || running || specs.length === 0) {
    if (specs.length === 0 && !all && !running) {
      const j = sh.jobControl.find('%+');
      if (typeof j === 'string') { await sh.error('disown: current: no such job'); return 1; }
      sh.jobControl.remove(j);
      return 0;
    }
    for (const j of sh.jobs.slice()) if (!running || j.state === 'Running') sh.jobControl.remove(j);
    return 0;
  }
  for (const s of specs) {
    const j = /^\d+$/.test(s) ? sh.jobs.find((x) => x.pids.includes(Number(s))) ?? `${s}: no such job` : sh.jobControl.find(s);
    if (typeof j === 'string') { await sh.error(`disown: ${j}`); st = 1; continue; }
    sh.jobControl.remove(j);
  }
  return st;
}

export const jobBuiltins: [string, Builtin][] = [
  ['jobs', (sh, a) => jobsBuiltin(asInterp(sh), a)],
  ['fg', (sh, a) => fgBg(asInterp(sh), a, 'fg')],
  ['bg', (sh, a) => fgBg(asInterp(sh), a, 'bg')],
  ['wait', async (sh, a) => {
    const st = await waitBuiltin(asInterp(sh), a);
    await asInterp(sh).jobControl.reapFinished();
    return st;
  }],
  ['kill', (sh, a) => killBuiltin(asInterp(sh), a)],
  ['disown', (sh, a) => disownBuiltin(asInterp(sh), a)],
];
