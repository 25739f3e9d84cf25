// caller [expr] — the call stack from BASH_LINENO, FUNCNAME and BASH_SOURCE (bash's caller.def).

import type { Shell } from '../contracts.ts';
import { legalNumber, usage, writeOut } from './util.ts';

export async function caller(sh: Shell, args: string[]): Promise<number> {
  const v = sh.vars;
  const lineV = v.lookup('BASH_LINENO');
  const srcV = v.lookup('BASH_SOURCE');
  const fnV = v.lookup('FUNCNAME');
  const empty = (x: typeof lineV): boolean => !x || !(x.value instanceof Map) || x.value.size === 0;
  if (empty(lineV) || empty(srcV)) return 1;
  const at = (name: string, present: boolean, i: number): string | undefined =>
    present ? v.getElement(name, String(i)) : undefined;
  const hasSrc = true;
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    const l = at('BASH_LINENO', true, 0);
    const s = at('BASH_SOURCE', hasSrc, 1);
    return writeOut(sh, 'caller', `${l ?? 'NULL'} ${s ?? 'NULL'}\n`);
  }
  if (empty(fnV)) return 1;
  const n = legalNumber(args[0]);
  if (n === null) {
    await sh.error(`caller: ${args[0]}: invalid number`);
    return usage(sh, 'caller');
  }
  const i = Number(n);
  const l = at('BASH_LINENO', true, i);
  const s = at('BASH_SOURCE', hasSrc, i + 1);
  const f = at('FUNCNAME', true, i + 1);
  if (i < 0 || l === undefined || s === undefined || f === undefined) return 1;
  return writeOut(sh, 'caller', `${l} ${f} ${s}\n`);
}
