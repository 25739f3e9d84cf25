// sort: sort lines of text files like GNU sort in the C locale (byte order).
// Options: -b -d -f -g -h -i -M -n -R -r -V -c -C -k -m -o -s -t -u -z (-S -T --parallel ignored).

import { O_CREAT, O_TRUNC, O_WRONLY } from '../types.ts';
import { humanCompare, humanKey, monthKey, numCompare, numKey, generalCompare, strtod, filevercmp } from './compare.ts';
import { BinLineReader, Output, argBytes, argMatch, closeInput, defineProgram, errText, openInput, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

interface Key {
  sword: number;
  schar: number;
  /** Infinity: to the end of the line */
  eword: number;
  echar: number;
  skipsblanks: boolean;
  skipeblanks: boolean;
  ignore: '' | 'd' | 'i';
  translate: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  month: boolean;
  version: boolean;
  random: boolean;
  reverse: boolean;
}

const spec = {
  usage: ['[OPTION]... [FILE]...'],
  about: 'Write sorted concatenation of all FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.\n\nOrdering options:',
  options: [
    { short: 'b', long: 'ignore-leading-blanks', help: 'ignore leading blanks' },
    { short: 'd', long: 'dictionary-order', help: 'consider only blanks and alphanumeric characters' },
    { short: 'f', long: 'ignore-case', help: 'fold lower case to upper case characters' },
    { short: 'g', long: 'general-numeric-sort', help: 'compare according to general numerical value' },
    { short: 'i', long: 'ignore-nonprinting', help: 'consider only printable characters' },
    { short: 'M', long: 'month-sort', help: "compare (unknown) < 'JAN' < ... < 'DEC'" },
    { short: 'h', long: 'human-numeric-sort', help: 'compare human readable numbers (e.g., 2K 1G)' },
    { short: 'n', long: 'numeric-sort', help: 'compare according to string numerical value' },
    { short: 'R', long: 'random-sort', help: 'shuffle, but group identical keys' },
    { long: 'random-source', arg: 'required' as const, argName: 'FILE' },
    { short: 'r', long: 'reverse', help: 'reverse the result of comparisons' },
    { long: 'sort', arg: 'required' as const, argName: 'WORD', help: 'sort according to WORD:\n  general-numeric -g, human-numeric -h, month -M,\n  numeric -n, random -R, version -V' },
    { short: 'V', long: 'version-sort', help: 'natural sort of (version) numbers within text' },
    { long: 'batch-size', arg: 'required' as const, argName: 'NMERGE' },
    { short: 'c', key: 'check-diagnose', help: 'check for sorted input; do not sort' },
    { long: 'check', arg: 'optional' as const, argName: 'WORD', key: 'check' },
    { short: 'C', key: 'check-quiet', help: 'like -c, but do not report first bad line' },
    { long: 'compress-program', arg: 'required' as const, argName: 'PROG' },
    { long: 'debug', help: 'not supported in agentvm' },
    { short: 'k', long: 'key', arg: 'required' as const, argName: 'KEYDEF', help: 'sort via a key; KEYDEF gives location and type' },
    { short: 'm', long: 'merge', help: 'merge already sorted files; do not sort' },
    { short: 'o', long: 'output', arg: 'required' as const, argName: 'FILE', help: 'write result to FILE instead of standard output' },
    { short: 's', long: 'stable', help: 'stabilize sort by disabling last-resort comparison' },
    { short: 'S', long: 'buffer-size', arg: 'required' as const, argName: 'SIZE', help: 'use SIZE for main memory buffer (ignored)' },
    { short: 't', long: 'field-separator', arg: 'required' as const, argName: 'SEP', help: 'use SEP instead of non-blank to blank transition' },
    { short: 'T', long: 'temporary-directory', arg: 'required' as const, argName: 'DIR', help: '(ignored)' },
    { long: 'parallel', arg: 'required' as const, argName: 'N', help: '(ignored)' },
    { short: 'u', long: 'unique', help: 'with -c, check for strict ordering;\n  without -c, output only the first of an equal run' },
    { short: 'z', long: 'zero-terminated', help: 'line delimiter is NUL, not newline' },
  ],
  after: 'KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a\nfield number and C a character position in the field; both are origin 1, and\nthe stop position defaults to the line\'s end.  OPTS is one or more single-letter\nordering options [bdfgiMhnRrV], which override global ordering options for that key.',
};

function newKey(): Key {
  return {
    sword: 0, schar: 0, eword: Infinity, echar: 0, skipsblanks: false, skipeblanks: false, ignore: '', translate: false,
    numeric: false, general: false, human: false, month: false, version: false, random: false, reverse: false,
  };
}

/** Applies an ordering option letter; false if it is not one. */
function setOpt(k: Key, c: string, pos: 1 | 2 | 0): boolean {
  switch (c) {
    case 'b':
      if (pos !== 2) k.skipsblanks = true;
      if (pos !== 1) k.skipeblanks = true;
      return true;
    case 'd': k.ignore = 'd'; return true;
    case 'f': k.translate = true; return true;
    case 'g': k.general = true; return true;
    case 'h': k.human = true; return true;
    case 'i': k.ignore = 'i'; return true;
    case 'M': k.month = true; return true;
    case 'n': k.numeric = true; return true;
    case 'R': k.random = true; return true;
    case 'r': k.reverse = true; return true;
    case 'V': k.version = true; return true;
  }
  return false;
}

function hasOrdering(k: Key): boolean {
  return k.skipsblanks || k.skipeblanks || k.ignore !== '' || k.translate || k.numeric || k.general || k.human ||
    k.month || k.version || k.random || k.reverse;
}

function keyOpts(k: Key): string {
  let s = '';
  if (k.skipsblanks || k.skipeblanks) s += 'b';
  if (k.ignore === 'd') s += 'd';
  if (k.translate) s += 'f';
  if (k.general) s += 'g';
  if (k.human) s += 'h';
  if (k.ignore === 'i') s += 'i';
  if (k.month) s += 'M';
  if (k.numeric) s += 'n';
  if (k.random) s += 'R';
  if (k.reverse) s += 'r';
  if (k.version) s += 'V';
  return s;
}

function parseKey(ctx: Ctx, def: string): Key {
  const k = newKey();
  const bad = (why: string): never => ctx.fail(`${why}: invalid field specification ${ctx.q(def)}`, 2);
  const count = (s: string, at: number, what: string): [number, number] => {
    let j = at;
    while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (j === at) ctx.fail(`${what}: invalid count at start of ${ctx.q(s.slice(at))}`, 2);
    const n = Number(s.slice(at, j));
    return [Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER, j];
  };
  let [f, i] = count(def, 0, 'invalid number at field start');
  if (f === 0) bad('field number is zero');
  k.sword = f - 1;
  if (def[i] === '.') {
    let c: number;
    [c, i] = count(def, i + 1, "invalid number after '.'");
    if (c === 0) bad('character offset is zero');
    k.schar = c - 1;
  }
  while (i < def.length && def[i] !== ',') {
    if (!setOpt(k, def[i]!, 1)) bad('stray character in field spec');
    i++;
  }
  if (def[i] === ',') {
    let e: number;
    [e, i] = count(def, i + 1, "invalid number after ','");
    if (e === 0) bad('field number is zero');
    k.eword = e - 1;
    if (def[i] === '.') {
      [k.echar, i] = count(def, i + 1, "invalid number after '.'");
    }
    while (i < def.length) {
      if (!setOpt(k, def[i]!, 2)) bad('stray character in field spec');
      i++;
    }
  }
  return k;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** GNU begfield/limfield: the [start, end) of a key in a line. */
function keyRange(line: string, k: Key, tab: number): [number, number] {
  const lim = line.length;
  let p = 0;
  let sword = k.sword;
  if (tab >= 0) {
    while (p < lim && sword-- > 0) {
      while (p < lim && line.charCodeAt(p) !== tab) p++;
      if (p < lim) p++;
    }
  } else {
    while (p < lim && sword-- > 0) {
      while (p < lim && isBlank(line.charCodeAt(p))) p++;
      while (p < lim && !isBlank(line.charCodeAt(p))) p++;
    }
  }
  if (k.skipsblanks) while (p < lim && isBlank(line.charCodeAt(p))) p++;
  const start = Math.min(lim, p + k.schar);
  if (k.eword === Infinity) return [start, lim];
  let q = 0;
  let eword = k.eword;
  const echar = k.echar;
  if (echar === 0) eword++;
  if (tab >= 0) {
    while (q < lim && eword-- > 0) {
      while (q < lim && line.charCodeAt(q) !== tab) q++;
      if (q < lim && (eword > 0 || echar !== 0)) q++;
    }
  } else {
    while (q < lim && eword-- > 0) {
      while (q < lim && isBlank(line.charCodeAt(q))) q++;
      while (q < lim && !isBlank(line.charCodeAt(q))) q++;
    }
  }
  if (echar !== 0) {
    if (k.skipeblanks) while (q < lim && isBlank(line.charCodeAt(q))) q++;
    q = Math.min(lim, q + echar);
  }
  return [start, Math.max(start, q)];
}

function filterText(s: string, k: Key): string {
  if (k.ignore) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const keep = k.ignore === 'd'
        ? isBlank(c) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        : c >= 32 && c < 127;
      if (keep) out += s[i];
    }
    s = out;
  }
  if (k.translate) s = s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  return s;
}

