// mapfile / readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback]
// [-c quantum] [array] — lines of input into an indexed array (bash's mapfile.def).

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { FdReader, TIMEOUT } from './input.ts';
import { errText, isName, legalNumber, parseOpts, singleQuote } from './util.ts';

const decoder = new TextDecoder();

async function run(sh: Shell, name: 'mapfile' | 'readarray', args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, name, args, 'd:n:O:s:tu:C:c:');
  if (typeof parsed === 'number') return parsed;
  let delim = 10, count = 0n, origin = 0n, skip = 0n, chop = false, fd = 0, quantum = 5000n;
  let haveOrigin = false;
  let callback: string | undefined;
  for (const o of parsed.opts) {
    const a = o.arg!;
    switch (o.opt) {
      case 'd': delim = a === '' ? 0 : new TextEncoder().encode(a)[0]; break;
      case 'n': case 's': {
        const n = legalNumber(a);
        if (n === null || n < 0n) { await sh.error(`${name}: ${a}: invalid line count`); return 1; }
        if (o.opt === 'n') count = n; else skip = n;
        break;
      }
      case 'O': {
        const n = legalNumber(a);
        if (n === null || n < 0n) { await sh.error(`${name}: ${a}: invalid array origin`); return 1; }
        origin = n;
        haveOrigin = true;
        break;
      }
      case 't': chop = true; break;
      case 'u': {
        const n = legalNumber(a);
        if (n === null || n < 0n || n > 0x7fffffffn) { await sh.error(`${name}: ${a}: invalid file descriptor specification`); return 1; }
        fd = Number(n);
        try { sh.proc.fstat(fd); } catch (e) {
          await sh.error(`${name}: ${a}: invalid file descriptor: ${errText(e)}`);
          return 1;
        }
        break;
      }
      case 'C': callback = a; break;
      case 'c': {
        const n = legalNumber(a);
        if (n === null || n <= 0n) { await sh.error(`${name}: ${a}: invalid callback quantum`); return 1; }
        quantum = n;
        break;
      }
    }
  }
  const rest = parsed.rest;
  const arr = rest[0] ?? 'MAPFILE';
  if (rest.length > 1) { /* bash ignores extra operands */ }
  if (!isName(arr)) {
    await sh.error(`${name}: \`${arr}': not a valid identifier`);
    return 1;
  }
  const v = sh.vars.lookup(arr);
  if (v?.attrs.assoc) {
    await sh.error(`${name}: ${arr}: not an indexed array`);
    return 1;
  }
  if (v?.attrs.readonly) {
    await sh.error(`${name}: ${arr}: readonly variable`);
    return 1;
  }
  try {
    if (!haveOrigin) sh.vars.setArray(arr, []);
    else if (!v || !(v.value instanceof Map)) sh.vars.declare(arr, { indexed: true });
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) { await sh.error(`${name}: ${e.message}`); return 1; }
    throw e;
  }

  const reader = new FdReader(sh.proc, fd);
  const readLine = async (): Promise<Uint8Array | null> => {
    const bytes: number[] = [];
    for (;;) {
      const b = await reader.byte();
      if (b === null || b === TIMEOUT) return bytes.length ? new Uint8Array(bytes) : null;
      bytes.push(b);
      if (b === delim) return new Uint8Array(bytes);
    }
  };
  let status = 0;
  try {
    for (let i = 0n; i < skip; i++) if (await readLine() === null) break;
    let index = origin;
    let lines = 0n;
    for (let lineCount = 1n; ; lineCount++) {
      if (count !== 0n && lines >= count) break;
      const raw = await readLine();
      if (raw === null) break;
      let bytes = raw;
      if (chop && bytes.length && bytes[bytes.length - 1] === delim) bytes = bytes.subarray(0, bytes.length - 1);
      const line = decoder.decode(bytes);
      if (callback !== undefined && lineCount % quantum === 0n) {
        reader.finish();
        await sh.runString(`${callback} ${index} ${singleQuote(line)}`);
      }
      sh.vars.setElement(arr, index.toString(), line);
      lines++;
      index++;
    }
  } catch (e) {
    reader.finish();
    if (e instanceof ShellError && !e.fatal) { await sh.error(`${name}: ${e.message}`); return 1; }
    if (e instanceof ShellError) throw e;
    await sh.error(`${name}: read error: ${fd}: ${errText(e)}`);
    status = 1;
    return status;
  }
  reader.finish();
  return status;
}

export const mapfile = (sh: Shell, args: string[]): Promise<number> => run(sh, 'mapfile', args);
export const readarray = (sh: Shell, args: string[]): Promise<number> => run(sh, 'readarray', args);
