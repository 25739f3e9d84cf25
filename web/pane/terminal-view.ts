// The pane's terminal: an xterm.js view of the session's PTY. It replays doc.getArray('terminal')
// (output chunks, see actors/terminal.ts) and keeps appending; a new epoch (compaction or resize
// on the server) resets and replays the snapshot. The view always has the PTY's size
// (terminalMeta cols/rows), so every participant sees the same screen; the driver's view proposes
// its own fitted size to the server, which resizes the PTY for everyone.

import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type * as Y from 'yjs';
import { h } from './dom.ts';

export interface TerminalViewOptions {
  doc: Y.Doc;
  /** Called with what the user typed; return false when it was not sent (the view says why). */
  onInput: (data: string) => void;
  /** Called with the size that fits the view (only used while this participant drives). */
  onFit: (cols: number, rows: number) => void;
}

const DARK: ITheme = { background: '#101418', foreground: '#d8dee6', cursor: '#f0c674', selectionBackground: '#3a4a5c' };
const LIGHT: ITheme = { background: '#fbfbfa', foreground: '#1e2329', cursor: '#2f6fde', selectionBackground: '#c9d8f0' };

export class TerminalView {
  readonly el: HTMLElement;
  readonly term: Terminal;
  readonly #fit = new FitAddon();
  readonly #arr: Y.Array<string>;
  readonly #meta: Y.Map<unknown>;
  readonly #opts: TerminalViewOptions;
  #epoch: unknown = undefined;
  #rendered = 0;
  #cols = 0;
  #rows = 0;
  #fitTimer: ReturnType<typeof setTimeout> | null = null;
  #driving = false;
  readonly #resizeObserver: ResizeObserver;
  readonly #onDoc = () => this.#sync();

  constructor(opts: TerminalViewOptions) {
    this.#opts = opts;
    this.#arr = opts.doc.getArray<string>('terminal');
    this.#meta = opts.doc.getMap('terminalMeta');
    this.el = h('div', { class: 'avm-term', 'data-avm': 'terminal' });
    this.term = new Terminal({
      fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
      fontSize: 14,
      scrollback: 5000,
      cursorBlink: false,
      allowProposedApi: false,
      theme: DARK,
    });
    this.term.loadAddon(this.#fit);
    this.term.onData((d) => opts.onInput(d));
    this.term.onBinary((d) => opts.onInput(d));
    this.#resizeObserver = new ResizeObserver(() => this.#proposeFit());
    opts.doc.on('afterTransaction', this.#onDoc);
  }

  /** Attaches xterm to the DOM (call once the element is in the document). */
  mount(): void {
    this.term.open(this.el);
    this.#resizeObserver.observe(this.el);
    this.#sync();
  }

  setTheme(dark: boolean): void { this.term.options.theme = dark ? DARK : LIGHT; }

  setFontSize(px: number): void {
    if (this.term.options.fontSize === px) return;
    this.term.options.fontSize = px;
    this.#proposeFit();
  }

  /** While driving, this view's fitted size becomes the PTY's size. */
  setDriving(driving: boolean): void {
    this.#driving = driving;
    this.term.options.cursorBlink = driving;
    if (driving) this.#proposeFit();
  }

  focus(): void { this.term.focus(); }

  /** The visible text of the terminal's buffer (scrollback included), lines joined by \n, trailing blanks trimmed. */
  text(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  #sync(): void {
    const epoch = this.#meta.get('epoch');
    const cols = Number(this.#meta.get('cols')) || 80;
    const rows = Number(this.#meta.get('rows')) || 24;
    const reset = epoch !== this.#epoch || cols !== this.#cols || rows !== this.#rows || this.#arr.length < this.#rendered;
    if (reset) {
      this.#epoch = epoch;
      if (cols !== this.#cols || rows !== this.#rows) {
        this.#cols = cols; this.#rows = rows;
        this.term.resize(cols, rows);
      }
      this.term.reset();
      this.#rendered = 0;
    }
    const n = this.#arr.length;
    if (n > this.#rendered) {
      this.term.write(this.#arr.slice(this.#rendered, n).join(''));
      this.#rendered = n;
    }
  }

  #proposeFit(): void {
    if (!this.#driving || !this.el.isConnected) return;
    if (this.#fitTimer) clearTimeout(this.#fitTimer);
    this.#fitTimer = setTimeout(() => {
      this.#fitTimer = null;
      const d = this.#fit.proposeDimensions();
      if (!d || !Number.isFinite(d.cols) || !Number.isFinite(d.rows)) return;
      const cols = Math.max(20, Math.min(500, d.cols));
      const rows = Math.max(5, Math.min(200, d.rows));
      if (cols !== this.#cols || rows !== this.#rows) this.#opts.onFit(cols, rows);
    }, 120);
  }

  dispose(): void {
    this.#opts.doc.off('afterTransaction', this.#onDoc);
    this.#resizeObserver.disconnect();
    if (this.#fitTimer) clearTimeout(this.#fitTimer);
    this.term.dispose();
  }
}
