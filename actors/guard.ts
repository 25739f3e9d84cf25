// Server-side write guard for y-websocket updates.
//
// Works out which ROOT types of a session's Y.Doc an incoming update (Yjs v1 encoding, as sent by
// y-websocket) would touch, WITHOUT applying it, so the session can refuse updates that write outside
// the roots a client's role allows (drivers: 'file:*' texts; observers: nothing).
//
// Every inserted struct is attributed to the root that Yjs itself would give it when integrating
// (Item.getMissing / Item.integrate): its encoded parent (root name, or the ID of an item whose content
// is a nested type), else the parent of its left origin, else of its right origin; an item next to a
// garbage-collected struct is integrated as GC (touches nothing). Every deleted range is attributed to
// the roots of the live items it covers; re-deleting already deleted items or GC structs is a no-op
// (y-websocket's sync step 2 always carries the sender's whole delete set, so this matters).
//
// Refused as unresolved — anything Yjs would not apply right now and would keep "pending": pending
// structs/deletes are applied later against a doc that has moved on, which is how a client could
// slip an item into a server-owned list. So: references to structs neither in the doc nor in the
// update, clock gaps / Skip structs, dependency cycles, deletes of never-seen ranges, a client listed
// twice, malformed bytes, and a partially known item whose already-known part lives in another type.
//
// Cost (Node 24, this machine, test/session/guard-cost.test.ts): checkUpdate for a one-character
// keystroke in the middle of a ~2 KB file:* text with a fragmented history ≈ 1.5–3 µs (Y.decodeUpdate
// ≈ 0.3–1 µs of that); a one-character delete ≈ 0.5–1.3 µs. A sync-step-2 reply costs O(its structs +
// the stored structs its delete set covers).

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

export interface GuardResult {
  ok: boolean;
  /** root type names the update touches */
  roots: string[];
  /** why it was refused, human-readable */
  reason?: string;
}

export interface UpdateInspection {
  /** no structs and an empty delete set (routine y-websocket sync-step-2 reply) */
  empty: boolean;
  roots: Set<string>;
  unresolved: boolean;
  /** set when unresolved */
  reason?: string;
}

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
/** Where an item lives: its root and, when nested, the ID key of the item holding its parent type. */
interface Where { root: string; nest: string | null }
const DEAD = 0; // integrates as GC: touches nothing
type Info = Where | typeof DEAD;

class Unresolved {
  reason: string;
  constructor(reason: string) { this.reason = reason; }
}
function fail(reason: string): never { throw new Unresolved(reason); }
function idStr(client: number, clock: number): string { return `${client}:${clock}`; }

const rootNameCache = new WeakMap<Y.Doc, { size: number; names: Map<Y.AbstractType<any>, string> }>();
function rootNames(doc: Y.Doc): Map<Y.AbstractType<any>, string> {
  let c = rootNameCache.get(doc);
  if (c === undefined || c.size !== doc.share.size) { // doc.share only ever grows
    const names = new Map<Y.AbstractType<any>, string>();
    for (const [name, type] of doc.share) names.set(type, name);
    c = { size: doc.share.size, names };
    rootNameCache.set(doc, c);
  }
  return c.names;
}

/**
 * Clients of the update's struct groups, in order. Y.decodeUpdate flattens the groups, but Yjs's
 * reader keeps only the LAST group of a client listed twice (the rest would then wait as pending),
 * so repeated clients must be seen here. Walks the v1 encoding, skipping item contents.
 */
