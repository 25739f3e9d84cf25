// unset [-f] [-v] [-n] [name ...] — variables, array elements (`unset 'a[1]'`), functions.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { functionAttrs, rawVar } from './declare.ts';
import { isName, parseOpts, splitSubscript } from './util.ts';

/** ShellVariables' extension: unset the nameref itself. */
type RawUnset = { unset(name: string, opts?: { raw?: boolean }): boolean };

export async function unset(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'unset', args, 'fnv');
  if (typeof parsed === 'number') return parsed;
  let fns = false, vars = false, ref = false;
  for (const o of parsed.opts) {
    if (o.opt === 'f') fns = true;
    else if (o.opt === 'v') vars = true;
    else ref = true;
  }
  if (fns && vars) {
    await sh.error('unset: cannot simultaneously unset a function and a variable');
    return 1;
  }
  let status = 0;
  for (const name of parsed.rest) {
    try {
      if (fns) {
        const fn = sh.functions.get(name);
        if (fn && functionAttrs.get(fn)?.readonly) {
          await sh.error(`unset: ${name}: cannot unset: readonly function`);
          status = 1;
          continue;
        }
        sh.functions.delete(name);
        continue;
      }
      const sub = splitSubscript(name);
      if (sub) {
        status |= await unsetElement(sh, sub.name, sub.index);
        continue;
      }
      if (!isName(name)) {
        if (vars) {
          await sh.error(`unset: \`${name}': not a valid identifier`);
          status = 1;
        } else sh.functions.delete(name);
        continue;
      }
      const v = ref ? rawVar(sh, name) : sh.vars.lookup(name);
      if (v?.attrs.readonly) {
        await sh.error(`unset: ${name}: cannot unset: readonly variable`);
        status = 1;
        continue;
      }
      if (!v && !vars && sh.vars.get(name) === undefined) {
        // not a variable: a function of that name goes (bash's fallback without -v)
        if (sh.functions.has(name)) { sh.functions.delete(name); continue; }
      }
      (sh.vars as RawUnset).unset(name, { raw: ref });
    } catch (e) {
      if (e instanceof ShellError && !e.fatal) {
        await sh.error(`unset: ${e.message}`);
        status = 1;
        continue;
      }
      throw e;
    }
  }
  return status;
}

async function unsetElement(sh: Shell, name: string, index: string): Promise<number> {
  const v = sh.vars.lookup(name);
  if (!v) return 0;
  if (v.attrs.readonly) {
    await sh.error(`unset: ${name}: cannot unset: readonly variable`);
    return 1;
  }
  if (index === '@' || index === '*') {
    for (const k of sh.vars.keys(name)) sh.vars.unsetElement(name, k);
    return 0;
  }
  if (v.attrs.assoc) {
    sh.vars.unsetElement(name, index);
    return 0;
  }
  if (!(v.value instanceof Map)) {
    // a scalar is element 0
    if (sh.arith(index) === 0n) sh.vars.unset(name);
    return 0;
  }
  let n = sh.arith(index);
  if (n < 0n) {
    let max = -1n;
    for (const k of sh.vars.keys(name)) { const x = BigInt(k); if (x > max) max = x; }
    n = max + 1n + n;
    if (n < 0n) {
      await sh.error(`unset: [${index}]: bad array subscript`);
      return 1;
    }
  }
  sh.vars.unsetElement(name, n.toString());
  return 0;
}
