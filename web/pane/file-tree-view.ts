// The pane's file tree: a live view of doc.getMap('files') (absolute path → { type, size, mtime,
// mode }, kept in step with the VM's filesystem by actors/filetree.ts). Directories expand and
// collapse; files open in the editor. Files open for live editing (doc.getMap('open')) are marked.
// Keyboard: the tree is one tab stop; ↑/↓ move, → expands, ← collapses or goes to the parent,
// Enter opens.

import type * as Y from 'yjs';
import { h, fill, perFrame } from './dom.ts';

interface FileEntry { type: 'file' | 'dir' | 'symlink' | 'other'; size: number; mtime: number; mode: number }

export interface FileTreeViewOptions {
  doc: Y.Doc;
  onOpen: (path: string) => void;
  /** Offered when set: make a new file (relative paths are under /home/user) and open it. */
  onNew?: (path: string) => void;
  canCreate?: () => boolean;
  /** Directories shown expanded at first. */
  expanded?: string[];
}

const parentOf = (p: string) => p === '/' ? '' : (p.slice(0, p.lastIndexOf('/')) || '/');
const baseOf = (p: string) => p === '/' ? '/' : p.slice(p.lastIndexOf('/') + 1);

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export class FileTreeView {
  readonly el: HTMLElement;
  readonly #list: HTMLElement;
  readonly #files: Y.Map<FileEntry>;
  readonly #open: Y.Map<unknown>;
  readonly #opts: FileTreeViewOptions;
  readonly #expanded: Set<string>;
  #selected: string | null = null;
  #children = new Map<string, string[]>();
  #dirty = true;
  readonly #render = perFrame(() => this.render());
  readonly #onFiles = () => { this.#dirty = true; this.#render(); };
  readonly #onOpen = () => this.#render();

  constructor(opts: FileTreeViewOptions) {
    this.#opts = opts;
    this.#files = opts.doc.getMap<FileEntry>('files');
    this.#open = opts.doc.getMap('open');
    this.#expanded = new Set(opts.expanded ?? ['/', '/home', '/home/user']);
    this.#list = h('ul', { class: 'avm-tree', role: 'tree', 'aria-label': 'Files', tabindex: 0, onkeydown: (e: KeyboardEvent) => this.#key(e) });
    const head = h('header', { class: 'avm-panel-head' }, h('h2', {}, 'Files'));
    if (opts.onNew) {
      const input = h('input', { class: 'avm-new-file', 'aria-label': 'New file path', placeholder: 'name or /path, Enter', hidden: true });
      const button = h('button', { type: 'button', class: 'avm-btn avm-icon avm-new-file-btn', 'data-action': 'new-file', title: 'new file', 'aria-label': 'New file',
        onclick: () => {
          if (opts.canCreate && !opts.canCreate()) { opts.onNew!(''); return; }
          input.hidden = !input.hidden; if (!input.hidden) input.focus();
        } }, '+');
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') { input.hidden = true; input.value = ''; }
        if (e.key !== 'Enter' || !input.value.trim()) return;
        const v = input.value.trim();
        input.value = ''; input.hidden = true;
        opts.onNew!(v.startsWith('/') ? v : `/home/user/${v}`);
      });
      head.append(button, input);
    }
    this.el = h('section', { class: 'avm-panel avm-files', 'data-avm': 'files', 'aria-label': 'Files' }, head, this.#list);
    this.#files.observe(this.#onFiles);
    this.#open.observe(this.#onOpen);
    this.render();
  }

  #index(): void {
    const children = new Map<string, string[]>();
    for (const path of this.#files.keys()) {
      const parent = parentOf(path);
      if (parent === '') continue;
      let c = children.get(parent);
      if (!c) children.set(parent, c = []);
      c.push(path);
    }
    const isDir = (p: string) => this.#files.get(p)?.type === 'dir';
    for (const c of children.values()) {
      c.sort((a, b) => (isDir(a) === isDir(b) ? (baseOf(a) < baseOf(b) ? -1 : 1) : isDir(a) ? -1 : 1));
    }
    this.#children = children;
    this.#dirty = false;
  }

  /** The rows currently shown, in order. */
  #visible(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const p of this.#children.get(dir) ?? []) {
        out.push(p);
        if (this.#expanded.has(p) && this.#files.get(p)?.type === 'dir') walk(p);
      }
    };
    walk('/');
    return out;
  }

  render(): void {
    if (this.#dirty) this.#index();
    const rows = this.#visible();
    if (this.#selected && !rows.includes(this.#selected)) this.#selected = null;
    fill(this.#list, ...rows.map((p) => this.#row(p)));
    if (rows.length === 0) fill(this.#list, h('li', { class: 'avm-empty' }, this.#files.size === 0 ? 'Loading files…' : 'Empty'));
  }

  #row(path: string): HTMLElement {
    const e = this.#files.get(path)!;
    const depth = path.split('/').length - 2;
    const dir = e.type === 'dir';
    const open = dir && this.#expanded.has(path);
    const live = this.#open.has(path);
    return h('li', {
      class: `avm-tree-row${path === this.#selected ? ' avm-selected' : ''}`,
      role: 'treeitem', 'aria-expanded': dir ? String(open) : undefined, 'aria-selected': String(path === this.#selected),
      'data-path': path, style: `--depth:${depth}`, title: `${path}${dir ? '' : ` · ${size(e.size)}`}`,
      onclick: () => { this.#selected = path; this.#activate(path); },
    },
    h('span', { class: 'avm-tree-icon', 'aria-hidden': 'true' }, dir ? (open ? '▾' : '▸') : e.type === 'symlink' ? '↪' : '·'),
    h('span', { class: 'avm-tree-name' }, baseOf(path)),
    live ? h('span', { class: 'avm-live-dot', title: 'open for live editing' }, '●') : null);
  }

  #activate(path: string): void {
    const e = this.#files.get(path);
    if (!e) return;
    if (e.type === 'dir') {
      if (this.#expanded.has(path)) this.#expanded.delete(path); else this.#expanded.add(path);
      this.render();
    } else if (e.type === 'file') {
      this.render();
      this.#opts.onOpen(path);
    }
  }

  #key(e: KeyboardEvent): void {
    const rows = this.#visible();
    if (rows.length === 0) return;
    let i = this.#selected ? rows.indexOf(this.#selected) : -1;
    const cur = i >= 0 ? rows[i]! : null;
    const isDir = cur !== null && this.#files.get(cur)?.type === 'dir';
    switch (e.key) {
      case 'ArrowDown': i = Math.min(rows.length - 1, i + 1); break;
      case 'ArrowUp': i = Math.max(0, i - 1); break;
      case 'Home': i = 0; break;
      case 'End': i = rows.length - 1; break;
      case 'ArrowRight': if (cur && isDir && !this.#expanded.has(cur)) { this.#expanded.add(cur); } break;
      case 'ArrowLeft':
        if (cur && isDir && this.#expanded.has(cur)) this.#expanded.delete(cur);
        else if (cur && parentOf(cur) !== '/') i = rows.indexOf(parentOf(cur));
        break;
      case 'Enter': case ' ': if (cur) this.#activate(cur); e.preventDefault(); return;
      default: return;
    }
    e.preventDefault();
    this.#selected = rows[Math.max(0, i)] ?? null;
    this.render();
    this.#list.querySelector('.avm-selected')?.scrollIntoView({ block: 'nearest' });
  }

  dispose(): void {
    this.#files.unobserve(this.#onFiles);
    this.#open.unobserve(this.#onOpen);
  }
}
