// let arg [arg ...] — each argument is an arithmetic expression; status 1 when the last is 0.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';

export async function letBuiltin(sh: Shell, args: string[]): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    await sh.error('let: expression expected');
    return 1;
  }
  let last = 0n;
  for (const a of args) {
    try {
      last = sh.arith(a);
    } catch (e) {
      if (e instanceof ShellError) {
        await sh.error(e.message.startsWith('let: ') ? e.message : `let: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  return last === 0n ? 1 : 0;
}
