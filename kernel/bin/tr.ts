// tr: translate, squeeze and/or delete bytes (GNU options -c -C -d -s -t; ranges, [:classes:],
// [=c=], [c*n], backslash escapes). Works on bytes as in the C locale.

import { argBytes, defineProgram, errText, parseOptions, rethrowFatal, READ_CHUNK, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... STRING1 [STRING2]',
  about: 'Translate, squeeze, and/or delete characters from standard input,\nwriting to standard output.  STRING1 and STRING2 specify arrays of\ncharacters ARRAY1 and ARRAY2 that control the action.',
  options: [
    { short: 'c', long: 'complement', key: 'complement', help: 'use the complement of ARRAY1' },
    { short: 'C', key: 'complement' },
    { short: 'd', long: 'delete', help: 'delete characters in ARRAY1, do not translate' },
    { short: 's', long: 'squeeze-repeats', help: 'replace each sequence of a repeated character\n  that is listed in the last specified ARRAY,\n  with a single occurrence of that character' },
    { short: 't', long: 'truncate-set1', help: 'first truncate ARRAY1 to length of ARRAY2' },
  ],
};

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isDigit(c) || isUpper(c) || isLower(c),
  alpha: (c) => isUpper(c) || isLower(c),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: isDigit,
  graph: (c) => c > 32 && c < 127,
  lower: isLower,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !isDigit(c) && !isUpper(c) && !isLower(c),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: isUpper,
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

type Elem =
  | { kind: 'char'; c: number }
  | { kind: 'range'; lo: number; hi: number }
  | { kind: 'class'; name: string }
  | { kind: 'repeat'; c: number; n: number | null };

/** One char of a set with its backslash escape resolved; `escaped` marks chars that came from one. */
interface Unit {
  c: number;
  escaped: boolean;
}

async function unescape(ctx: Ctx, s: string): Promise<Unit[]> {
  const out: Unit[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 92) {
      out.push({ c: ch, escaped: false });
      continue;
    }
    if (i + 1 >= s.length) {
      await ctx.say('warning: an unescaped backslash at end of string is not portable');
      out.push({ c: 92, escaped: true });
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (n in simple) out.push({ c: simple[n]!, escaped: true });
    else if (n >= '0' && n <= '7') {
      let v = n.charCodeAt(0) - 48;
      let k = 1;
      while (k < 3 && i + 1 < s.length && s[i + 1]! >= '0' && s[i + 1]! <= '7') {
        const nv = v * 8 + (s.charCodeAt(i + 1) - 48);
        if (nv > 255) {
          await ctx.say(`warning: the ambiguous octal escape \\${s.slice(i - k + 1, i + 2)} is being\n\tinterpreted as the 2-byte sequence \\0${s.slice(i - k + 1, i + 1)}, ${s[i + 1]}`);
          break;
        }
        v = nv;
        i++;
        k++;
      }
      out.push({ c: v, escaped: true });
    } else out.push({ c: n.charCodeAt(0), escaped: true });
  }
  return out;
}

function unitsText(u: Unit[]): string {
  return String.fromCharCode(...u.map((x) => x.c));
}

async function parseSet(ctx: Ctx, raw: string, isSet2: boolean): Promise<Elem[]> {
  const u = await unescape(ctx, raw);
  const elems: Elem[] = [];
  const at = (i: number, ch: string): boolean => i < u.length && !u[i]!.escaped && u[i]!.c === ch.charCodeAt(0);
  let i = 0;
  while (i < u.length) {
    if (at(i, '[')) {
      // [:class:]
      if (at(i + 1, ':')) {
        let j = i + 2;
        while (j + 1 < u.length && !(at(j, ':') && at(j + 1, ']'))) j++;
        if (j + 1 < u.length) {
          const name = unitsText(u.slice(i + 2, j));
          if (!(name in CLASSES)) ctx.fail(`invalid character class ${ctx.q(name)}`);
          elems.push({ kind: 'class', name });
          i = j + 2;
          continue;
        }
      }
      // [=c=]
      if (at(i + 1, '=') && at(i + 3, '=') && at(i + 4, ']')) {
        elems.push({ kind: 'char', c: u[i + 2]!.c });
        i += 5;
        continue;
      }
      // [c*n]
      if (i + 2 < u.length && at(i + 2, '*')) {
        let j = i + 3;
        while (j < u.length && !at(j, ']')) j++;
        if (j < u.length) {
          const numText = unitsText(u.slice(i + 3, j));
          if (/^\d*$/.test(numText)) {
            if (!isSet2) ctx.fail('the [c*] repeat construct may not appear in string1');
            let n: number | null = null;
            if (numText !== '') {
              n = numText.startsWith('0') ? parseInt(numText, 8) : parseInt(numText, 10);
              if (Number.isNaN(n) || /[89]/.test(numText) && numText.startsWith('0')) {
                ctx.fail(`invalid repeat count ${ctx.q(numText)} in [c*n] construct`);
              }
              if (n === 0) n = null;
            }
            elems.push({ kind: 'repeat', c: u[i + 1]!.c, n });
            i = j + 1;
            continue;
          }
        }
      }
    }
    // range a-z
    if (i + 2 < u.length && at(i + 1, '-')) {
      const lo = u[i]!.c;
      const hi = u[i + 2]!.c;
      if (lo > hi) {
        ctx.fail(`range-endpoints of '${String.fromCharCode(lo, 45, hi)}' are in reverse collating sequence order`);
      }
      elems.push({ kind: 'range', lo, hi });
      i += 3;
      continue;
    }
    elems.push({ kind: 'char', c: u[i]!.c });
    i++;
  }
  return elems;
}