function groupClients(update: Uint8Array): number[] {
  const d = decoding.createDecoder(update);
  const uint = () => decoding.readVarUint(d);
  const str = () => { decoding.readVarString(d); };
  const clients: number[] = [];
  for (let g = uint(); g > 0; g--) {
    let n = uint();
    clients.push(uint());
    uint(); // first clock
    for (; n > 0; n--) {
      const info = decoding.readUint8(d);
      const ref = info & 31;
      if (ref === 0 || ref === 10) { uint(); continue; } // GC / Skip: length
      if (info & 128) { uint(); uint(); } // origin
      if (info & 64) { uint(); uint(); } // right origin
      if ((info & 192) === 0) {
        if (uint() === 1) str(); else { uint(); uint(); } // parent: root name | item ID
        if (info & 32) str(); // parentSub
      }
      switch (ref) {
        case 1: uint(); break; // deleted: length
        case 2: for (let k = uint(); k > 0; k--) str(); break; // JSON
        case 3: decoding.readVarUint8Array(d); break; // binary
        case 4: case 5: str(); break; // string, embed
        case 6: str(); str(); break; // format: key, value
        case 7: { const t = uint(); if (t === 3 || t === 5) str(); break; } // type (xml element/hook: name)
        case 8: for (let k = uint(); k > 0; k--) decoding.readAny(d); break; // any
        case 9: str(); decoding.readAny(d); break; // subdoc
        default: throw new Error(`unknown content ref ${ref}`);
      }
    }
  }
  return clients;
}

/** One inspection: the update's structs, grouped per client, and what each resolves to. */
class Inspection {
  #doc: Y.Doc;
  #states = new Map<number, number>();
  #byClient = new Map<number, Struct[]>();
  #info = new Map<Struct, Info>();
  roots = new Set<string>();

