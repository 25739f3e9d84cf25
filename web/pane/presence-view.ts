// Who is here: one avatar per participant (awareness states, one per connection, grouped by grant),
// coloured, with initials, role and a mark on the driver. Names and roles are what the server
// says (it rewrites every client's `user` from its token), never what a client claims.

import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { h, fill, perFrame, colorFor, initials } from './dom.ts';

export interface Participant { id: string; name: string; role: string; color: string; conns: number; driving: boolean; me: boolean }

export class PresenceView {
  readonly el: HTMLElement;
  readonly #awareness: Awareness;
  readonly #session: Y.Map<unknown>;
  readonly #me: () => { grant: string; name: string; role: string } | null;
  readonly #render = perFrame(() => this.render());
  readonly #onChange = () => this.#render();

  /** `me`: this participant as the server greeted it (our own awareness state lacks the identity the server adds for others). */
  constructor(awareness: Awareness, doc: Y.Doc, me: () => { grant: string; name: string; role: string } | null) {
    this.#awareness = awareness;
    this.#session = doc.getMap('session');
    this.#me = me;
    this.el = h('ul', { class: 'avm-people', 'data-avm': 'presence', 'aria-label': 'People in this session' });
    awareness.on('change', this.#onChange);
    this.#session.observe(this.#onChange);
  }

  participants(): Participant[] {
    const driver = (this.#session.get('driver') as { id: string } | null | undefined)?.id ?? null;
    const self = this.#me();
    const me = self?.grant ?? null;
    const byId = new Map<string, Participant>();
    for (const [clientId, state] of this.#awareness.getStates()) {
      let u = (state as { user?: { id?: unknown; name?: unknown; role?: unknown; color?: unknown } }).user;
      if (clientId === this.#awareness.clientID && self) u = { ...u, id: self.grant, name: self.name, role: self.role };
      if (!u || typeof u.id !== 'string') continue;
      const p = byId.get(u.id);
      if (p) { p.conns++; continue; }
      byId.set(u.id, {
        id: u.id, name: String(u.name ?? 'someone'), role: String(u.role ?? 'observer'),
        color: typeof u.color === 'string' ? u.color : colorFor(u.id), conns: 1, driving: u.id === driver, me: u.id === me,
      });
    }
    return [...byId.values()].sort((a, b) => Number(b.driving) - Number(a.driving) || Number(b.me) - Number(a.me) || a.name.localeCompare(b.name));
  }

  render(): void {
    const people = this.participants();
    const d = (this.#session.get('driver') as { id: string; name: string } | null | undefined) ?? null;
    const me = this.#me();
    const driving = !d ? 'nobody drives' : d.id === me?.grant ? 'you drive' : `${d.name} drives`;
    fill(this.el, h('li', { class: 'avm-driver-label', 'data-avm': 'driver' }, driving), ...people.map((p) => h('li', {
      class: `avm-person${p.driving ? ' avm-driving' : ''}`, style: `--who:${p.color}`, 'data-role': p.role,
      title: `${p.name}${p.me ? ' (you)' : ''} · ${p.role}${p.driving ? ' · driving' : ''}${p.conns > 1 ? ` · ${p.conns} windows` : ''}`,
    },
    h('span', { class: 'avm-avatar', 'aria-hidden': 'true' }, initials(p.name)),
    h('span', { class: 'avm-sr' }, `${p.name}${p.me ? ' (you)' : ''}, ${p.role}${p.driving ? ', driving' : ''}`),
    p.driving ? h('span', { class: 'avm-wheel', 'aria-hidden': 'true' }, '⌨') : null)));
  }

  dispose(): void {
    this.#awareness.off('change', this.#onChange);
    this.#session.unobserve(this.#onChange);
  }
}
