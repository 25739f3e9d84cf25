// echo [-neE] [arg ...]: options only when every letter is n, e or E; xpg_echo turns -e on.

import type { Shell } from '../contracts.ts';
import { ByteBuf, decodeEscapes, utf8Locale } from './escapes.ts';
import { KernelError, strerror } from '../../errno.ts';

export async function echo(sh: Shell, args: string[]): Promise<number> {
  let newline = true;
  let escapes = sh.shoptOptions.has('xpg_echo');
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.length < 2 || a[0] !== '-' || !/^-[neE]+$/.test(a)) break;
    for (let j = 1; j < a.length; j++) {
      if (a[j] === 'n') newline = false;
      else if (a[j] === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text: string | Uint8Array;
  if (!escapes) {
    text = args.slice(i).join(' ') + (newline ? '\n' : '');
  } else {
    const out = new ByteBuf();
    const utf8 = utf8Locale(sh);
    let stopped = false;
    for (let k = i; k < args.length; k++) {
      if (k > i) out.byte(32);
      if (decodeEscapes(args[k], { mode: 'echo', utf8 }, out)) { stopped = true; break; }
    }
    if (newline && !stopped) out.byte(10);
    text = out.toBytes();
  }
  if (text.length === 0) return 0;
  try {
    await sh.write(1, text);
  } catch (e) {
    if (e instanceof KernelError) {
      await sh.error(`echo: write error: ${strerror(e.errno)}`);
      return 1;
    }
    throw e;
  }
  return 0;
}
