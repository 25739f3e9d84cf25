// enable [-a] [-dnps] [-f filename] [name ...] — turns builtins off and on (per shell) and lists
// them. Loading builtins from shared objects (-f, -d) is not available.

import type { Shell } from '../contracts.ts';
import { bashBuiltinNames, disabledBuiltins, isBuiltinName } from './names.ts';
import { parseOpts, writeOut } from './util.ts';

const SPECIAL = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset', 'source']);

export async function enable(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'enable', args, 'adnpsf:');
  if (typeof parsed === 'number') return parsed;
  let all = false, del = false, disable = false, print = false, special = false, file: string | undefined;
  for (const o of parsed.opts) {
    if (o.opt === 'a') all = true;
    else if (o.opt === 'd') del = true;
    else if (o.opt === 'n') disable = true;
    else if (o.opt === 'p') print = true;
    else if (o.opt === 's') special = true;
    else file = o.arg;
  }
  const disabled = disabledBuiltins(sh);
  if (file !== undefined || del) {
    await sh.error(`enable: ${file !== undefined ? '-f' : '-d'}: dynamic loading not available`);
    return 1;
  }
  const names = parsed.rest;
  if (names.length === 0 || print) {
    let out = '';
    for (const n of bashBuiltinNames) {
      if (!isBuiltinName(n)) continue;
      if (special && !SPECIAL.has(n)) continue;
      const off = disabled.has(n);
      if (all) out += `enable ${off ? '-n ' : ''}${n}\n`;
      else if (disable) { if (off) out += `enable -n ${n}\n`; }
      else if (!off) out += `enable ${n}\n`;
    }
    if (names.length === 0) return writeOut(sh, 'enable', out);
  }
  let status = 0;
  for (const n of names) {
    if (!isBuiltinName(n)) {
      await sh.error(`enable: ${n}: not a shell builtin`);
      status = 1;
      continue;
    }
    if (disable) disabled.add(n);
    else disabled.delete(n);
  }
  return status;
}
