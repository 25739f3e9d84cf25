// The shell's variable store: global and function scopes with bash's dynamic scoping, attributes
// (-i -l -u -c -r -x -n -a -A), sparse indexed arrays and associative arrays that iterate in
// bash's hash-table order, namerefs, and dynamic specials served through a hook.

import { ShellError, type ShellVar, type VarAttrs, type Variables } from './contracts.ts';
import { evalArith } from './arith.ts';

export interface VariablesOptions {
  /** Values of the dynamic specials (RANDOM, LINENO, …); undefined falls back to the stored value. */
  dynamic?: (name: string) => string | undefined;
  /** Which names are dynamic (default: RANDOM LINENO SECONDS BASHPID EPOCHSECONDS EPOCHREALTIME SRANDOM). */
  dynamicNames?: readonly string[];
  /** Called with the (nameref-resolved) name after every assignment, attribute change or unset. */
  onAssign?: (name: string) => void;
  /** Arithmetic for -i variables (default: evalArith over this store). */
  arith?: (expr: string) => bigint;
  /** set -a: scalar assignments export the variable. */
  allexport?: () => boolean;
  /** Non-fatal messages ("warning: x: circular name reference", "a: bad array subscript"). */
  warn?: (msg: string) => void;
}

export const DEFAULT_DYNAMIC = ['RANDOM', 'LINENO', 'SECONDS', 'BASHPID', 'EPOCHSECONDS', 'EPOCHREALTIME', 'SRANDOM'];
const DYNAMIC_INTEGER = new Set(['RANDOM', 'SECONDS', 'BASHPID', 'SRANDOM']);

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A valid shell variable name. */
export function isValidName(name: string): boolean {
  return NAME_RE.test(name);
}
/** name or name[subscript] (nameref targets, `unset`, `read` arguments). */
export function isValidRef(ref: string): boolean {
  const b = ref.indexOf('[');
  if (b < 0) return NAME_RE.test(ref);
  return ref.endsWith(']') && b + 1 < ref.length - 1 && NAME_RE.test(ref.slice(0, b));
}

// ---- case conversion (per character, like towupper/towlower; ASCII only in the C locale) ----

const ASCII = /^[\x00-\x7f]*$/;
function mapChars(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    out += [...m].length === 1 ? m : c;
  }
  return out;
}
const asciiUpper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
export function upcase(s: string, utf8 = true): string {
  if (ASCII.test(s)) return s.toUpperCase();
  return utf8 ? mapChars(s, (c) => c.toUpperCase()) : asciiUpper(s);
}
export function downcase(s: string, utf8 = true): string {
  if (ASCII.test(s)) return s.toLowerCase();
  return utf8 ? mapChars(s, (c) => c.toLowerCase()) : asciiLower(s);
}
/** First character upper, the rest lower (declare -c). */
export function capitalize(s: string, utf8 = true): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  return upcase(first, utf8) + downcase(s.slice(first.length), utf8);
}
/** Whether the locale variables of a store name a UTF-8 locale (LC_ALL, LC_CTYPE, LANG). */
export function isUtf8Locale(v: { get(name: string): string | undefined }): boolean {
  const loc = v.get('LC_ALL') || v.get('LC_CTYPE') || v.get('LANG') || '';
  return /utf-?8/i.test(loc);
}

// ---- arrays ----

/** A sparse indexed array: a Map<number, string> that always iterates in index order. */
export class IndexedArray extends Map<number, string> {
  #max = -1;
  #sorted = true;

