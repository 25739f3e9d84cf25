// Session access grants: bearer tokens and share links, each carrying a role.
//
// A token is 'avm_' + 32 random bytes (base64url). Only its SHA-256 hash is kept, so the actor's
// persisted state (GrantsState, plain JSON) never contains a usable token. verify() compares the
// presented token's hash against every grant's hash with timingSafeEqual, without early exit.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'owner' | 'driver' | 'observer';

export interface Grant {
  id: string;
  role: Role;
  name: string;
  createdAt: number;
  expiresAt?: number;
  revoked?: boolean;
  kind: 'token' | 'share';
}

interface StoredGrant extends Grant {
  /** SHA-256 of the token, base64url */
  hash: string;
}

export interface GrantsState {
  v: 1;
  grants: StoredGrant[];
}

const RANK: Record<Role, number> = { observer: 0, driver: 1, owner: 2 };
const TOKEN_PREFIX = 'avm_';
const TOKEN_RE = /^avm_[A-Za-z0-9_-]{43}$/;

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}

export function parseRole(x: unknown): Role {
  if (x === 'owner' || x === 'driver' || x === 'observer') return x;
  const err = new Error(`invalid role ${describe(x)}: expected 'owner', 'driver' or 'observer'`) as Error & { code: string };
  err.code = 'BAD_ROLE';
  throw err;
}

function badState(what: string): never {
  const err = new Error(`invalid grants state: ${what}`) as Error & { code: string };
  err.code = 'BAD_GRANTS_STATE';
  throw err;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function publicGrant(g: StoredGrant): Grant {
  const out: Grant = { id: g.id, role: g.role, name: g.name, createdAt: g.createdAt, kind: g.kind };
  if (g.expiresAt !== undefined) out.expiresAt = g.expiresAt;
  if (g.revoked) out.revoked = true;
  return out;
}

function readGrant(x: unknown, i: number): StoredGrant {
  if (typeof x !== 'object' || x === null) badState(`grants[${i}] is not an object`);
  const g = x as Record<string, unknown>;
  if (typeof g.id !== 'string' || g.id === '') badState(`grants[${i}].id`);
  if (typeof g.name !== 'string') badState(`grants[${i}].name`);
  if (typeof g.createdAt !== 'number' || !Number.isFinite(g.createdAt)) badState(`grants[${i}].createdAt`);
  if (g.expiresAt !== undefined && (typeof g.expiresAt !== 'number' || !Number.isFinite(g.expiresAt))) badState(`grants[${i}].expiresAt`);
  if (g.kind !== 'token' && g.kind !== 'share') badState(`grants[${i}].kind`);
  if (typeof g.hash !== 'string' || Buffer.from(g.hash, 'base64url').length !== 32) badState(`grants[${i}].hash`);
  const out: StoredGrant = { id: g.id, role: parseRole(g.role), name: g.name, createdAt: g.createdAt, kind: g.kind, hash: g.hash };
  if (g.expiresAt !== undefined) out.expiresAt = g.expiresAt as number;
  if (g.revoked === true) out.revoked = true;
  return out;
}

export class Grants {
  #grants = new Map<string, StoredGrant>();
  #hashes = new Map<string, Buffer>(); // id → decoded hash

  constructor(state?: GrantsState) {
    if (state === undefined) return;
    if (typeof state !== 'object' || state === null || state.v !== 1 || !Array.isArray(state.grants)) badState('expected { v: 1, grants: [...] }');
    state.grants.forEach((x, i) => {
      const g = readGrant(x, i);
      if (this.#grants.has(g.id)) badState(`duplicate grant id ${g.id}`);
      this.#grants.set(g.id, g);
      this.#hashes.set(g.id, Buffer.from(g.hash, 'base64url'));
    });
  }

  issue(role: Role, opts: { name?: string; kind?: 'token' | 'share'; ttlMs?: number } = {}): { token: string; grant: Grant } {
    role = parseRole(role);
    const kind = opts.kind ?? 'token';
    if (kind !== 'token' && kind !== 'share') throw new Error(`invalid grant kind ${describe(kind)}: expected 'token' or 'share'`);
    const ttl = opts.ttlMs;
    if (ttl !== undefined && !(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0)) {
      throw Object.assign(new Error(`invalid ttlMs ${describe(ttl)}: expected a positive number of milliseconds`), { code: 'BAD_REQUEST' });
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    let id: string;
    do id = 'g_' + randomBytes(9).toString('base64url'); while (this.#grants.has(id));
    const createdAt = Date.now();
    const hash = hashToken(token);
    const g: StoredGrant = { id, role, name: opts.name ?? `${role} ${kind}`, createdAt, kind, hash: hash.toString('base64url') };
    if (ttl !== undefined) g.expiresAt = createdAt + ttl;
    this.#grants.set(id, g);
    this.#hashes.set(id, hash);
    return { token, grant: publicGrant(g) };
  }

  /** The live grant `token` proves, or null (unknown, malformed, expired at `now`, or revoked). */
  verify(token: string | null | undefined, now: number = Date.now()): Grant | null {
    if (typeof token !== 'string' || !TOKEN_RE.test(token)) return null;
    const h = hashToken(token);
    let found: StoredGrant | null = null;
    for (const [id, stored] of this.#hashes) { // no early exit: time does not depend on which grant matches
      if (timingSafeEqual(h, stored)) found = this.#grants.get(id)!;
    }
    if (found === null || found.revoked) return null;
    if (found.expiresAt !== undefined && now >= found.expiresAt) return null;
    return publicGrant(found);
  }

  /** Revoke a grant; false if there is no such grant or it was already revoked. */
  revoke(id: string): boolean {
    const g = this.#grants.get(id);
    if (g === undefined || g.revoked) return false;
    g.revoked = true;
    return true;
  }

  /** Every grant, including expired and revoked ones, oldest first. */
  list(): Grant[] {
    return [...this.#grants.values()].map(publicGrant);
  }

  toJSON(): GrantsState {
    return { v: 1, grants: [...this.#grants.values()].map(g => ({ ...g })) };
  }
}
