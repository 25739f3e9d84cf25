// The pane's editor: CodeMirror 6 bound to the session's live file texts with y-codemirror.next.
// A file opened for editing is doc.getText('file:' + path), listed in doc.getMap('open')
// (actors/openfiles.ts keeps it in step with the VM file both ways), so everyone editing it
// types into one text and sees the others' cursors (awareness). Participants who may not edit
// (observers) see an open file read-only and live, and any other file as a read-only snapshot
// fetched over REST.

import * as Y from 'yjs';
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment, type Extension } from '@codemirror/state';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { markdown } from '@codemirror/lang-markdown';
import { json } from '@codemirror/lang-json';
import { oneDark } from '@codemirror/theme-one-dark';
import { yCollab } from 'y-codemirror.next';
import type { Awareness } from 'y-protocols/awareness';
import { h, fill } from './dom.ts';

export interface EditorHost {
  doc: Y.Doc;
  awareness: Awareness;
  /** May this participant edit live now (driver role or driving, and connected)? */
  canEdit: () => boolean;
  /** Why not, in a few words (shown in the status line). */
  readOnlyReason: () => string;
  /** Asks the server to open `path` for live editing. */
  requestOpen: (path: string) => void;
  /** The file's bytes as text, for read-only snapshots. */
  fetchText: (path: string) => Promise<string>;
  notify: (message: string, kind?: 'error' | 'info') => void;
  dark: () => boolean;
}

/** doc.getMap('open') values (actors/openfiles.ts). */
interface OpenInfo { by?: string; at?: number; deleted?: boolean; stale?: string }

interface Tab {
  path: string;
  view: EditorView;
  mode: 'live' | 'snapshot' | 'waiting';
  undo?: Y.UndoManager;
}

const access = (readOnly: boolean): Extension => [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];

function language(path: string): Extension {
  if (/\.(m?[jt]sx?|cjs)$/.test(path)) return javascript({ typescript: /\.tsx?$/.test(path), jsx: /x$/.test(path) });
  if (/\.py$/.test(path)) return python();
  if (/\.(md|markdown)$/.test(path)) return markdown();
  if (/\.json$/.test(path)) return json();
  return [];
}

export class EditorPanel {
  readonly el: HTMLElement;
  readonly #tabsEl: HTMLElement;
  readonly #body: HTMLElement;
  readonly #status: HTMLElement;
  readonly #host: EditorHost;
  readonly #tabs = new Map<string, Tab>();
  readonly #theme = new Compartment();
  /** Read-only or editable, switched in place (no rebuild: selection, scroll and focus stay). */
  readonly #access = new Compartment();
  #active: string | null = null;
  readonly #open: Y.Map<OpenInfo>;
  readonly #onOpenMap = (e: Y.YMapEvent<OpenInfo>) => this.#openChanged(e);
  /** Called when the set of tabs or the active tab changes. */
  onChange: () => void = () => {};