  override set(k: number, v: string): this {
    if (!super.has(k)) {
      if (k < this.#max) this.#sorted = false;
      else this.#max = k;
    }
    return super.set(k, v);
  }
  override delete(k: number): boolean {
    if (!super.delete(k)) return false;
    if (k === this.#max) {
      let m = -1;
      for (const i of super.keys()) if (i > m) m = i;
      this.#max = m;
    }
    return true;
  }
  override clear(): void {
    super.clear();
    this.#max = -1;
    this.#sorted = true;
  }
  /** The highest index, -1 when empty. */
  get maxIndex(): number { return this.#max; }

  #sync(): void {
    if (this.#sorted) return;
    const e = [...super.entries()].sort((a, b) => a[0] - b[0]);
    super.clear();
    for (const [k, v] of e) super.set(k, v);
    this.#sorted = true;
  }
  override keys(): MapIterator<number> { this.#sync(); return super.keys(); }
  override values(): MapIterator<string> { this.#sync(); return super.values(); }
  override entries(): MapIterator<[number, string]> { this.#sync(); return super.entries(); }
  override [Symbol.iterator](): MapIterator<[number, string]> { this.#sync(); return super.entries(); }
  override forEach(cb: (v: string, k: number, m: Map<number, string>) => void, thisArg?: unknown): void {
    this.#sync();
    super.forEach(cb, thisArg);
  }
  copy(): IndexedArray {
    const c = new IndexedArray();
    for (const [k, v] of this.entries()) c.set(k, v);
    return c;
  }
}

/** FNV-1 over the UTF-8 bytes with C's signed char, as bash's hash_string. */
function hashString(s: string): number {
  let h = 2166136261;
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) { ascii = false; break; }
  if (ascii) {
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h, 16777619) >>> 0;
      h = (h ^ s.charCodeAt(i)) >>> 0;
    }
    return h;
  }
  for (const b of new TextEncoder().encode(s)) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ (b >= 128 ? b | 0xffffff00 : b)) >>> 0;
  }
  return h;
}

/**
 * An associative array that iterates in bash's order: hash buckets in ascending order, most
 * recently inserted first within a bucket, growing ×4 when entries reach 2 × buckets.
 */
export class AssocArray extends Map<string, string> {
  #nbuckets: number;
  /** bucket → keys, oldest first (the chain head is the last element) */
  #buckets = new Map<number, string[]>();
  #dirty = false;

  /** declare -A makes 1024 buckets; converting a scalar makes 128. */
  constructor(nbuckets = 1024) {
    super();
    this.#nbuckets = nbuckets;
  }

