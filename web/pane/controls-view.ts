// Steering controls: request / take / release control, hand it to someone (who asked, or anyone
// present), interrupt (^C), share links, fork. What is shown follows the session's rules
// (actors/control.ts): the server enforces them; the pane only hides what would be refused.

import type * as Y from 'yjs';
import { h, fill, perFrame } from './dom.ts';
import type { Participant } from './presence-view.ts';

export interface ControlsHost {
  doc: Y.Doc;
  me: () => { grant: string; role: string; name: string } | null;
  connected: () => boolean;
  participants: () => Participant[];
  control: (action: 'request' | 'take' | 'release') => void;
  grant: (to: string) => void;
  interrupt: () => void;
  share: () => void;
  fork: () => void;
  toggleTheme: () => void;
}

interface Request { id: string; name: string; at: number }

export class ControlsView {
  /** Buttons for the header. */
  readonly el: HTMLElement;
  /** The "X asks for control" banner. */
  readonly banner: HTMLElement;
  readonly #host: ControlsHost;
  readonly #session: Y.Map<unknown>;
  readonly render = perFrame(() => this.#draw());

  constructor(host: ControlsHost) {
    this.#host = host;
    this.#session = host.doc.getMap('session');
    this.el = h('div', { class: 'avm-actions', 'data-avm': 'controls' });
    this.banner = h('div', { class: 'avm-requests', 'data-avm': 'requests', role: 'status', 'aria-live': 'polite' });
    this.#session.observe(() => this.render());
  }

  get driver(): { id: string; name: string } | null { return (this.#session.get('driver') as { id: string; name: string } | null | undefined) ?? null; }
  get requests(): Request[] { return (this.#session.get('requests') as Request[] | undefined) ?? []; }

  #draw(): void {
    const me = this.#host.me();
    const online = this.#host.connected();
    const d = this.driver;
    const driving = !!me && d?.id === me.grant;
    const owner = me?.role === 'owner';
    const asked = !!me && this.requests.some((r) => r.id === me.grant);
    const btn = (action: string, label: string, onclick: () => void, opts: { primary?: boolean; title?: string; disabled?: boolean } = {}) =>
      h('button', { type: 'button', class: `avm-btn${opts.primary ? ' avm-primary' : ''}`, 'data-action': action, title: opts.title, disabled: !online || opts.disabled, onclick }, label);

    const items: (HTMLElement | null)[] = [];
    if (me && !driving) {
      if (owner || (d === null && me.role !== 'observer')) items.push(btn('take', 'Take control', () => this.#host.control('take'), { primary: true, title: d ? `take control from ${d.name}` : 'nobody drives: take control' }));
      if (!owner) items.push(asked ? btn('request', 'Control requested…', () => {}, { disabled: true, title: 'waiting for the driver or an owner to hand control over' })
        : btn('request', 'Request control', () => this.#host.control('request'), { primary: d !== null || me.role === 'observer' }));
    }
    if (driving) {
      items.push(btn('interrupt', '^C', () => this.#host.interrupt(), { title: 'interrupt the running command (Ctrl-C)' }));
      const others = this.#host.participants().filter((p) => !p.me);
      if (others.length > 0) {
        const select = h('select', { class: 'avm-select', 'data-action': 'handover-to', 'aria-label': 'Hand control to', disabled: !online },
          h('option', { value: '' }, 'Hand over to…'), ...others.map((p) => h('option', { value: p.id }, `${p.name} (${p.role})`)));
        select.addEventListener('change', () => { if (select.value) this.#host.grant(select.value); select.value = ''; });
        items.push(select);
      }
      items.push(btn('release', 'Release', () => this.#host.control('release'), { title: 'stop driving (anyone may then take control)' }));
    }
    if (owner) {
      items.push(btn('share', 'Share', () => this.#host.share(), { title: 'create a link for a teammate (observer or driver)' }));
      items.push(btn('fork', 'Fork', () => this.#host.fork(), { title: 'copy this session (files and all) into a new one' }));
    }
    items.push(h('button', { type: 'button', class: 'avm-btn avm-icon', 'data-action': 'theme', 'aria-label': 'Switch light/dark', title: 'light / dark', onclick: () => this.#host.toggleTheme() }, '◐'));
    fill(this.el, ...items);

    // the request banner: whoever can grant (driver, owner) gets a button per request
    const canGrant = driving || owner;
    const reqs = this.requests;
    this.banner.hidden = reqs.length === 0;
    fill(this.banner, ...reqs.map((r) => h('div', { class: 'avm-request' },
      h('span', {}, me && r.id === me.grant ? 'You asked for control' : `${r.name} asks for control`),
      canGrant && r.id !== me?.grant ? h('button', { type: 'button', class: 'avm-btn avm-primary', 'data-action': 'grant', 'data-to': r.id, disabled: !online, onclick: () => this.#host.grant(r.id) }, `Hand over to ${r.name}`) : null)));
  }
}
