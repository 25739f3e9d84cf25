// `set -x` output: PS4 (first character repeated per indirection level), then the words quoted
// the way bash's xtrace_print_word_list quotes them.

import type { Interp } from './interp.ts';
import type { Word } from './ast.ts';
import { Parser } from './parser.ts';
import { KernelError } from '../errno.ts';
import { ShellError, ShellSyntaxError } from './contracts.ts';
import { ansicQuote, hasShellMetas, isPrintable, singleQuote } from './quote.ts';

export { hasShellMetas, ansicQuote, singleQuote };

/** One word as xtrace prints it. */
export function xtraceQuote(s: string, utf8: boolean): string {
  if (s === '') return "''";
  if (hasShellMetas(s)) return singleQuote(s);
  for (const ch of s) if (!isPrintable(ch, utf8)) return ansicQuote(s, utf8);
  return s;
}

export function isUtf8(sh: Interp): boolean {
  const loc = sh.vars.get('LC_ALL') || sh.vars.get('LC_CTYPE') || sh.vars.get('LANG') || '';
  return /utf-?8/i.test(loc);
}

const ps4Cache = new Map<string, Word | null>();

/** PS4 expanded, with its first character repeated per indirection level. */
async function ps4(sh: Interp): Promise<string> {
  const raw = sh.vars.get('PS4') ?? '';
  let text = raw;
  if (/[$`\\]/.test(raw)) {
    let word = ps4Cache.get(raw);
    if (word === undefined) {
      word = parsePromptWord(raw);
      if (ps4Cache.size > 16) ps4Cache.clear();
      ps4Cache.set(raw, word);
    }
    if (word) {
      const savedX = sh.setOptions.has('xtrace');
      sh.setOptions.delete('xtrace');
      try { text = await sh.expandWord(word); } catch (e) { if (!(e instanceof ShellError)) throw e; } finally {
        if (savedX) sh.setOptions.add('xtrace');
      }
    }
  }
  if (text === '') return '';
  return text[0]!.repeat(sh.xtraceLevel) + text.slice(1);
}

/** Parses prompt text as the body of a double-quoted word (expansions, no splitting). */
export function parsePromptWord(raw: string): Word | null {
  try {
    const items = new Parser(`: "${raw.replace(/(["])/g, '\\$1')}"`, {}).next();
    const cmd = items?.[0]?.command;
    if (cmd && cmd.type === 'Simple' && cmd.words.length === 2) return cmd.words[1]!;
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
  }
  return null;
}

/** Writes one xtrace line: PS4 + text + newline, to stderr (or BASH_XTRACEFD). */
export async function xtraceLine(sh: Interp, text: string): Promise<void> {
  const line = (await ps4(sh)) + text + '\n';
  let fd = 2;
  const xfd = sh.vars.get('BASH_XTRACEFD');
  if (xfd && /^\d+$/.test(xfd)) fd = Number(xfd);
  try {
    await sh.proc.write(fd, line);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
}

/** `+ cmd 'arg 1' arg2` */
export async function xtraceWords(sh: Interp, words: string[]): Promise<void> {
  const utf8 = isUtf8(sh);
  await xtraceLine(sh, words.map((w) => xtraceQuote(w, utf8)).join(' '));
}