type KeyVal = string | number | undefined | ReturnType<typeof numKey> | ReturnType<typeof humanKey>;

function hash(s: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Sorter {
  readonly keys: Key[];
  readonly tab: number;
  readonly stable: boolean;
  readonly unique: boolean;
  readonly reverse: boolean;
  readonly salt = (Math.random() * 0x7fffffff) | 0;
  constructor(keys: Key[], tab: number, stable: boolean, unique: boolean, reverse: boolean) {
    this.keys = keys;
    this.tab = tab;
    this.stable = stable;
    this.unique = unique;
    this.reverse = reverse;
  }

  extract(line: string): KeyVal[] {
    const out: KeyVal[] = [];
    for (const k of this.keys) {
      const [s, e] = keyRange(line, k, this.tab);
      const t = line.slice(s, e);
      if (k.numeric) out.push(numKey(t));
      else if (k.human) out.push(humanKey(t));
      else if (k.general) out.push(strtod(t));
      else if (k.month) out.push(monthKey(t));
      else out.push(filterText(t, k));
    }
    return out;
  }

  keyCompare(a: KeyVal[], b: KeyVal[]): number {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]!;
      const x = a[i];
      const y = b[i];
      let d: number;
      if (k.numeric) d = numCompare(x as ReturnType<typeof numKey>, y as ReturnType<typeof numKey>);
      else if (k.human) d = humanCompare(x as ReturnType<typeof humanKey>, y as ReturnType<typeof humanKey>);
      else if (k.general) d = generalCompare(x as number | undefined, y as number | undefined);
      else if (k.month) d = (x as number) - (y as number);
      else if (k.version) d = filevercmp(x as string, y as string);
      else if (k.random) {
        const hx = hash(x as string, this.salt);
        const hy = hash(y as string, this.salt);
        d = hx !== hy ? (hx < hy ? -1 : 1) : x === y ? 0 : (x as string) < (y as string) ? -1 : 1;
      } else d = x === y ? 0 : (x as string) < (y as string) ? -1 : 1;
      if (d) return k.reverse ? (d < 0 ? 1 : -1) : d;
    }
    return 0;
  }

  /** Full comparison: keys, then (unless -s/-u) the whole line in byte order. */
  compare(la: string, ka: KeyVal[], lb: string, kb: KeyVal[]): number {
    if (this.keys.length) {
      const d = this.keyCompare(ka, kb);
      if (d || this.unique || this.stable) return d;
    }
    const d = la === lb ? 0 : la < lb ? -1 : 1;
    return this.reverse ? -d : d;
  }
}

