// <agentvm-pane session="ID" [server="https://host"] [token="avm_…"] [theme="light|dark"]>
// One session, live: terminal, file tree, editor, timeline, presence and steering controls, over
// the session's Yjs socket (web/client.ts) and the REST API (web/api.ts).
//
// Token: the `token` attribute, else `#token=` in the page's URL (a share link; it is then kept in
// this tab's sessionStorage so a reload keeps the participant), else this tab's stored token, else
// a join form when the browser holds the server's API token (each tab joins as its own
// participant), else an explanation of how to get a link.

import { SessionClient } from '../client.ts';
import { h, fill, colorFor } from './dom.ts';
import { api, store, takeHashToken, serverOf, pageUrl, ApiError } from './rest.ts';
import { TerminalView } from './terminal-view.ts';
import { FileTreeView } from './file-tree-view.ts';
import { EditorPanel } from './editor-view.ts';
import { TimelineView } from './timeline-view.ts';
import { PresenceView } from './presence-view.ts';
import { ControlsView } from './controls-view.ts';
import { injectStyles, themeIsDark, saveTheme } from './styles.ts';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'failed';
type View = 'terminal' | 'files' | 'editor' | 'timeline';

export class AgentvmPane extends HTMLElement {
  static observedAttributes = ['theme'];
  client: SessionClient | null = null;
  #root = h('div', { class: 'avm-root' });
  #id = '';
  #server = '';
  #token = '';
  #state: ConnectionState = 'connecting';
  #failures = 0;
  #diagnosing = false;
  #dark = false;
  #started = false;
  #terminal: TerminalView | null = null;
  #editor: EditorPanel | null = null;
  #disposers: (() => void)[] = [];
  #statusEl = h('span', { class: 'avm-conn', 'data-avm': 'connection', role: 'status', 'aria-live': 'polite' });
  #toasts = h('div', { class: 'avm-toasts', 'aria-live': 'assertive' });
  #shownToasts = new Map<string, { el: HTMLElement; timer: ReturnType<typeof setTimeout> }>();