function classMembers(name: string): number[] {
  const out: number[] = [];
  for (let c = 0; c < 256; c++) if (CLASSES[name]!(c)) out.push(c);
  return out;
}

/** Expands a set to its array of bytes; `fill` is the length a [c*] should pad to. */
function expand(elems: Elem[], fill = 0): { list: number[]; classAt: Map<number, string> } {
  const list: number[] = [];
  const classAt = new Map<number, string>();
  let fixed = 0;
  for (const e of elems) {
    if (e.kind === 'char') fixed++;
    else if (e.kind === 'range') fixed += e.hi - e.lo + 1;
    else if (e.kind === 'class') fixed += classMembers(e.name).length;
    else if (e.n !== null) fixed += e.n;
  }
  let filled = false;
  for (const e of elems) {
    if (e.kind === 'char') list.push(e.c);
    else if (e.kind === 'range') for (let c = e.lo; c <= e.hi; c++) list.push(c);
    else if (e.kind === 'class') {
      classAt.set(list.length, e.name);
      list.push(...classMembers(e.name));
    } else {
      let n = e.n;
      if (n === null) {
        n = filled ? 0 : Math.max(0, fill - fixed);
        filled = true;
      }
      for (let k = 0; k < n; k++) list.push(e.c);
    }
  }
  return { list, classAt };
}

export const tr = defineProgram('tr', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const complement = o.has('complement');
  const del = o.has('delete');
  const squeeze = o.has('squeeze-repeats');
  const truncate = o.has('truncate-set1');
  const ops = o.operands;
  const translating = !del && ops.length >= 2;
  if (ops.length === 0) ctx.usage('missing operand');
  if (del && squeeze && ops.length < 2) {
    ctx.usage(`missing operand after ${ctx.q(ops[0]!)}\nTwo strings must be given when both deleting and squeezing repetitions.`);
  }
  if (!del && !squeeze && ops.length < 2) {
    ctx.usage(`missing operand after ${ctx.q(ops[0]!)}\nTwo strings must be given when translating.`);
  }
  if (ops.length > 2 || (del && !squeeze && ops.length > 1)) {
    const extra = del && !squeeze && ops.length > 1 ? ops[1]! : ops[2]!;
    const why = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    ctx.usage(`extra operand ${ctx.q(extra)}${why}`);
  }
  const e1 = await parseSet(ctx, argBytes(ops[0]!), false);
  const e2 = ops.length > 1 ? await parseSet(ctx, argBytes(ops[1]!), true) : null;
  if (e2 && e2.filter((e) => e.kind === 'repeat' && e.n === null).length > 1) {
    ctx.fail('only one [c*] repeat construct may appear in string2');
  }
  if (e2 && !translating && e2.some((e) => e.kind === 'repeat')) {
    // GNU allows [c*] in string2 only when translating
    ctx.fail('the [c*] construct may appear in string2 only when translating');
  }
  let set1 = expand(e1).list;
  if (complement) {
    const inSet = new Set(set1);
    set1 = [];
    for (let c = 0; c < 256; c++) if (!inSet.has(c)) set1.push(c);
  }
  const inSet1 = new Uint8Array(256);
  for (const c of set1) inSet1[c] = 1;

  const map = new Int16Array(256);
  for (let c = 0; c < 256; c++) map[c] = c;
  let squeezeSet: Uint8Array | null = null;
  if (translating) {
    if (e2!.some((e) => e.kind === 'class' && e.name !== 'upper' && e.name !== 'lower')) {
      ctx.fail("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
    }
    const x1 = expand(e1);
    const x2 = expand(e2!, set1.length);
    for (const pos of x2.classAt.keys()) {
      const other = x1.classAt.get(pos);
      if (complement || !(other === 'upper' || other === 'lower')) {
        ctx.fail('misaligned [:upper:] and/or [:lower:] construct');
      }
    }
    let list2 = x2.list;
    if (list2.length === 0 && set1.length > 0) ctx.fail('when not truncating set1, string2 must be non-empty');
    if (truncate) set1 = set1.slice(0, list2.length);
    else if (list2.length < set1.length) {
      const last = list2[list2.length - 1]!;
      list2 = list2.concat(new Array(set1.length - list2.length).fill(last));
    }
    for (let k = 0; k < set1.length; k++) map[set1[k]!] = list2[k]!;
    if (squeeze) {
      squeezeSet = new Uint8Array(256);
      for (const c of expand(e2!).list) squeezeSet[c] = 1;
    }
  } else if (squeeze) {
    squeezeSet = new Uint8Array(256);
    if (del) for (const c of expand(e2!).list) squeezeSet[c] = 1;
    else squeezeSet.set(inSet1);
  }

  const { proc } = ctx;
  let last = -1;
  for (;;) {
    let data: Uint8Array;
    try {
      data = await proc.read(0, READ_CHUNK);
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`read error: ${errText(e)}`);
    }
    if (data.length === 0) break;
    const out = new Uint8Array(data.length);
    let n = 0;
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!;
      if (del && inSet1[b]) continue;
      const c = translating ? map[b]! : b;
      if (squeezeSet && squeezeSet[c] && c === last) continue;
      out[n++] = c;
      last = c;
    }
    if (n) await proc.write(1, out.subarray(0, n));
  }
});
