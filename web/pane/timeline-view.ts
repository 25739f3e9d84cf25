// The pane's event timeline: doc.getArray('events') (actors/events.ts) as a readable list.
// Commands show their exit status and duration (a command.exited event completes the
// command.started one with the same pid and line); control changes, file edits, shares, forks and
// agent activity are one line each. Follows the newest event unless the reader scrolled up.

import type * as Y from 'yjs';
import { h, fill, perFrame } from './dom.ts';

interface SessionEvent { id: number; ts: number; type: string; by?: { name: string; id: string }; [k: string]: unknown }

/** Most events rendered (the newest). */
const MAX_SHOWN = 400;

const who = (ev: SessionEvent) => ev.by?.name ?? 'system';
const named = (x: unknown) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : 'nobody');

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function time(ts: number): string {
  return new Date(ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** One event as [kind class, text]; null hides it (it is folded into another row). */
function describe(ev: SessionEvent): [string, string] | null {
  const s = (k: string) => String(ev[k] ?? '');
  switch (ev.type) {
    case 'command.started': return ['cmd', s('line')];
    case 'command.exited': return null;
    case 'exec.started': return ['cmd', `${who(ev)} ran ${s('script')}`];
    case 'exec.exited': return null;
    case 'control.taken': return ['control', `${who(ev)} took control${ev.from ? ` from ${named(ev.from)}` : ''}`];
    case 'control.granted': return ['control', `${who(ev)} handed control to ${named(ev.to)}`];
    case 'control.released': return ['control', `${who(ev)} released control`];
    case 'control.requested': return ['control', `${who(ev)} asked for control`];
    case 'file.opened': return ['file', `${who(ev)} opened ${s('path')}`];
    case 'file.closed': return ['file', `${who(ev)} closed ${s('path')}`];
    case 'file.written': return ['file', `${who(ev)} wrote ${s('path')} (${s('bytes')} bytes)`];
    case 'write.rejected': return ['warn', `refused ${s('what')} from ${who(ev)}: ${s('reason')}`];
    case 'share.created': return ['share', `${who(ev)} created ${s('role') === 'observer' ? 'an observer' : 'a driver'} link`];
    case 'grant.revoked': return ['share', `${who(ev)} revoked a link`];
    case 'participant.admitted': return ['share', `${who(ev)} joined as ${s('role')}`];
    case 'process.killed': return ['warn', `${who(ev)} sent ${s('signal')} to pid ${s('pid')}`];
    case 'session.created': return ['session', 'session created'];
    case 'session.resumed': return ['session', 'session resumed'];
    case 'session.forked': return ['session', `${who(ev)} forked the session`];
    case 'session.closed': return ['session', `${who(ev)} closed the session`];
    case 'shell.exited': return ['session', `the shell exited (${s('status')}); a new one starts`];
    case 'agent.message': return ['agent', s('text')];
    case 'agent.tool_call': return ['agent', `${s('title') || s('tool')}`];
    default: return ['other', `${ev.type}${ev.by ? ` · ${who(ev)}` : ''}`];
  }
}

export class TimelineView {
  readonly el: HTMLElement;
  readonly #list: HTMLElement;
  readonly #events: Y.Array<SessionEvent>;
  readonly #render = perFrame(() => this.render());
  readonly #onChange = () => this.#render();
  #follow = true;

  constructor(doc: Y.Doc) {
    this.#events = doc.getArray<SessionEvent>('events');
    this.#list = h('ol', { class: 'avm-timeline', 'aria-label': 'Session events', tabindex: 0 });
    this.#list.addEventListener('scroll', () => {
      this.#follow = this.#list.scrollTop + this.#list.clientHeight >= this.#list.scrollHeight - 8;
    });
    this.el = h('section', { class: 'avm-panel avm-events', 'data-avm': 'timeline', 'aria-label': 'Timeline' },
      h('header', { class: 'avm-panel-head' }, h('h2', {}, 'Timeline')), this.#list);
    this.#events.observe(this.#onChange);
    this.render();
  }

  render(): void {
    const all = this.#events.toArray();
    // pair each command.started with the first later command.exited of the same pid and line
    const done = new Map<number, SessionEvent>();
    const pending = new Map<string, SessionEvent[]>();
    for (const ev of all) {
      if (ev.type === 'command.started') {
        const k = `${ev.pid}:${ev.line}`;
        let q = pending.get(k); if (!q) pending.set(k, q = []); q.push(ev);
      } else if (ev.type === 'command.exited') {
        const start = pending.get(`${ev.pid}:${ev.line}`)?.shift();
        if (start) done.set(start.id, ev);
      } else if (ev.type === 'exec.exited') {
        done.set(Number(ev.exec), ev);
      }
    }
    const rows: HTMLElement[] = [];
    const first = all.length > 0 ? all[0]!.id : 1;
    if (first > 1) rows.push(h('li', { class: 'avm-ev avm-ev-other' }, `${first - 1} older events were dropped`));
    for (const ev of all.slice(-MAX_SHOWN)) {
      const d = describe(ev);
      if (!d) continue;
      const [kind, text] = d;
      const end = done.get(ev.id);
      const running = (ev.type === 'command.started' || ev.type === 'exec.started') && !end;
      const status = end ? Number(end.status) : null;
      rows.push(h('li', { class: `avm-ev avm-ev-${kind}`, 'data-type': ev.type, 'data-id': ev.id },
        h('time', { datetime: new Date(ev.ts).toISOString() }, time(ev.ts)),
        h('span', { class: kind === 'cmd' ? 'avm-ev-text avm-mono' : 'avm-ev-text' }, text),
        ev.type === 'command.started' && ev.by ? h('span', { class: 'avm-ev-by' }, ev.by.name) : null,
        end ? h('span', { class: `avm-status ${status === 0 ? 'avm-ok' : 'avm-fail'}`, title: `exit status ${status}` },
          `${status === 0 ? '✓' : `✗ ${status}`} · ${duration(end.ts - ev.ts)}`) : null,
        running ? h('span', { class: 'avm-status avm-running' }, 'running…') : null));
    }
    fill(this.#list, ...rows);
    if (rows.length === 0) fill(this.#list, h('li', { class: 'avm-empty' }, 'Nothing has happened yet.'));
    if (this.#follow) this.#list.scrollTop = this.#list.scrollHeight;
  }

  dispose(): void { this.#events.unobserve(this.#onChange); }
}