  connectedCallback(): void {
    injectStyles();
    if (this.#started) return;
    this.#started = true;
    this.#id = this.getAttribute('session') ?? '';
    this.#server = serverOf(this);
    this.#dark = this.#themeIsDark();
    this.#root.dataset.theme = this.#dark ? 'dark' : 'light';
    this.append(this.#root);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(this.#id)) { this.#message('No session', 'This pane needs a session id: <agentvm-pane session="…">.'); return; }
    const token = this.getAttribute('token') || takeHashToken() || store.tabToken(this.#id);
    if (token) { store.setTabToken(this.#id, token); this.#start(token); } else this.#gate();
  }

  disconnectedCallback(): void {
    // moved, not removed: keep running
    queueMicrotask(() => { if (!this.isConnected) this.dispose(); });
  }

  attributeChangedCallback(name: string): void {
    if (name === 'theme' && this.#started) this.#applyTheme(this.#themeIsDark());
  }

  /** Connection state: connecting, live, reconnecting, offline or failed (bad token, no such session). */
  get state(): ConnectionState { return this.#state; }
  /** What the terminal shows (scrollback included). */
  terminalText(): string { return this.#terminal?.text() ?? ''; }
  /** The text of an open editor tab (default: the active one). */
  editorText(path?: string): string | null { return this.#editor?.text(path) ?? null; }
  openFile(path: string): Promise<void> { return this.#editor?.open(path) ?? Promise.resolve(); }

  dispose(): void {
    for (const d of this.#disposers.splice(0)) { try { d(); } catch { /* already gone */ } }
    this.client?.destroy();
    this.client = null;
    this.#started = false;
  }

  #themeIsDark(): boolean {
    return themeIsDark(this.getAttribute('theme'));
  }

  #applyTheme(dark: boolean): void {
    this.#dark = dark;
    this.#root.dataset.theme = dark ? 'dark' : 'light';
    this.#terminal?.setTheme(dark);
    this.#editor?.setDark(dark);
  }

  #message(title: string, text: string, ...extra: HTMLElement[]): void {
    fill(this.#root, h('div', { class: 'avm-gate', 'data-avm': 'gate' }, h('h1', {}, title), h('p', {}, text), ...extra));
  }

  /** No token for this tab: join with the server's API token, or explain how to get in. */
  #gate(): void {
    const apiToken = store.apiToken();
    if (!apiToken) {
      this.#message('You need a link to this session', 'Ask the session\'s owner for a share link (it ends in #token=…), or open the URL that `agentvm serve` printed to see your sessions.');
      return;
    }
    const owner = store.ownerToken(this.#id);
    const name = h('input', { id: 'avm-join-name', name: 'name', required: true, maxlength: 100, autocomplete: 'nickname', value: store.name() || '' });
    const role = h('select', { id: 'avm-join-role', name: 'role' }, h('option', { value: 'driver' }, 'participant (can drive when handed control)'), h('option', { value: 'observer' }, 'observer (watch only)'));
    const err = h('p', { class: 'avm-error', role: 'alert' });
    const form = h('form', { class: 'avm-form', 'data-avm': 'join' },
      h('label', { for: 'avm-join-name' }, 'Your name'), name,
      h('label', { for: 'avm-join-role' }, 'Join as'), role,
      h('button', { type: 'submit', class: 'avm-btn avm-primary' }, 'Join session'), err);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = name.value.trim();
      if (!n) { err.textContent = 'Enter a name so the others know who you are.'; return; }
      store.setName(n);
      api<{ token: string }>(this.#server, `/api/sessions/${this.#id}/join`, apiToken, { method: 'POST', body: { name: n, role: role.value } })
        .then((r) => { store.setTabToken(this.#id, r.token); this.#start(r.token); })
        .catch((e: ApiError) => { err.textContent = e.code === 'UNAUTHORIZED' ? 'The API token this browser keeps is no longer valid: open the URL `agentvm serve` printed again.' : e.message; });
    });
    this.#message('Join this session', 'Every window is its own participant: pick the name the others will see.', form,
      ...(owner ? [h('p', {}, h('button', { type: 'button', class: 'avm-btn', 'data-action': 'rejoin-owner', onclick: () => { store.setTabToken(this.#id, owner); this.#start(owner); } }, 'Continue as the owner instead'))] : []));
    name.focus();
  }

  #start(token: string): void {
    this.#token = token;
    const client = this.client = new SessionClient({ url: `${this.#server.replace(/^http/, 'ws')}/sessions/${this.#id}`, token, maxBackoffMs: 5000 });
    const doc = client.doc;
    const me = () => client.hello ? { grant: client.hello.grant, role: client.hello.role, name: client.hello.name } : null;
    const driving = () => { const m = me(); return !!m && client.driver?.id === m.grant; };
    // editors are read-only while disconnected: nothing typed is shown that the session did not get
    const canEdit = () => { const m = me(); return !!m && this.#state === 'live' && (m.role !== 'observer' || driving()); };

    const terminal = this.#terminal = new TerminalView({
      doc,
      onInput: (data) => {
        if (this.#state !== 'live') { this.#toast('Not sent: the connection is down. Reconnecting…', 'error', 'offline'); return; }
        if (!driving()) {
          const d = client.driver;
          this.#toast(d ? `${d.name} is driving: request control to type.` : 'Nobody is driving: take or request control to type.', 'info', 'not-driving');
          return;
        }
        this.#send(() => client.input(data));
      },
      // a socket closing before its status event says so: skip this size (the next connection re-proposes it)
      onFit: (cols, rows) => { if (this.#state === 'live' && driving()) { try { client.resize(cols, rows); } catch { /* not connected */ } } },
    });
    const editor = this.#editor = new EditorPanel({
      doc, awareness: client.awareness, canEdit,
      readOnlyReason: () => this.#state !== 'live' ? 'disconnected, editing resumes when the connection is back' : 'you are observing (request control to edit)',
      requestOpen: (path) => { if (!this.#send(() => client.openFile(path))) editor.failPending(); },
      fetchText: async (path) => {
        const res = await fetch(`${this.#server}/api/sessions/${this.#id}/files?path=${encodeURIComponent(path)}`, { headers: { authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (bytes.length > 1024 * 1024) throw new Error('the file is larger than 1 MiB');
        return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      },
      notify: (m, kind) => this.#toast(m, kind ?? 'error'),
      dark: () => this.#dark,
    });
    const openInEditor = (path: string) => { void editor.open(path); this.#setView('editor'); };
    const files = new FileTreeView({
      doc, onOpen: openInEditor, canCreate: canEdit,
      onNew: (path) => { if (!canEdit()) this.#toast('Observers cannot create files: request control first.', 'info'); else openInEditor(path); },
    });
    const timeline = new TimelineView(doc);
    const presence = new PresenceView(client.awareness, doc, me);
    const controls = new ControlsView({
      doc, me, connected: () => this.#state === 'live', participants: () => presence.participants(),
      control: (action) => this.#send(() => client.send({ t: 'control', action })),
      grant: (to) => this.#send(() => client.grantControl(to)),
      interrupt: () => this.#send(() => client.input('\x03')),
      share: () => this.#share(),
      fork: () => this.#fork(),
      toggleTheme: () => { const dark = !this.#dark; saveTheme(dark); this.#applyTheme(dark); },
    });
    editor.onChange = () => { this.#root.dataset.editor = editor.paths.length > 0 ? 'open' : 'none'; };

    const title = h('span', { class: 'avm-title', 'data-avm': 'title' }, 'session');
    const tabs = h('nav', { class: 'avm-viewtabs', 'aria-label': 'Panels' },
      ...(['terminal', 'files', 'editor', 'timeline'] as View[]).map((v) => h('button', { type: 'button', 'data-view': v, onclick: () => this.#setView(v) }, v[0]!.toUpperCase() + v.slice(1))));
    const center = h('div', { class: 'avm-center' }, h('section', { class: 'avm-panel avm-terminal', 'aria-label': 'Terminal' }, terminal.el), editor.el);
    fill(this.#root,
      h('header', { class: 'avm-bar' }, h('div', { class: 'avm-brand' }, h('a', { href: `${this.#server}/`, class: 'avm-logo', title: 'all sessions' }, 'agentvm'), title, this.#statusEl), presence.el, controls.el),
      controls.banner, tabs,
      h('main', { class: 'avm-main' }, files.el, center, timeline.el),
      this.#toasts);
    this.#root.dataset.editor = 'none';
    this.#setView('terminal');
    terminal.mount();
    terminal.setTheme(this.#dark);
    this.#fontSize(terminal);

    const onSession = () => {
      terminal.setDriving(driving());
      this.#root.dataset.driving = String(driving());
      editor.refresh();
      controls.render();
    };
    doc.getMap('session').observe(onSession);
    // awareness changes with every cursor move: redraw the controls (and their hand-over menu)
    // only when the set of participants changed, so an open menu is not rebuilt under the user
    let people = '';
    const onPeople = () => {
      const now = presence.participants().map((p) => `${p.id}:${p.name}:${p.role}`).join('|');
      if (now !== people) { people = now; controls.render(); }
    };
    client.awareness.on('change', onPeople);
    const offMsg = client.onMessage((m) => {
      if (m.t === 'hello') {
        client.awareness.setLocalStateField('user', { name: m.name, color: colorFor(m.grant), colorLight: colorFor(m.grant).replace('45%)', '45% / 0.25)') });
        presence.render();
        if (m.role === 'owner') store.setOwnerToken(this.#id, token);
        onSession();
        this.dispatchEvent(new CustomEvent('agentvm-ready', { detail: { role: m.role, name: m.name, grant: m.grant } }));
      } else if (m.t === 'error') {
        // open refusals (directory, binary, too large, permissions) end the tab waiting for them
        if (/^(E[A-Z]+|FORBIDDEN|BAD_PATH)$/.test(m.code)) editor.failPending();
        this.#toast(m.message, 'error', m.code);
      }
    });
    const provider = client.provider;
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') { this.#failures = 0; this.#setState('live'); }
      else if (status === 'connecting') this.#setState(this.#state === 'connecting' ? 'connecting' : 'reconnecting');
      else this.#setState('reconnecting');
      controls.render();
      editor.refresh();
    };
    const onClose = () => {
      this.#failures++;
      if (!navigator.onLine) this.#setState('offline');
      if (this.#failures >= 3) void this.#diagnose();
    };
    // a 44xx close (revoked link, closed session): y-websocket stops reconnecting and emits
    // 'closed'; ask the REST API why (it ends in a clear message) and otherwise resume
    const onClosed = () => {
      void this.#diagnose().then(() => { if (this.client === client && !client.provider.shouldConnect) client.provider.connect(); });
    };
    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    provider.on('closed', onClosed);
    const onResize = () => this.#fontSize(terminal);
    window.addEventListener('resize', onResize);
    api<{ name: string }>(this.#server, `/api/sessions/${this.#id}`, token).then((s) => { title.textContent = s.name; }).catch(() => {});

    this.#disposers.push(
      () => window.removeEventListener('resize', onResize), offMsg,
      () => provider.off('status', onStatus), () => provider.off('connection-close', onClose), () => provider.off('closed', onClosed),
      () => doc.getMap('session').unobserve(onSession), () => client.awareness.off('change', onPeople),
      () => terminal.dispose(), () => editor.dispose(), () => files.dispose(), () => timeline.dispose(), () => presence.dispose());
  }

  /** Repeated failures to connect: ask the REST API why (bad token, no such session) before retrying forever. */
  async #diagnose(): Promise<void> {
    if (this.#diagnosing) return;
    this.#diagnosing = true;
    try {
      await api(this.#server, `/api/sessions/${this.#id}`, this.#token);
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'UNAUTHORIZED' || err.code === 'NOT_FOUND' || err.code === 'SESSION_CLOSED') {
        this.client?.provider.disconnect();
        this.#setState('failed');
        store.forgetTabToken(this.#id);
        const why = err.code === 'UNAUTHORIZED' ? 'This link is no longer valid: it was revoked or has expired. Ask the owner for a new one.'
          : err.code === 'NOT_FOUND' ? 'There is no such session on this server.' : 'This session was closed.';
        this.dispose();
        this.#message('Cannot open this session', why);
      }
    } finally { this.#diagnosing = false; }
  }

  #setState(s: ConnectionState): void {
    if (this.#state === s) return;
    this.#state = s;
    this.#root.dataset.conn = s;
    const label: Record<ConnectionState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline', failed: 'Disconnected' };
    this.#statusEl.textContent = label[s];
    this.#statusEl.dataset.state = s;
    this.dispatchEvent(new CustomEvent('agentvm-status', { detail: { state: s } }));
  }

  /** Sends through the socket; false (and a notice) when it is not connected. */
  #send(f: () => void): boolean {
    try { f(); return true; } catch (e) { this.#toast(`Not sent: ${(e as Error).message}`, 'error', 'offline'); return false; }
  }

  #setView(v: View): void {
    this.#root.dataset.view = v;
    for (const b of Array.from(this.#root.querySelectorAll<HTMLButtonElement>('.avm-viewtabs button'))) b.setAttribute('aria-pressed', String(b.dataset.view === v));
  }

  #fontSize(t: TerminalView): void {
    const w = window.innerWidth;
    t.setFontSize(w < 480 ? 11 : w < 1400 ? 13 : w < 2400 ? 14 : 18);
  }

  /** One notice per key at a time: repeating it while shown keeps it up longer instead of stacking copies. */
  #toast(message: string, kind: 'error' | 'info' = 'info', key = message): void {
    const shown = this.#shownToasts.get(key);
    if (shown) {
      shown.el.textContent = message;
      clearTimeout(shown.timer);
      shown.timer = setTimeout(() => { shown.el.remove(); this.#shownToasts.delete(key); }, 5000);
      return;
    }
    const el = h('div', { class: `avm-toast avm-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
    this.#toasts.append(el);
    const entry = { el, timer: setTimeout(() => { el.remove(); this.#shownToasts.delete(key); }, 5000) };
    this.#shownToasts.set(key, entry);
  }

  #dialog(title: string, ...body: (HTMLElement | string)[]): HTMLDialogElement {
    const d = h('dialog', { class: 'avm-dialog', 'aria-label': title }, h('h2', {}, title), ...body,
      h('form', { method: 'dialog' }, h('button', { class: 'avm-btn', value: 'close' }, 'Close')));
    d.addEventListener('close', () => d.remove());
    this.#root.append(d);
    d.showModal();
    return d;
  }

  #share(): void {
    const out = h('div', { class: 'avm-share-out', 'data-avm': 'share-link' });
    const make = (role: 'observer' | 'driver') => {
      api<{ token: string }>(this.#server, `/api/sessions/${this.#id}/share`, this.#token, { method: 'POST', body: { role } })
        .then((r) => {
          const url = pageUrl(this.#server, this.#id, r.token);
          const input = h('input', { readonly: true, value: url, 'aria-label': `${role} link`, class: 'avm-link' });
          fill(out, h('p', {}, `Anyone with this link joins as ${role === 'driver' ? 'a participant who can drive when handed control' : 'an observer (watch only)'}:`), input,
            h('button', { type: 'button', class: 'avm-btn', onclick: () => { void navigator.clipboard?.writeText(url).then(() => this.#toast('Link copied')); input.select(); } }, 'Copy'));
          input.select();
        })
        .catch((e: Error) => fill(out, h('p', { class: 'avm-error' }, e.message)));
    };
    this.#dialog('Share this session',
      h('p', {}, 'Create a link for a teammate. Links can be revoked from the REST API.'),
      h('div', { class: 'avm-row' },
        h('button', { type: 'button', class: 'avm-btn', 'data-action': 'share-observer', onclick: () => make('observer') }, 'Observer link'),
        h('button', { type: 'button', class: 'avm-btn avm-primary', 'data-action': 'share-driver', onclick: () => make('driver') }, 'Participant link')),
      out);
  }

  #fork(): void {
    api<{ id: string; token: string; name: string }>(this.#server, `/api/sessions/${this.#id}/fork`, this.#token, { method: 'POST', body: {} })
      .then((r) => {
        store.setOwnerToken(r.id, r.token);
        const url = pageUrl(this.#server, r.id, r.token);
        const link = h('a', { href: url, target: '_blank', rel: 'noopener', 'data-avm': 'fork-link' }, 'Open the fork in a new tab');
        const d = this.#dialog('Session forked', h('p', {}, `“${r.name}” is a copy of this session's files. `), h('p', {}, link));
        link.addEventListener('click', () => d.close());
      })
      .catch((e: Error) => this.#toast(`Fork failed: ${e.message}`, 'error'));
  }
}