async function readLines(ctx: Ctx, files: string[], delim: number, each: (line: string, file: string, n: number) => Promise<boolean> | boolean): Promise<void> {
  for (const file of files) {
    let fd: number;
    try {
      fd = openInput(ctx.proc, file);
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`cannot read: ${file}: ${errText(e)}`, 2);
    }
    try {
      const reader = new BinLineReader(ctx.proc, fd, delim);
      let n = 0;
      for (;;) {
        let batch: string[] | null;
        try {
          batch = await reader.batch();
        } catch (e) {
          rethrowFatal(e);
          ctx.fail(`read failed: ${file}: ${errText(e)}`, 2);
        }
        if (!batch) break;
        for (const l of batch) {
          const r = each(l, file, ++n);
          if ((r instanceof Promise ? await r : r) === false) return;
        }
      }
    } finally {
      closeInput(ctx.proc, fd);
    }
  }
}

export const sort = defineProgram('sort', async (ctx: Ctx) => {
  ctx.usageStatus = 2;
  const o = parseOptions(ctx, spec);
  const g = newKey();
  const keys: Key[] = [];
  let tab = -1;
  let stable = false;
  let unique = false;
  let check: '' | 'diagnose' | 'quiet' = '';
  let output: string | undefined;
  let delim = 10;
  for (const { key, value, name } of o.list) {
    switch (key) {
      case 'ignore-leading-blanks': setOpt(g, 'b', 0); break;
      case 'dictionary-order': setOpt(g, 'd', 0); break;
      case 'ignore-case': setOpt(g, 'f', 0); break;
      case 'general-numeric-sort': setOpt(g, 'g', 0); break;
      case 'ignore-nonprinting': setOpt(g, 'i', 0); break;
      case 'month-sort': setOpt(g, 'M', 0); break;
      case 'human-numeric-sort': setOpt(g, 'h', 0); break;
      case 'numeric-sort': setOpt(g, 'n', 0); break;
      case 'random-sort': setOpt(g, 'R', 0); break;
      case 'reverse': setOpt(g, 'r', 0); break;
      case 'version-sort': setOpt(g, 'V', 0); break;
      case 'sort': {
        const w = argMatch(ctx, name, value!, [['general-numeric'], ['human-numeric'], ['month'], ['numeric'], ['random'], ['version']]);
        setOpt(g, { 'general-numeric': 'g', 'human-numeric': 'h', month: 'M', numeric: 'n', random: 'R', version: 'V' }[w]!, 0);
        break;
      }
      case 'check':
        check = value === undefined ? 'diagnose' : argMatch(ctx, '--check', value, [['quiet', 'silent'], ['diagnose-first']]) === 'quiet' ? 'quiet' : 'diagnose';
        break;
      case 'check-quiet': check = 'quiet'; break;
      case 'check-diagnose': check = 'diagnose'; break;
      case 'debug': ctx.fail('--debug: Function not implemented', 2); break;
      case 'key': keys.push(parseKey(ctx, value!)); break;
      case 'output':
        if (output !== undefined && output !== value) ctx.fail('multiple output files specified', 2);
        output = value;
        break;
      case 'stable': stable = true; break;
      case 'field-separator': {
        let t = argBytes(value!);
        if (t === '') ctx.fail('empty tab', 2);
        if (t.length > 1) {
          if (t === '\\0') t = '\0';
          else ctx.fail(`multi-character tab ${ctx.q(value!)}`, 2);
        }
        const c = t.charCodeAt(0);
        if (tab >= 0 && tab !== c) ctx.fail('incompatible tabs', 2);
        tab = c;
        break;
      }
      case 'unique': unique = true; break;
      case 'zero-terminated': delim = 0; break;
    }
  }
  // keys without ordering options inherit the global ones; no -k but global options = a whole-line key
  for (const k of keys) {
    if (!hasOrdering(k)) {
      k.skipsblanks = g.skipsblanks; k.skipeblanks = g.skipeblanks; k.ignore = g.ignore; k.translate = g.translate;
      k.numeric = g.numeric; k.general = g.general; k.human = g.human; k.month = g.month; k.version = g.version;
      k.random = g.random; k.reverse = g.reverse;
    }
  }
  if (!keys.length && hasOrdering(g) && !(keyOpts(g) === 'r')) keys.push({ ...g });
  for (const k of [...keys, g]) {
    const n = (k.numeric ? 1 : 0) + (k.general ? 1 : 0) + (k.human ? 1 : 0) + (k.month ? 1 : 0) +
      (k.version || k.random || k.ignore !== '' ? 1 : 0);
    if (n > 1) ctx.fail(`options '-${keyOpts(k).replace('r', '')}' are incompatible`, 2);
  }
  const sorter = new Sorter(keys, tab, stable, unique, g.reverse);
  const files = o.operands.length ? o.operands : ['-'];

  if (check) {
    if (files.length > 1) ctx.usage(`extra operand ${quoteaf(files[1]!)} not allowed with -${check === 'quiet' ? 'C' : 'c'}`);
    let prev: string | undefined;
    let prevKeys: KeyVal[] = [];
    let disorder = false;
    await readLines(ctx, files, delim, async (line, file, n) => {
      const k = sorter.extract(line);
      if (prev !== undefined) {
        const d = sorter.compare(prev, prevKeys, line, k);
        if (d > 0 || (unique && d === 0)) {
          disorder = true;
          if (check === 'diagnose') {
            const text = line;
            const err = new Output(ctx.proc, 2);
            err.text(`${ctx.name}: ${file}:${n}: disorder: `);
            err.bin(text);
            err.byte(10);
            await err.flush();
          }
          return false;
        }
      }
      prev = line;
      prevKeys = k;
      return true;
    });
    return disorder ? 1 : 0;
  }

  const lines: string[] = [];
  await readLines(ctx, files, delim, (line) => {
    lines.push(line);
    return true;
  });

  let sorted: string[];
  if (!keys.length) {
    sorted = lines.sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
    if (g.reverse) sorted.reverse();
    if (unique) sorted = sorted.filter((l, i) => i === 0 || l !== sorted[i - 1]);
  } else {
    const dec = lines.map((line) => ({ line, keys: sorter.extract(line) }));
    dec.sort((a, b) => sorter.compare(a.line, a.keys, b.line, b.keys));
    if (unique) {
      const kept: typeof dec = [];
      for (const d of dec) {
        const last = kept[kept.length - 1];
        if (!last || sorter.keyCompare(last.keys, d.keys) !== 0) kept.push(d);
      }
      sorted = kept.map((d) => d.line);
    } else sorted = dec.map((d) => d.line);
  }

  let out = ctx.out;
  let outFd = -1;
  if (output !== undefined) {
    try {
      outFd = ctx.proc.open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`open failed: ${output}: ${errText(e)}`, 2);
    }
    out = new Output(ctx.proc, outFd);
  }
  try {
    for (const l of sorted) {
      out.bin(l);
      out.byte(delim);
      if (out.full) await out.flush();
    }
    await out.flush();
  } finally {
    if (outFd >= 0) closeInput(ctx.proc, outFd);
  }
  return 0;
});
