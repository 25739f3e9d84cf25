// Test helper for the terminal-*.test.ts files: what a client sees after replaying output into a real
// @xterm/headless terminal through its public, asynchronous write() (independent of TerminalLog's sync path).
import xtermHeadless from '@xterm/headless';
import type * as Y from 'yjs';

const { Terminal } = xtermHeadless;

export interface Screen { lines: string[]; cursor: [number, number]; scrollback: string[] }

export async function screenOf(chunks: Iterable<string>, cols: number, rows: number, resizeTo?: [number, number]): Promise<Screen> {
  const term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true, logLevel: 'off' });
  try {
    for (const c of chunks) await new Promise<void>((res) => term.write(c, res));
    if (resizeTo) term.resize(resizeTo[0], resizeTo[1]);
    const buf = term.buffer.active;
    const line = (i: number) => buf.getLine(i)?.translateToString(true) ?? '';
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) lines.push(line(buf.baseY + y));
    const scrollback: string[] = [];
    for (let y = 0; y < buf.baseY; y++) scrollback.push(line(y));
    return { lines, cursor: [buf.cursorX, buf.cursorY], scrollback };
  } finally {
    term.dispose();
  }
}

export function chunksOf(doc: Y.Doc): string[] {
  return doc.getArray<string>('terminal').toArray();
}
