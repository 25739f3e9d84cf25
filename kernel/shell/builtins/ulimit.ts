// ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit] — resource limits as bash shows them on Linux.
// Values come from kernel.limits where the kernel enforces one (-n open files, -u processes,
// -f file size); lowering is recorded per process, raising past the hard limit fails (EPERM).

import type { Shell } from '../contracts.ts';
import type { Proc } from '../../types.ts';
import { usage, writeOut } from './util.ts';

interface Resource { opt: string; desc: string; units?: string; factor: number; fixed?: boolean }

const RESOURCES: Resource[] = [
  { opt: 'R', desc: 'real-time non-blocking time', units: 'microseconds', factor: 1 },
  { opt: 'c', desc: 'core file size', units: 'blocks', factor: 1024 },
  { opt: 'd', desc: 'data seg size', units: 'kbytes', factor: 1024 },
  { opt: 'e', desc: 'scheduling priority', factor: 1 },
  { opt: 'f', desc: 'file size', units: 'blocks', factor: 1024 },
  { opt: 'i', desc: 'pending signals', factor: 1 },
  { opt: 'l', desc: 'max locked memory', units: 'kbytes', factor: 1024 },
  { opt: 'm', desc: 'max memory size', units: 'kbytes', factor: 1024 },
  { opt: 'n', desc: 'open files', factor: 1 },
  { opt: 'p', desc: 'pipe size', units: '512 bytes', factor: 512, fixed: true },
  { opt: 'q', desc: 'POSIX message queues', units: 'bytes', factor: 1 },
  { opt: 'r', desc: 'real-time priority', factor: 1 },
  { opt: 's', desc: 'stack size', units: 'kbytes', factor: 1024 },
  { opt: 't', desc: 'cpu time', units: 'seconds', factor: 1 },
  { opt: 'u', desc: 'max user processes', factor: 1 },
  { opt: 'v', desc: 'virtual memory', units: 'kbytes', factor: 1024 },
  { opt: 'x', desc: 'file locks', factor: 1 },
];
const byOpt = new Map(RESOURCES.map(r => [r.opt, r]));
const INF = -1; // RLIM_INFINITY

interface Limit { soft: number; hard: number }
const recorded = new WeakMap<Proc, Map<string, Limit>>();

/** Initial limits (in bytes / counts, INF for unlimited). */
function initial(sh: Shell, opt: string): Limit {
  const k = sh.proc.kernel.limits;
  const both = (v: number): Limit => ({ soft: v, hard: v });
  switch (opt) {
    case 'n': return both(k.maxOpenFiles);
    case 'u': return both(k.maxProcesses);
    case 'i': return both(k.maxProcesses);
    case 'f': return both(k.fileSize);
    case 'p': return both(k.pipeBuffer >= 4096 ? 4096 : k.pipeBuffer);
    case 'c': return { soft: 0, hard: INF };
    case 'e': case 'r': return both(0);
    case 'l': return both(8192 * 1024);
    case 'q': return both(819200);
    case 's': return { soft: 8192 * 1024, hard: INF };
  }
  return both(INF);
}

function get(sh: Shell, opt: string): Limit {
  const m = recorded.get(sh.proc);
  return m?.get(opt) ?? initial(sh, opt);
}

function show(v: number, r: Resource): string {
  if (v === INF) return 'unlimited';
  return String(Math.floor(v / r.factor));
}

function describe(r: Resource): string {
  const unit = r.units ? `(${r.units}, -${r.opt}) ` : `(-${r.opt}) `;
  return `${r.desc.padEnd(20)} ${unit.padStart(20)}`;
}

export async function ulimit(sh: Shell, args: string[]): Promise<number> {
  let soft = false, hard = false, all = false;
  const ops: { r: Resource; value?: string }[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { i++; break; }
    if (a.length < 2 || a[0] !== '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'S') soft = true;
      else if (c === 'H') hard = true;
      else if (c === 'a') all = true;
      else if (byOpt.has(c)) {
        // every resource option takes an optional argument (bash's "c;" getopt spec)
        let value: string | undefined;
        if (j + 1 < a.length) { value = a.slice(j + 1); j = a.length; }
        else if (i + 1 < args.length && args[i + 1][0] !== '-') value = args[++i];
        ops.push({ r: byOpt.get(c)!, value });
      } else {
        await sh.error(`ulimit: -${c}: invalid option`);
        return usage(sh, 'ulimit');
      }
    }
  }
  const rest = args.slice(i);
  if (ops.length === 0 && !all) ops.push({ r: byOpt.get('f')! });
  if (rest.length > 0) {
    if (ops[ops.length - 1].value !== undefined || rest.length > 1) {
      await sh.error('ulimit: too many arguments');
      return 2;
    }
    ops[ops.length - 1].value = rest[0];
  }
  const which = (l: Limit): number => (hard && !soft ? l.hard : l.soft);
  if (all) {
    let out = '';
    for (const r of RESOURCES) out += describe(r) + show(which(get(sh, r.opt)), r) + '\n';
    return writeOut(sh, 'ulimit', out);
  }
  let status = 0;
  let out = '';
  const many = ops.length > 1;
  for (const { r, value } of ops) {
    const cur = get(sh, r.opt);
    if (value === undefined) {
      out += (many ? describe(r) : '') + show(which(cur), r) + '\n';
      continue;
    }
    let v: number;
    if (value === 'unlimited') v = INF;
    else if (value === 'hard') v = cur.hard;
    else if (value === 'soft') v = cur.soft;
    else if (/^\d+$/.test(value)) v = Number(value) * r.factor;
    else {
      await sh.error(`ulimit: ${value}: invalid number`);
      status = 1;
      continue;
    }
    const setSoft = soft || !hard;
    const setHard = hard || !soft;
    const above = (a: number, b: number): boolean => b !== INF && (a === INF || a > b);
    const next: Limit = { soft: setSoft ? v : cur.soft, hard: setHard ? v : cur.hard };
    let err: string | null = null;
    if (r.fixed) err = 'Invalid argument';
    else if (setHard && above(v, cur.hard)) err = 'Operation not permitted';
    else if (above(next.soft, next.hard)) err = setHard ? 'Invalid argument' : 'Operation not permitted';
    if (err) {
      await sh.error(`ulimit: ${r.desc}: cannot modify limit: ${err}`);
      status = 1;
      continue;
    }
    let m = recorded.get(sh.proc);
    if (!m) { m = new Map(); recorded.set(sh.proc, m); }
    m.set(r.opt, next);
  }
  const w = await writeOut(sh, 'ulimit', out);
  return w || status;
}