  constructor(host: EditorHost) {
    this.#host = host;
    this.#open = host.doc.getMap('open');
    this.#tabsEl = h('div', { class: 'avm-editor-tabs', role: 'tablist', 'aria-label': 'Open files' });
    this.#status = h('div', { class: 'avm-editor-status', 'aria-live': 'polite' });
    this.#body = h('div', { class: 'avm-editor-body' });
    this.el = h('section', { class: 'avm-panel avm-editor', 'data-avm': 'editor', 'aria-label': 'Editor' }, this.#tabsEl, this.#status, this.#body);
    this.#open.observe(this.#onOpenMap);
  }

  get active(): string | null { return this.#active; }
  get paths(): string[] { return [...this.#tabs.keys()]; }

  /** The active editor's text (for embedders and tests). */
  text(path = this.#active): string | null {
    const t = path ? this.#tabs.get(path) : undefined;
    return t ? t.view.state.doc.toString() : null;
  }

  view(path = this.#active): EditorView | null { return (path && this.#tabs.get(path)?.view) || null; }

  async open(path: string): Promise<void> {
    const existing = this.#tabs.get(path);
    if (existing && existing.mode !== 'snapshot') { this.#activate(path); return; }
    if (existing) this.#drop(path);
    if (this.#open.has(path)) { this.#live(path); return; }
    if (this.#host.canEdit()) {
      this.#placeholder(path, 'Opening for live editing…');
      this.#host.requestOpen(path);
      setTimeout(() => { if (this.#tabs.get(path)?.mode === 'waiting') { this.#drop(path); this.#host.notify(`could not open ${path} for editing`); } }, 8000);
      return;
    }
    try {
      const text = await this.#host.fetchText(path);
      if (this.#open.has(path)) { this.#live(path); return; }
      this.#add({ path, mode: 'snapshot', view: this.#makeView(path, text, [], true) });
    } catch (e) {
      this.#host.notify(`cannot show ${path}: ${(e as Error).message}`);
    }
  }

  /** The server refused an open request: drop the tabs still waiting for one (the caller shows why). */
  failPending(): void {
    for (const t of [...this.#tabs.values()]) if (t.mode === 'waiting') this.close(t.path);
  }

  /** Re-evaluates read-only state (after a change of driver). */
  refresh(): void {
    const ro = !this.#host.canEdit();
    for (const t of this.#tabs.values()) {
      if (t.mode === 'live' && t.view.state.readOnly !== ro) t.view.dispatch({ effects: this.#access.reconfigure(access(ro)) });
    }
    this.#renderChrome();
  }

  setDark(dark: boolean): void {
    for (const t of this.#tabs.values()) t.view.dispatch({ effects: this.#theme.reconfigure(dark ? oneDark : []) });
  }

  close(path: string): void {
    this.#drop(path);
    if (this.#active === path) this.#active = this.#tabs.keys().next().value ?? null;
    this.#show();
  }

  #openChanged(e: Y.YMapEvent<OpenInfo>): void {
    for (const [path, change] of e.changes.keys) {
      const tab = this.#tabs.get(path);
      if (change.action === 'delete') {
        if (tab?.mode === 'live') { this.#drop(path); this.#host.notify(`${path} was closed for editing`, 'info'); this.#show(); }
      } else if (tab && tab.mode !== 'live') {
        this.#drop(path);
        this.#live(path);
      }
    }
    this.#renderChrome();
  }

  #live(path: string): void {
    const text = this.#host.doc.getText(`file:${path}`);
    const ro = !this.#host.canEdit();
    const undo = new Y.UndoManager(text);
    this.#add({ path, mode: 'live', undo, view: this.#makeView(path, text.toString(), [yCollab(text, this.#host.awareness, { undoManager: undo })], ro) });
  }

  #placeholder(path: string, message: string): void {
    this.#add({ path, mode: 'waiting', view: this.#makeView(path, message, [], true) });
  }

  #makeView(path: string, content: string, extra: Extension[], readOnly: boolean): EditorView {
    return new EditorView({
      state: EditorState.create({
        doc: content,
        extensions: [
          basicSetup, language(path), ...extra,
          this.#access.of(access(readOnly)),
          EditorView.contentAttributes.of({ 'aria-label': `Contents of ${path}` }),
          this.#theme.of(this.#host.dark() ? oneDark : []),
        ],
      }),
    });
  }

  #add(tab: Tab): void {
    this.#tabs.set(tab.path, tab);
    this.#activate(tab.path);
  }

  #drop(path: string): void {
    const t = this.#tabs.get(path);
    if (!t) return;
    t.view.destroy();
    t.undo?.destroy();
    this.#tabs.delete(path);
  }

  #activate(path: string): void {
    this.#active = path;
    this.#show();
    this.#tabs.get(path)?.view.focus();
  }

  #show(): void {
    const t = this.#active ? this.#tabs.get(this.#active) : undefined;
    fill(this.#body, t ? t.view.dom : h('p', { class: 'avm-empty' }, 'Pick a file in the tree to open it.'));
    this.#renderChrome();
    this.onChange();
  }

  #renderChrome(): void {
    fill(this.#tabsEl, ...[...this.#tabs.values()].map((t) => h('div', { class: `avm-tab${t.path === this.#active ? ' avm-active' : ''}` },
      h('button', { role: 'tab', 'aria-selected': String(t.path === this.#active), title: t.path, onclick: () => this.#activate(t.path) }, t.path.slice(t.path.lastIndexOf('/') + 1)),
      h('button', { class: 'avm-tab-close', 'aria-label': `Close ${t.path}`, onclick: () => this.close(t.path) }, '×'))));
    const t = this.#active ? this.#tabs.get(this.#active) : undefined;
    const info = t ? this.#open.get(t.path) : undefined;
    fill(this.#status, !t ? '' :
      t.mode === 'waiting' ? 'Opening…' :
      t.mode === 'snapshot' ? `${t.path} · read-only snapshot (only a driver can open files for live editing)` :
      info?.deleted ? `${t.path} · deleted in the VM: the next edit recreates it` :
      info?.stale ? `${t.path} · ${info.stale === 'EFBIG' ? 'too large' : 'not text'} now: edits are not saved` :
      `${t.path} · live${this.#host.canEdit() ? '' : ` · read-only: ${this.#host.readOnlyReason()}`}`);
  }

  dispose(): void {
    this.#open.unobserve(this.#onOpenMap);
    for (const p of [...this.#tabs.keys()]) this.#drop(p);
  }
}
