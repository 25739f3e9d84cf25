// uname, hostname and nproc: what the VM tells about its "machine". The kernel is called Linux
// with release UNAME_RELEASE on an x86_64 machine (whatever the host is); the node name is the
// kernel's hostname. nproc reports the host's navigator.hardwareConcurrency (1 without it).

import { defineProgram, parseOptions, type Ctx } from './util.ts';

export const UNAME_SYSNAME = 'Linux';
export const UNAME_RELEASE = '6.1.0-agentvm';
export const UNAME_VERSION = '#1 SMP PREEMPT_DYNAMIC agentvm';
export const UNAME_MACHINE = 'x86_64';

const unameSpec = {
  usage: '[OPTION]...',
  about: 'Print certain system information.  With no OPTION, same as -s.',
  options: [
    { short: 'a', long: 'all', help: 'print all information, in the following order,\n  except omit -p and -i if unknown:' },
    { short: 's', long: 'kernel-name', help: 'print the kernel name' },
    { short: 'n', long: 'nodename', help: 'print the network node hostname' },
    { short: 'r', long: 'kernel-release', help: 'print the kernel release' },
    { short: 'v', long: 'kernel-version', help: 'print the kernel version' },
    { short: 'm', long: 'machine', help: 'print the machine hardware name' },
    { short: 'p', long: 'processor', help: 'print the processor type (non-portable)' },
    { short: 'i', long: 'hardware-platform', help: 'print the hardware platform (non-portable)' },
    { short: 'o', long: 'operating-system', help: 'print the operating system' },
  ],
};

export const uname = defineProgram('uname', async (ctx: Ctx) => {
  const o = parseOptions(ctx, unameSpec);
  if (o.operands.length) ctx.usage(`extra operand ${ctx.q(o.operands[0]!)}`);
  const all = o.has('all');
  const fields: [string, string, boolean][] = [
    ['kernel-name', UNAME_SYSNAME, true],
    ['nodename', ctx.proc.kernel.hostname, true],
    ['kernel-release', UNAME_RELEASE, true],
    ['kernel-version', UNAME_VERSION, true],
    ['machine', UNAME_MACHINE, true],
    ['processor', 'unknown', false],
    ['hardware-platform', 'unknown', false],
    ['operating-system', 'GNU/Linux', true],
  ];
  const any = fields.some(([k]) => o.has(k));
  const out: string[] = [];
  for (const [k, v, inAll] of fields) {
    if (o.has(k) || (all && inAll) || (!any && !all && k === 'kernel-name')) out.push(v);
  }
  ctx.out.text(`${out.join(' ')}\n`);
});

const hostnameSpec = {
  usage: '[OPTION]... [NAME]',
  about: 'Show or (as root) set the system\'s host name.',
  options: [
    { short: 's', long: 'short', help: 'short host name' },
    { short: 'f', long: 'fqdn', key: 'long', help: 'long host name (FQDN)' },
    { long: 'long', key: 'long' },
  ],
};

export const hostname = defineProgram('hostname', async (ctx: Ctx) => {
  const o = parseOptions(ctx, hostnameSpec);
  const k = ctx.proc.kernel;
  if (o.operands.length) {
    if (ctx.proc.uid !== 0) ctx.fail('you must be root to change the host name');
    const name = o.operands[0]!;
    if (name.length > 64 || name === '') ctx.fail('name too long');
    k.hostname = name;
    return;
  }
  ctx.out.text(`${o.has('short') ? k.hostname.split('.')[0] : k.hostname}\n`);
});

const nprocSpec = {
  usage: '[OPTION]...',
  about: 'Print the number of processing units available to the current process,\nwhich may be less than the number of online processors',
  options: [
    { long: 'all', help: 'print the number of installed processors' },
    { long: 'ignore', arg: 'required' as const, argName: 'N', help: 'if possible, exclude N processing units' },
  ],
};

function hostCpus(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && n >= 1 ? Math.floor(n) : 1;
}

export const nproc = defineProgram('nproc', async (ctx: Ctx) => {
  const o = parseOptions(ctx, nprocSpec);
  if (o.operands.length) ctx.usage(`extra operand ${ctx.q(o.operands[0]!)}`);
  let ignore = 0;
  const ig = o.get('ignore');
  if (ig !== undefined) {
    if (!/^\s*\+?\d+$/.test(ig)) ctx.fail(`invalid number: ${ctx.q(ig)}`);
    ignore = Number(ig);
  }
  let n = hostCpus();
  if (!o.has('all')) {
    // OMP_NUM_THREADS / OMP_THREAD_LIMIT, as GNU nproc honours them
    const omp = /^\s*(\d+)/.exec(ctx.proc.env.OMP_NUM_THREADS ?? '');
    if (omp && Number(omp[1]) > 0) n = Number(omp[1]);
    const lim = /^\s*(\d+)\s*$/.exec(ctx.proc.env.OMP_THREAD_LIMIT ?? '');
    if (lim && Number(lim[1]) > 0) n = Math.min(n, Number(lim[1]));
  }
  ctx.out.text(`${Math.max(1, n - ignore)}\n`);
});