  constructor(doc: Y.Doc) { this.#doc = doc; }

  state(client: number): number {
    let s = this.#states.get(client);
    if (s === undefined) { s = Y.getState(this.#doc.store, client); this.#states.set(client, s); }
    return s;
  }

  /** Where an item already integrated in the doc lives. */
  storedWhere(item: Y.Item): Where {
    let t = item.parent;
    if (!(t instanceof Y.AbstractType)) fail(`stored item ${idStr(item.id.client, item.id.clock)} has no parent type`);
    const nestItem = t._item;
    const nest = nestItem === null ? null : idStr(nestItem.id.client, nestItem.id.clock);
    while (t._item !== null) {
      const up: unknown = t._item.parent;
      if (!(up instanceof Y.AbstractType)) fail('stored nested type without a parent');
      t = up;
    }
    const root = rootNames(this.#doc).get(t);
    if (root === undefined) fail('stored item whose root type is not in doc.share');
    return { root, nest };
  }

  /** The struct holding ID (client, clock) once this update is integrated: from the doc or the update. */
  lookup(client: number, clock: number): Struct {
    if (clock < this.state(client)) {
      const structs = this.#doc.store.clients.get(client)!;
      return structs[Y.findIndexSS(structs, clock)];
    }
    const s = this.#fromUpdate(client, clock);
    if (s === null) fail(`references ${idStr(client, clock)}, which the server has never seen`);
    return s;
  }

  #fromUpdate(client: number, clock: number): Y.Item | Y.GC | null {
    const list = this.#byClient.get(client);
    if (list === undefined) return null;
    let lo = 0, hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, s = list[mid];
      if (clock < s.id.clock) hi = mid - 1;
      else if (clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? null : s;
    }
    return null;
  }

  /** Group structs per client and refuse clock gaps (Yjs would keep such structs pending). */
  group(structs: Struct[], clients: number[]): void {
    if (new Set(clients).size !== clients.length) fail('a client is listed twice in the update');
    let prev = -1;
    let list: Struct[] = [];
    for (const s of structs) {
      const client = s.id.client;
      if (client !== prev) {
        list = [];
        this.#byClient.set(client, list);
        prev = client;
      }
      list.push(s);
    }
    for (const [client, list] of this.#byClient) {
      let avail = this.state(client);
      for (const s of list) {
        if (s instanceof Y.Skip) continue;
        if (s.id.clock > avail) fail(`depends on missing updates from client ${client} (clock ${avail}..${s.id.clock - 1})`);
        avail = Math.max(avail, s.id.clock + s.length);
      }
    }
  }

  /** Structs of the update this one must wait for before Yjs can integrate it. */
  #deps(s: Y.Item | Y.GC, prev: Y.Item | Y.GC | null): Array<Y.Item | Y.GC> {
    const deps: Array<Y.Item | Y.GC> = [];
    if (prev !== null) deps.push(prev);
    if (s instanceof Y.Item) {
      const parent = s.parent;
      for (const ref of [s.origin, s.rightOrigin, parent instanceof Y.ID ? parent : null]) {
        if (ref === null || ref.clock < this.state(ref.client)) continue;
        if (ref.client === s.id.client && ref.clock >= s.id.clock) fail(`item ${idStr(s.id.client, s.id.clock)} references its own future ${idStr(ref.client, ref.clock)}`);
        const d = this.#fromUpdate(ref.client, ref.clock);
        if (d === null) fail(`references ${idStr(ref.client, ref.clock)}, which the server has never seen`);
        deps.push(d);
      }
    }
    return deps;
  }

  /** Resolve every struct in dependency order (iterative DFS; a cycle means Yjs would keep them pending). */
  resolveAll(): void {
    const prevOf = new Map<Struct, Y.Item | Y.GC>();
    const order: Array<Y.Item | Y.GC> = [];
    for (const list of this.#byClient.values()) {
      let prev: Y.Item | Y.GC | null = null;
      for (const s of list) {
        if (s instanceof Y.Skip) continue;
        if (prev !== null) prevOf.set(s, prev);
        order.push(s);
        prev = s;
      }
    }
    const expanded = new Set<Struct>();
    const stack: Array<Y.Item | Y.GC> = [];
    for (const start of order) {
      if (this.#info.has(start)) continue;
      stack.push(start);
      while (stack.length > 0) {
        const s = stack[stack.length - 1];
        if (this.#info.has(s)) { stack.pop(); continue; }
        if (!expanded.has(s)) {
          expanded.add(s);
          for (const d of this.#deps(s, prevOf.get(s) ?? null)) {
            if (this.#info.has(d)) continue;
            if (expanded.has(d)) fail(`dependency cycle at ${idStr(d.id.client, d.id.clock)}`);
            stack.push(d);
          }
        } else {
          stack.pop();
          this.#info.set(s, this.#compute(s));
        }
      }
    }
  }

  /** Info of a struct the update will have integrated (its deps are already resolved). */
  #infoOf(s: Struct): Info {
    const i = this.#info.get(s); // structs of the update (resolved before their dependants)
    if (i !== undefined) return i;
    if (s instanceof Y.GC || s instanceof Y.Skip) return DEAD;
    return this.storedWhere(s);
  }

  #compute(s: Y.Item | Y.GC): Info {
    if (!(s instanceof Y.Item)) return DEAD;
    const parent: unknown = s.parent;
    if (typeof parent === 'string') return { root: parent, nest: null };
    if (parent instanceof Y.ID) {
      const holder = this.lookup(parent.client, parent.clock);
      const where = this.#infoOf(holder);
      // Yjs takes parentItem.content.type: a GC'd (ContentDeleted) or non-type holder gives no parent → GC
      if (where === DEAD || !((holder as Y.Item).content instanceof Y.ContentType)) return DEAD;
      return { root: where.root, nest: idStr(parent.client, parent.clock) };
    }
    const left = s.origin === null ? null : this.lookup(s.origin.client, s.origin.clock);
    const right = s.rightOrigin === null ? null : this.lookup(s.rightOrigin.client, s.rightOrigin.clock);
    const li = left === null ? null : this.#infoOf(left);
    const ri = right === null ? null : this.#infoOf(right);
    if (li === DEAD || ri === DEAD) return DEAD; // Yjs: neighbour is GC → integrate as GC
    // Yjs takes the left origin's parent; neighbours in two different types only come from forgeries
    if (li !== null && ri !== null && (li.root !== ri.root || li.nest !== ri.nest)) fail(`item ${idStr(s.id.client, s.id.clock)} has origins in two different types`);
    if (li !== null) return li;
    if (ri !== null) return ri;
    return DEAD;
  }

  /** Roots of inserted structs; checks partially known items the way Item.integrate(offset) relinks them. */
  collectInserts(): void {
    for (const [client, list] of this.#byClient) {
      const st = this.state(client);
      for (const s of list) {
        if (!(s instanceof Y.Item)) continue;
        const end = s.id.clock + s.length;
        if (end <= st) continue; // fully known: Yjs skips it
        const info = this.#info.get(s);
        if (info === undefined) fail(`unresolved item ${idStr(client, s.id.clock)}`);
        if (info === DEAD) continue;
        if (s.id.clock < st) { // Yjs re-links the unknown part to the stored struct at st-1
          const left = this.lookup(client, st - 1);
          if (!(left instanceof Y.Item)) fail(`item ${idStr(client, s.id.clock)} continues a garbage-collected struct`);
          const lw = this.storedWhere(left);
          if (lw.root !== info.root || lw.nest !== info.nest) fail(`item ${idStr(client, s.id.clock)} continues a struct of another type`);
        }
        this.roots.add(info.root);
      }
    }
  }

  /** Roots of live items covered by the delete set (after this update's structs are integrated). */
  collectDeletes(ds: DeleteSet): void {
    for (const [client, ranges] of ds.clients) {
      const st = this.state(client);
      const stored = this.#doc.store.clients.get(client);
      for (const { clock, len } of ranges) {
        if (!(len > 0)) continue;
        const end = clock + len;
        const storeEnd = Math.min(end, st);
        if (clock < storeEnd && stored !== undefined) {
          for (let i = Y.findIndexSS(stored, clock); i < stored.length; i++) {
            const s = stored[i];
            if (s.id.clock >= storeEnd) break;
            if (s instanceof Y.Item && !s.deleted) this.roots.add(this.storedWhere(s).root);
          }
        }
        for (let c = Math.max(clock, st); c < end;) {
          const s = this.#fromUpdate(client, c);
          if (s === null) fail(`deletes ${idStr(client, c)}, which the server has never seen`);
          const info = this.#infoOf(s);
          if (info !== DEAD) this.roots.add(info.root);
          c = s.id.clock + s.length;
        }
      }
    }
  }
}

/** Which root types `update` (Yjs v1) would touch if applied to `doc`. Does not modify `doc`. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateInspection {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  let clients: number[];
  try {
    decoded = Y.decodeUpdate(update);
    clients = groupClients(update);
  } catch (e) {
    return { empty: false, roots: new Set(), unresolved: true, reason: `malformed update: ${(e as Error)?.message ?? e}` };
  }
  const { structs, ds } = decoded;
  let empty = structs.length === 0;
  if (empty) for (const r of ds.clients.values()) if (r.length > 0) { empty = false; break; }
  if (empty) return { empty: true, roots: new Set(), unresolved: false };
  const ins = new Inspection(doc);
  try {
    ins.group(structs, clients);
    ins.resolveAll();
    ins.collectInserts();
    ins.collectDeletes(ds);
  } catch (e) {
    if (!(e instanceof Unresolved)) throw e;
    return { empty: false, roots: ins.roots, unresolved: true, reason: e.reason };
  }
  return { empty: false, roots: ins.roots, unresolved: false };
}

/** Decide whether `update` may be applied to `doc`: every touched root must pass `allowRoot`. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, allowRoot: (name: string) => boolean): GuardResult {
  const r = inspectUpdate(doc, update);
  const roots = [...r.roots];
  if (r.unresolved) return { ok: false, roots, reason: `unresolvable update: ${r.reason}` };
  const denied = roots.filter(name => !allowRoot(name));
  if (denied.length > 0) {
    return { ok: false, roots, reason: `update writes to root type${denied.length > 1 ? 's' : ''} ${denied.map(n => JSON.stringify(n)).join(', ')}, which this client may not change` };
  }
  return { ok: true, roots };
}
