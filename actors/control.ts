// Who steers the session. One driver at a time: the driver's terminal input and size reach the
// PTY, everyone else watches. State lives in `doc.getMap('session')` (written by the server only):
//   driver   → { id, name } of the grant that drives, or null
//   requests → [{ id, name, at }] grants asking for control, oldest first
// Rules (enforced here, on the server):
//   request  anyone not driving; repeated requests are idempotent
//   grant    the driver or an owner hands control to a grant (usually one that asked)
//   take     an owner at any time; a 'driver' token only while nobody drives
//   release  the driver gives control up
// Every change of control is an event in the log.

import type * as Y from 'yjs';
import { roleAtLeast, type Grant } from './auth.ts';
import type { EventLog } from './events.ts';

export interface Driver { id: string; name: string }
export interface ControlRequest { id: string; name: string; at: number }

export class ControlError extends Error {
  readonly code: string;
  constructor(code: string, message: string) { super(message); this.code = code; }
}

export class Control {
  readonly #doc: Y.Doc;
  readonly #map: Y.Map<unknown>;
  readonly #events: EventLog;
  readonly #origin: unknown;
  /** Names of grants we have seen (for grant-to-id lookups). */
  readonly #known = new Map<string, string>();

  constructor(doc: Y.Doc, events: EventLog, opts: { origin?: unknown } = {}) {
    this.#doc = doc;
    this.#map = doc.getMap('session');
    this.#events = events;
    this.#origin = opts.origin ?? this;
  }

  get driver(): Driver | null { return (this.#map.get('driver') as Driver | null | undefined) ?? null; }
  get requests(): ControlRequest[] { return (this.#map.get('requests') as ControlRequest[] | undefined) ?? []; }

  /** Remembers a grant's name so `grant` can name it. */
  know(g: Grant): void { this.#known.set(g.id, g.name); }

  isDriver(g: Grant): boolean { return this.driver?.id === g.id; }

  /** Throws ControlError('NOT_DRIVER') unless `g` drives. */
  mustDrive(g: Grant, what: string): void {
    if (this.isDriver(g)) return;
    const d = this.driver;
    throw new ControlError('NOT_DRIVER', d
      ? `${what} refused: ${d.name} is driving this session; ask for control first`
      : `${what} refused: nobody is driving this session; take or request control first`);
  }

  request(g: Grant): void {
    this.know(g);
    if (this.isDriver(g)) return;
    if (this.requests.some((r) => r.id === g.id)) return;
    this.#set(undefined, [...this.requests, { id: g.id, name: g.name, at: Date.now() }]);
    this.#events.append('control.requested', {}, g);
  }

  grant(by: Grant, to: string): void {
    this.know(by);
    if (!this.isDriver(by) && !roleAtLeast(by.role, 'owner')) {
      throw new ControlError('FORBIDDEN', 'only the driver or an owner can hand control over');
    }
    const name = this.#known.get(to) ?? this.requests.find((r) => r.id === to)?.name;
    if (name === undefined) throw new ControlError('UNKNOWN_GRANT', `no participant with id '${to}' has joined this session`);
    const from = this.driver;
    this.#set({ id: to, name }, this.requests.filter((r) => r.id !== to));
    this.#events.append('control.granted', { from: from ?? null, to: { id: to, name } }, by);
  }

  take(g: Grant): void {
    this.know(g);
    if (this.isDriver(g)) return;
    const d = this.driver;
    if (!roleAtLeast(g.role, 'owner') && !(d === null && roleAtLeast(g.role, 'driver'))) {
      throw new ControlError('FORBIDDEN', d ? `${d.name} is driving: request control instead` : 'observers cannot take control: request it');
    }
    this.#set({ id: g.id, name: g.name }, this.requests.filter((r) => r.id !== g.id));
    this.#events.append('control.taken', { from: d ?? null }, g);
  }

  release(g: Grant): void {
    if (!this.isDriver(g)) throw new ControlError('NOT_DRIVER', 'you are not driving this session');
    this.#set(null, this.requests);
    this.#events.append('control.released', {}, g);
  }

  /** One steering request by name; false if `action` is not request/grant/take/release. */
  apply(g: Grant, action: string, to?: unknown): boolean {
    if (action === 'request') this.request(g);
    else if (action === 'release') this.release(g);
    else if (action === 'take') this.take(g);
    else if (action === 'grant') this.grant(g, String(to));
    else return false;
    return true;
  }

  /** Set at creation: the creator drives. */
  init(owner: Grant): void {
    this.know(owner);
    if (!this.#map.has('driver')) this.#set({ id: owner.id, name: owner.name }, []);
  }

  /** driver undefined: unchanged. */
  #set(driver: Driver | null | undefined, requests: ControlRequest[]): void {
    this.#doc.transact(() => {
      if (driver !== undefined) this.#map.set('driver', driver);
      this.#map.set('requests', requests);
    }, this.#origin);
  }
}
