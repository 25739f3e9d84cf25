// <agentvm-sessions [server="https://host"]>: the server's session list (the page at `/`).
// Needs the server's API token, which `agentvm serve` prints as part of the URL (#token=…) and
// this element keeps in localStorage. Lists sessions, creates one (you become its owner) and
// opens one (each browser tab joins as its own participant, see <agentvm-pane>).

import { h, fill, ago } from './dom.ts';
import { api, store, takeHashToken, serverOf, ApiError } from './rest.ts';
import { injectStyles, themeIsDark } from './styles.ts';

interface Listed { id: string; name: string; createdAt: number; forkOf: string | null; closed: boolean }

export class AgentvmSessions extends HTMLElement {
  #root = h('div', { class: 'avm-root avm-home' });
  #server = '';

  connectedCallback(): void {
    injectStyles();
    if (this.#root.isConnected) return;
    this.#server = serverOf(this);
    this.#root.dataset.theme = themeIsDark() ? 'dark' : 'light';
    this.append(this.#root);
    const t = takeHashToken();
    if (t) store.setApiToken(t);
    void this.render();
  }

  async render(): Promise<void> {
    const token = store.apiToken();
    if (!token) { this.#askToken(); return; }
    let sessions: Listed[];
    try {
      sessions = (await api<{ sessions: Listed[] }>(this.#server, '/api/sessions', token)).sessions;
    } catch (e) {
      if ((e as ApiError).code === 'UNAUTHORIZED') { store.forgetApiToken(); this.#askToken('That API token was not accepted by this server.'); return; }
      fill(this.#root, h('div', { class: 'avm-gate' }, h('h1', {}, 'agentvm'), h('p', { class: 'avm-error', role: 'alert' }, (e as Error).message),
        h('button', { class: 'avm-btn', onclick: () => void this.render() }, 'Try again')));
      return;
    }
    const open = sessions.filter((s) => !s.closed).sort((a, b) => b.createdAt - a.createdAt);
    const sessionName = h('input', { id: 'avm-new-name', name: 'session', placeholder: 'what is this session for?', maxlength: 200 });
    const you = h('input', { id: 'avm-new-owner', name: 'owner', required: true, maxlength: 100, autocomplete: 'nickname', value: store.name() });
    const err = h('p', { class: 'avm-error', role: 'alert' });
    const form = h('form', { class: 'avm-form avm-new', 'data-avm': 'new-session' },
      h('label', { for: 'avm-new-name' }, 'Session name'), sessionName,
      h('label', { for: 'avm-new-owner' }, 'Your name'), you,
      h('button', { type: 'submit', class: 'avm-btn avm-primary' }, 'New session'), err);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const owner = you.value.trim();
      if (!owner) { err.textContent = 'Enter your name: the others see it next to what you do.'; return; }
      store.setName(owner);
      api<{ id: string; token: string }>(this.#server, '/api/sessions', token, { method: 'POST', body: { name: sessionName.value.trim() || 'session', owner } })
        .then((r) => { store.setOwnerToken(r.id, r.token); store.setTabToken(r.id, r.token); location.assign(`${this.#server}/s/${r.id}`); })
        .catch((e: Error) => { err.textContent = e.message; });
    });
    fill(this.#root, h('div', { class: 'avm-home-inner' },
      h('header', { class: 'avm-home-head' }, h('h1', {}, 'agentvm'), h('p', {}, 'A small Linux computer for every agent. Open a session in two windows to work on it together.')),
      form,
      h('h2', {}, open.length ? 'Sessions' : 'No sessions yet'),
      h('ul', { class: 'avm-session-list', 'data-avm': 'sessions' }, ...open.map((s) => h('li', {},
        h('a', { href: `${this.#server}/s/${encodeURIComponent(s.id)}`, 'data-id': s.id }, s.name || s.id),
        h('span', { class: 'avm-muted' }, `${s.forkOf ? 'fork · ' : ''}${ago(Date.now() - s.createdAt)} ago${store.ownerToken(s.id) ? ' · yours' : ''}`))))));
  }

  #askToken(problem?: string): void {
    const input = h('input', { id: 'avm-api-token', name: 'token', required: true, autocomplete: 'off', spellcheck: 'false' });
    const form = h('form', { class: 'avm-form' }, h('label', { for: 'avm-api-token' }, 'Server API token'), input, h('button', { type: 'submit', class: 'avm-btn avm-primary' }, 'Continue'));
    form.addEventListener('submit', (e) => { e.preventDefault(); if (input.value.trim()) { store.setApiToken(input.value.trim()); void this.render(); } });
    fill(this.#root, h('div', { class: 'avm-gate' }, h('h1', {}, 'agentvm'),
      problem ? h('p', { class: 'avm-error', role: 'alert' }, problem) : null,
      h('p', {}, 'Open the URL that `agentvm serve` printed (it carries the API token), or paste the token (also in <data dir>/api-token).'), form));
  }
}