  override set(k: string, v: string): this {
    if (!super.has(k)) {
      if (super.size >= this.#nbuckets * 2) this.#grow();
      const b = hashString(k) & (this.#nbuckets - 1);
      const chain = this.#buckets.get(b);
      if (chain) chain.push(k); else this.#buckets.set(b, [k]);
      this.#dirty = true;
    }
    return super.set(k, v);
  }
  override delete(k: string): boolean {
    if (!super.delete(k)) return false;
    const b = hashString(k) & (this.#nbuckets - 1);
    const chain = this.#buckets.get(b)!;
    chain.splice(chain.indexOf(k), 1);
    if (chain.length === 0) this.#buckets.delete(b);
    return true;
  }
  override clear(): void {
    super.clear();
    this.#buckets.clear();
  }
  #grow(): void {
    const n = this.#nbuckets * 4;
    const nb = new Map<number, string[]>();
    for (const j of [...this.#buckets.keys()].sort((a, b) => a - b)) {
      const chain = this.#buckets.get(j)!;
      for (let i = chain.length - 1; i >= 0; i--) {
        const k = chain[i]!;
        const b = hashString(k) & (n - 1);
        const c = nb.get(b);
        if (c) c.push(k); else nb.set(b, [k]);
      }
    }
    this.#nbuckets = n;
    this.#buckets = nb;
    this.#dirty = true;
  }
  #sync(): void {
    if (!this.#dirty) return;
    const order: [string, string][] = [];
    for (const j of [...this.#buckets.keys()].sort((a, b) => a - b)) {
      const chain = this.#buckets.get(j)!;
      for (let i = chain.length - 1; i >= 0; i--) order.push([chain[i]!, super.get(chain[i]!)!]);
    }
    super.clear();
    for (const [k, v] of order) super.set(k, v);
    this.#dirty = false;
  }
  override keys(): MapIterator<string> { this.#sync(); return super.keys(); }
  override values(): MapIterator<string> { this.#sync(); return super.values(); }
  override entries(): MapIterator<[string, string]> { this.#sync(); return super.entries(); }
  override [Symbol.iterator](): MapIterator<[string, string]> { this.#sync(); return super.entries(); }
  override forEach(cb: (v: string, k: string, m: Map<string, string>) => void, thisArg?: unknown): void {
    this.#sync();
    super.forEach(cb, thisArg);
  }
  copy(): AssocArray {
    const c = new AssocArray(this.#nbuckets);
    for (const [b, chain] of this.#buckets) c.#buckets.set(b, chain.slice());
    this.#sync();
    for (const [k, v] of super.entries()) Map.prototype.set.call(c, k, v);
    c.#dirty = false;
    return c;
  }
}

// ---- the store ----

const GLOBAL = 0, FUNC = 1, TEMP = 2;

interface Ref {
  rec: ShellVar | undefined;
  name: string;
  key?: string;
  circular?: boolean;
}

function readonlyError(name: string): ShellError {
  return new ShellError(`${name}: readonly variable`, 1, false);
}

export class ShellVariables implements Variables {
  #scopes: Map<string, ShellVar>[] = [new Map()];
  #kinds: number[] = [GLOBAL];
  #funcDepth = 0;
  #dynamic: Set<string>;
  #h: VariablesOptions;

  constructor(opts: VariablesOptions = {}) {
    this.#h = { ...opts };
    const names = opts.dynamicNames ?? DEFAULT_DYNAMIC;
    this.#dynamic = new Set(names);
    for (const n of names) {
      this.#scopes[0]!.set(n, { name: n, value: '', attrs: DYNAMIC_INTEGER.has(n) ? { integer: true } : {} });
    }
  }

  /** Replaces hooks (a subshell's clone points BASHPID & co. at the child). */
  setHooks(h: Partial<VariablesOptions>): void {
    Object.assign(this.#h, h);
  }

  // ---- internals ----

  #find(name: string): ShellVar | undefined {
    const s = this.#scopes;
    for (let i = s.length - 1; i >= 0; i--) {
      const r = s[i]!.get(name);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  #findIndex(name: string): number {
    const s = this.#scopes;
    for (let i = s.length - 1; i >= 0; i--) if (s[i]!.has(name)) return i;
    return -1;
  }

  #warn(msg: string): void {
    this.#h.warn?.(msg);
  }

  #changed(name: string): void {
    this.#h.onAssign?.(name);
  }

  /** Follows a nameref chain from `name`. */
  #resolve(name: string): Ref {
    let rec = this.#find(name);
    if (rec === undefined || !rec.attrs.nameref) return { rec, name };
    const first = name;
    const seen = new Set<string>([name]);
    while (rec !== undefined && rec.attrs.nameref && typeof rec.value === 'string' && rec.value !== '') {
      const target = rec.value;
      const br = target.indexOf('[');
      if (br > 0 && target.endsWith(']')) {
        const base = target.slice(0, br);
        return { rec: this.#find(base), name: base, key: target.slice(br + 1, -1) };
      }
      if (seen.has(target)) {
        this.#warn(`warning: ${first}: circular name reference`);
        return { rec: undefined, name: target, circular: true };
      }
      seen.add(target);
      name = target;
      rec = this.#find(target);
    }
    return { rec, name };
  }

  #arith(expr: string): bigint {
    return this.#h.arith ? this.#h.arith(expr) : evalArith(expr, this);
  }

  /** A value transformed by the variable's -i / -l / -u / -c attributes (with += semantics). */
  #convert(a: VarAttrs, old: string | undefined, value: string, append: boolean): string {
    if (a.integer) {
      const v = append ? BigInt.asIntN(64, this.#arith(old ?? '') + this.#arith(value)) : this.#arith(value);
      return String(v);
    }
    let v = append ? (old ?? '') + value : value;
    if (a.upper) v = upcase(v, isUtf8Locale(this));
    else if (a.lower) v = downcase(v, isUtf8Locale(this));
    else if (a.capitalize) v = capitalize(v, isUtf8Locale(this));
    return v;
  }

  #newGlobal(name: string): ShellVar {
    const rec: ShellVar = { name, value: undefined, attrs: {} };
    this.#scopes[0]!.set(name, rec);
    return rec;
  }

  /** The array Map of rec, creating/converting it (scalar → element 0). */
  #array(rec: ShellVar): IndexedArray | AssocArray {
    const v = rec.value;
    if (v instanceof IndexedArray || v instanceof AssocArray) return v;
    let m: IndexedArray | AssocArray;
    if (rec.attrs.assoc) {
      m = new AssocArray(typeof v === 'string' ? 128 : 1024);
      if (typeof v === 'string') m.set('0', v);
      else if (v instanceof Map) for (const [k, x] of v) m.set(String(k), x);
    } else {
      m = new IndexedArray();
      if (typeof v === 'string') m.set(0, v);
      else if (v instanceof Map) for (const [k, x] of v) m.set(Number(k), x);
      rec.attrs.indexed = true;
    }
    rec.value = m;
    return m;
  }

  #assign(rec: ShellVar, value: string, append: boolean): void {
    if (rec.attrs.readonly) throw readonlyError(rec.name);
    const v = rec.value;
    if (v instanceof Map) {
      this.#setIn(rec, '0', value, append);
      return;
    }
    rec.value = this.#convert(rec.attrs, v, value, append);
    if (this.#h.allexport?.()) rec.attrs.exported = true;
    this.#changed(rec.name);
  }

  /** rec[key] = value on an array (or scalar turned array). */
  #setIn(rec: ShellVar, key: string, value: string, append: boolean): void {
    if (rec.attrs.readonly) throw readonlyError(rec.name);
    const m = this.#array(rec);
    if (m instanceof AssocArray) {
      m.set(key, this.#convert(rec.attrs, m.get(key), value, append));
    } else {
      let idx = Number(key);
      if (!Number.isInteger(idx)) idx = 0;
      if (idx < 0) {
        idx = m.maxIndex + 1 + idx;
        if (idx < 0) throw new ShellError(`${rec.name}[${key}]: bad array subscript`, 1, false);
      }
      m.set(idx, this.#convert(rec.attrs, m.get(idx), value, append));
    }
    this.#changed(rec.name);
  }

  // ---- Variables ----

  get(name: string): string | undefined {
    if (this.#dynamic.has(name) && this.#h.dynamic) {
      const d = this.#h.dynamic(name);
      if (d !== undefined) return d;
    }
    const rec = this.#find(name);
    if (rec === undefined) return undefined;
    const v = rec.value;
    if (rec.attrs.nameref && typeof v === 'string' && v !== '') {
      const r = this.#resolve(name);
      if (r.circular) return undefined;
      if (r.key !== undefined) return this.getElement(r.name, r.key);
      return r.name === name ? undefined : this.get(r.name);
    }
    if (typeof v === 'string' || v === undefined) return v;
    return rec.attrs.assoc ? (v as Map<string, string>).get('0') : (v as Map<number, string>).get(0);
  }

  lookup(name: string, opts?: { raw?: boolean }): ShellVar | undefined {
    let rec: ShellVar | undefined;
    if (opts?.raw) rec = this.#find(name);
    else {
      const r = this.#resolve(name);
      rec = r.rec;
      name = r.name;
    }
    if (rec !== undefined && this.#dynamic.has(name) && this.#h.dynamic) {
      const d = this.#h.dynamic(name);
      if (d !== undefined) return { name: rec.name, value: d, attrs: rec.attrs };
    }
    return rec;
  }

  set(name: string, value: string): void {
    this.#store(name, value, false);
  }

  append(name: string, value: string): void {
    this.#store(name, value, true);
  }

  #store(name: string, value: string, append: boolean): void {
    let rec = this.#find(name);
    if (rec !== undefined && rec.attrs.nameref) {
      if (rec.value === undefined || rec.value === '') {
        // an unset nameref: the assignment sets the reference
        if (rec.attrs.readonly) throw readonlyError(name);
        if (!isValidRef(value)) throw new ShellError(`\`${value}': not a valid identifier`, 1, false);
        rec.value = value;
        this.#changed(name);
        return;
      }
      const r = this.#resolve(name);
      if (r.circular) return;
      if (r.key !== undefined) { this.setElement(r.name, r.key, value, append); return; }
      rec = r.rec;
      name = r.name;
    }
    if (rec === undefined) rec = this.#newGlobal(name);
    this.#assign(rec, value, append);
  }

  #target(name: string): ShellVar {
    let rec = this.#find(name);
    if (rec !== undefined && rec.attrs.nameref && typeof rec.value === 'string' && rec.value !== '') {
      const r = this.#resolve(name);
      name = r.name;
      rec = r.rec;
    }
    return rec ?? this.#newGlobal(name);
  }

  setElement(name: string, key: string, value: string, append = false): void {
    const rec = this.#target(name);
    this.#setIn(rec, key, value, append);
  }

  setArray(name: string, values: string[], append = false): void {
    const rec = this.#target(name);
    if (rec.attrs.readonly) throw readonlyError(rec.name);
    if (rec.attrs.assoc) {
      const entries: [string, string][] = [];
      for (let i = 0; i < values.length; i += 2) entries.push([values[i]!, values[i + 1] ?? '']);
      this.setAssoc(rec.name, entries, append);
      return;
    }
    let m: IndexedArray;
    let start = 0;
    if (append && rec.value !== undefined) {
      m = this.#array(rec) as IndexedArray;
      start = m.maxIndex + 1;
    } else {
      m = new IndexedArray();
    }
    for (let i = 0; i < values.length; i++) m.set(start + i, this.#convert(rec.attrs, undefined, values[i]!, false));
    rec.value = m;
    rec.attrs.indexed = true;
    this.#changed(rec.name);
  }

  setAssoc(name: string, entries: [string, string][], append = false): void {
    const rec = this.#target(name);
    if (rec.attrs.readonly) throw readonlyError(rec.name);
    if (!rec.attrs.assoc && rec.value instanceof Map) {
      for (const [k, v] of entries) this.#setIn(rec, String(Number(k) || 0), v, false);
      return;
    }
    rec.attrs.assoc = true;
    delete rec.attrs.indexed;
    let m: AssocArray;
    if (append && rec.value !== undefined) m = this.#array(rec) as AssocArray;
    else m = new AssocArray(1024);
    for (const [k, v] of entries) m.set(k, this.#convert(rec.attrs, m.get(k), v, false));
    rec.value = m;
    this.#changed(rec.name);
  }

  getElement(name: string, key: string): string | undefined {
    const r = this.#resolve(name);
    const rec = r.rec;
    if (rec === undefined) return undefined;
    const v = rec.value;
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      if (rec.attrs.assoc) return key === '0' ? v : undefined;
      let i = Number(key);
      if (i < 0) i += 1;
      return i === 0 ? (this.#dynamic.has(r.name) ? this.get(r.name) : v) : undefined;
    }
    if (rec.attrs.assoc) return (v as Map<string, string>).get(key);
    const m = v as Map<number, string>;
    let i = Number(key);
    if (!Number.isInteger(i)) i = 0;
    if (i < 0) {
      const max = m instanceof IndexedArray ? m.maxIndex : Math.max(-1, ...m.keys());
      i = max + 1 + i;
      if (i < 0) { this.#warn(`${r.name}: bad array subscript`); return undefined; }
    }
    return m.get(i);
  }

  values(name: string): string[] {
    const rec = this.#resolve(name).rec;
    if (rec === undefined || rec.value === undefined) return [];
    const v = rec.value;
    if (typeof v === 'string') {
      const d = this.#dynamic.has(rec.name) ? this.get(rec.name) : undefined;
      return [d ?? v];
    }
    return [...this.#array(rec).values()];
  }

  keys(name: string): string[] {
    const rec = this.#resolve(name).rec;
    if (rec === undefined || rec.value === undefined) return [];
    const v = rec.value;
    if (typeof v === 'string') return ['0'];
    const out: string[] = [];
    for (const k of this.#array(rec).keys()) out.push(String(k));
    return out;
  }

  unset(name: string, opts?: { raw?: boolean }): boolean {
    let idx = this.#findIndex(name);
    if (idx < 0) return false;
    let rec = this.#scopes[idx]!.get(name)!;
    if (!opts?.raw && rec.attrs.nameref && typeof rec.value === 'string' && rec.value !== '') {
      const r = this.#resolve(name);
      if (r.circular) return false;
      if (r.key !== undefined) return this.unsetElement(r.name, r.key);
      name = r.name;
      idx = this.#findIndex(name);
      if (idx < 0) return false;
      rec = this.#scopes[idx]!.get(name)!;
    }
    if (rec.attrs.readonly) throw new ShellError(`${name}: cannot unset: readonly variable`, 1, false);
    this.#dynamic.delete(name);
    if (this.#kinds[idx] === FUNC && idx === this.#topFunc()) {
      // unsetting a local of the current function: it stays local, but unset
      rec.value = undefined;
      rec.attrs = {};
    } else {
      this.#scopes[idx]!.delete(name);
    }
    this.#changed(name);
    return true;
  }

  unsetElement(name: string, key: string): boolean {
    const r = this.#resolve(name);
    const rec = r.rec;
    if (rec === undefined || rec.value === undefined) return false;
    if (rec.attrs.readonly) throw new ShellError(`${r.name}: cannot unset: readonly variable`, 1, false);
    const v = rec.value;
    if (typeof v === 'string') {
      if (rec.attrs.assoc ? key === '0' : Number(key) === 0 || Number(key) === -1) return this.unset(r.name);
      return false;
    }
    const m = this.#array(rec);
    let done: boolean;
    if (m instanceof AssocArray) done = m.delete(key);
    else {
      let i = Number(key);
      if (!Number.isInteger(i)) i = 0;
      if (i < 0) {
        i = m.maxIndex + 1 + i;
        if (i < 0) throw new ShellError(`[${key}]: bad array subscript`, 1, false);
      }
      done = m.delete(i);
    }
    this.#changed(r.name);
    return done;
  }

  #topFunc(): number {
    for (let i = this.#kinds.length - 1; i > 0; i--) if (this.#kinds[i] === FUNC) return i;
    return 0;
  }

  declare(name: string, attrs: VarAttrs, opts?: { local?: boolean; global?: boolean; remove?: VarAttrs; value?: string }): ShellVar {
    let rec: ShellVar | undefined;
    if (opts?.local || opts?.global) {
      // local: the innermost scope (a function's, or the temp scope of `x=1 cmd`)
      const idx = opts.global ? 0 : this.#scopes.length - 1;
      const scope = this.#scopes[idx]!;
      rec = scope.get(name);
      if (rec === undefined) {
        const outer = opts.global ? undefined : this.#find(name);
        if (outer?.attrs.readonly) throw readonlyError(name);
        // a local copy of an exported variable stays exported (bash)
        rec = { name, value: undefined, attrs: outer?.attrs.exported ? { exported: true } : {} };
        scope.set(name, rec);
      }
    } else {
      rec = this.#find(name);
      if (rec !== undefined && rec.attrs.nameref && !attrs.nameref && !opts?.remove?.nameref
          && typeof rec.value === 'string' && rec.value !== '') {
        const r = this.#resolve(name);
        if (r.key === undefined && !r.circular) {
          name = r.name;
          rec = r.rec;
        }
      }
      if (rec === undefined) rec = this.#newGlobal(name);
    }
    const a = rec.attrs;
    if (attrs.assoc && !a.assoc) {
      if (a.indexed || rec.value instanceof Map) {
        throw new ShellError(`${name}: cannot convert indexed to associative array`, 1, false);
      }
      a.assoc = true;
      if (typeof rec.value === 'string') this.#array(rec);
    }
    if (attrs.indexed && !a.indexed) {
      if (a.assoc) throw new ShellError(`${name}: cannot convert associative to indexed array`, 1, false);
      a.indexed = true;
      if (typeof rec.value === 'string') this.#array(rec);
    }
    if (attrs.nameref && !a.nameref) {
      if (rec.value instanceof Map) throw new ShellError(`${name}: reference variable cannot be an array`, 1, false);
      a.nameref = true;
    }
    if (attrs.upper && attrs.lower) { delete a.upper; delete a.lower; delete a.capitalize; }
    else if (attrs.upper) { a.upper = true; delete a.lower; delete a.capitalize; }
    else if (attrs.lower) { a.lower = true; delete a.upper; delete a.capitalize; }
    if (attrs.capitalize) { a.capitalize = true; delete a.upper; delete a.lower; }
    if (attrs.integer) a.integer = true;
    if (attrs.exported) a.exported = true;
    if (attrs.trace) a.trace = true;
    const rm = opts?.remove;
    if (rm) {
      if (rm.readonly && a.readonly) throw readonlyError(name);
      for (const k of Object.keys(rm) as (keyof VarAttrs)[]) {
        if (rm[k] && k !== 'indexed' && k !== 'assoc') delete a[k];
      }
    }
    if (opts?.value !== undefined) {
      const value = opts.value;
      if (a.readonly) throw readonlyError(name);
      if (a.nameref && !(rec.value instanceof Map)) {
        if (value === name) throw new ShellError(`${name}: nameref variable self references not allowed`, 1, false);
        if (value !== '' && !isValidRef(value)) {
          throw new ShellError(`\`${value}': invalid variable name for name reference`, 1, false);
        }
        rec.value = value;
      } else {
        this.#assign(rec, value, false);
      }
    }
    if (attrs.readonly) a.readonly = true;
    this.#changed(name);
    return rec;
  }

  pushScope(kind: 'function' | 'temp' = 'function'): void {
    this.#scopes.push(new Map());
    if (kind === 'temp') this.#kinds.push(TEMP);
    else { this.#kinds.push(FUNC); this.#funcDepth++; }
  }

  popScope(): void {
    if (this.#scopes.length <= 1) return;
    const scope = this.#scopes.pop()!;
    if (this.#kinds.pop() === FUNC) this.#funcDepth--;
    if (this.#h.onAssign) for (const n of scope.keys()) this.#changed(n);
  }

  inFunction(): boolean {
    return this.#funcDepth > 0;
  }

  /** Function scopes currently open (0 at top level). */
  get scopeDepth(): number {
    return this.#funcDepth;
  }

  /** True when `name` is declared in the current function scope (local). */
  isLocal(name: string): boolean {
    const i = this.#topFunc();
    return i > 0 && this.#scopes[i]!.has(name);
  }

  names(): string[] {
    const set = new Set<string>();
    for (const s of this.#scopes) for (const k of s.keys()) set.add(k);
    return [...set].sort(compareC);
  }

  environ(): Record<string, string> {
    // the innermost exported variable that has a value wins; unset or unexported ones don't shadow
    const out: Record<string, string> = {};
    const seen = new Set<string>();
    for (let i = this.#scopes.length - 1; i >= 0; i--) {
      for (const [k, r] of this.#scopes[i]!) {
        if (seen.has(k)) continue;
        if (r.attrs.exported && typeof r.value === 'string' && !r.attrs.nameref) {
          seen.add(k);
          out[k] = this.#dynamic.has(k) ? this.get(k) ?? r.value : r.value;
        }
      }
    }
    return out;
  }

  clone(hooks?: Partial<VariablesOptions>): ShellVariables {
    const c = new ShellVariables({ ...this.#h, ...hooks, dynamicNames: [] });
    c.#dynamic = new Set(this.#dynamic);
    c.#scopes = this.#scopes.map((s) => {
      const m = new Map<string, ShellVar>();
      for (const [k, r] of s) {
        const v = r.value;
        m.set(k, {
          name: r.name,
          value: v instanceof IndexedArray || v instanceof AssocArray ? v.copy() : v instanceof Map ? new Map(v as Map<number, string>) : v,
          attrs: { ...r.attrs },
        });
      }
      return m;
    });
    c.#kinds = this.#kinds.slice();
    c.#funcDepth = this.#funcDepth;
    return c;
  }
}

/** strcmp order of the UTF-8 encodings (code point order). */
export function compareC(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
      if (sx !== sy) return sx ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Attribute letters in bash's order ("air"; `f` for functions), as `declare -p` and ${x@a} show them. */
export function attrLetters(v: ShellVar, fn = false): string {
  let s = '';
  const a = v.attrs;
  if (a.indexed || (v.value instanceof Map && !a.assoc)) s += 'a';
  if (a.assoc) s += 'A';
  if (fn) s += 'f';
  if (a.integer) s += 'i';
  if (a.nameref) s += 'n';
  if (a.readonly) s += 'r';
  if (a.trace) s += 't';
  if (a.exported) s += 'x';
  if (a.capitalize) s += 'c';
  if (a.lower) s += 'l';
  if (a.upper) s += 'u';
  return s;
}
