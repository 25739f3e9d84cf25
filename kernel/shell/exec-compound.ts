// Compound commands run in the current shell: { }, if, while/until, for, for ((;;)), case,
// select, function definitions, (( )) and [[ ]]. Loops honor break/continue n; conditions run
// with set -e ignored.

import type { ArithCommand, ArithFor, Case, Command, CondCommand, For, If, Script, Select, While, Word } from './ast.ts';
import { ShellError } from './contracts.ts';
import type { Interp } from './interp.ts';
import { BreakLoop, ContinueLoop, ExitShell } from './control.ts';
import { withRedirects, debugTrap } from './exec-simple.ts';
import { evalCond, CondError } from './cond.ts';
import { xtraceLine, xtraceQuote, isUtf8 } from './xtrace.ts';
import { expandPattern } from './expand.ts';
import { matchPattern } from './pattern.ts';
import { readLine } from './readline.ts';

export async function execCompound(sh: Interp, cmd: Command): Promise<number> {
  switch (cmd.type) {
    case 'Group': return withRedirects(sh, cmd.redirects, () => sh.run(cmd.body));
    case 'If': return withRedirects(sh, cmd.redirects, () => execIf(sh, cmd));
    case 'While': return withRedirects(sh, cmd.redirects, () => execWhile(sh, cmd));
    case 'For': return withRedirects(sh, cmd.redirects, () => execFor(sh, cmd));
    case 'ArithFor': return withRedirects(sh, cmd.redirects, () => execArithFor(sh, cmd));
    case 'Case': return withRedirects(sh, cmd.redirects, () => execCase(sh, cmd));
    case 'Select': return withRedirects(sh, cmd.redirects, () => execSelect(sh, cmd));
    case 'ArithCommand': return withRedirects(sh, cmd.redirects, () => execArith(sh, cmd));
    case 'Cond': return withRedirects(sh, cmd.redirects, () => execCondCommand(sh, cmd));
    case 'FunctionDef': {
      sh.lineno = cmd.line;
      // bash's check_identifier: a quoted name or one with `$` never names a function; in POSIX
      // mode the name must be an identifier, and a script stops with status 2
      const posix = sh.setOptions.has('posix');
      if (/[$'"\\`]/.test(cmd.name) || (posix && !isIdentifier(cmd.name))) {
        await sh.error(`\`${cmd.name}': not a valid identifier`);
        if (posix && !sh.interactive) throw new ExitShell(2);
        return 1;
      }
      sh.functions.set(cmd.name, cmd);
      sh.functionSources.set(cmd, sh.definitionSource());
      return 0;
    }
    default:
      throw new Error(`execCompound: unexpected ${cmd.type}`);
  }
}

const isIdentifier = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

/** Runs a condition list with set -e ignored. */
async function cond(sh: Interp, s: Script): Promise<number> {
  sh.errexitIgnore++;
  try {
    return await sh.run(s);
  } finally {
    sh.errexitIgnore--;
  }
}

async function execIf(sh: Interp, cmd: If): Promise<number> {
  for (const c of cmd.clauses) {
    if ((await cond(sh, c.cond)) === 0) return sh.run(c.body);
  }
  if (cmd.elseBody) return sh.run(cmd.elseBody);
  return 0;
}

/**
 * Runs a loop body; returns 'break' / 'continue' when a break/continue for this loop arrived
 * (outer levels are rethrown with n - 1).
 */
async function body(sh: Interp, s: Script): Promise<number | 'break' | 'continue'> {
  try {
    return await sh.run(s);
  } catch (e) {
    if (e instanceof BreakLoop) {
      if (e.n > 1) { e.n--; throw e; }
      return 'break';
    }
    if (e instanceof ContinueLoop) {
      if (e.n > 1) { e.n--; throw e; }
      return 'continue';
    }
    throw e;
  }
}

async function execWhile(sh: Interp, cmd: While): Promise<number> {
  let st = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      const c = await cond(sh, cmd.cond);
      if ((c === 0) === cmd.until) break;
      const r = await body(sh, cmd.body);
      if (r === 'break') { st = 0; break; }
      st = r === 'continue' ? 0 : r;
    }
  } finally {
    sh.loopDepth--;
  }
  return st;
}

async function execFor(sh: Interp, cmd: For): Promise<number> {
  sh.lineno = cmd.line;
  // bash checks the name before expanding the list; a POSIX script stops with status 2
  if (!isIdentifier(cmd.name)) {
    await sh.error(`\`${cmd.name}': not a valid identifier`);
    if (!sh.interactive && sh.setOptions.has('posix')) throw new ExitShell(2);
    return 1;
  }
  let items: string[];
  try {
    items = cmd.words === null ? sh.positional.slice() : await sh.expandWords(cmd.words);
  } catch (e) {
    return sh.expansionFailed(e);
  }
  const nameref = sh.vars.lookup(cmd.name, { raw: true })?.attrs.nameref === true;
  let st = 0;
  sh.loopDepth++;
  try {
    for (const v of items) {
      if (sh.traps.size !== 0) await debugTrap(sh);
      if (sh.setOptions.has('xtrace')) {
        const utf8 = isUtf8(sh);
        await xtraceLine(sh, `for ${cmd.name} in ${items.map((w) => xtraceQuote(w, utf8)).join(' ')}`);
      }
      try {
        // a nameref control variable is pointed at each word in turn
        if (nameref) sh.vars.declare(cmd.name, { nameref: true }, { value: v });
        else sh.vars.set(cmd.name, v);
      } catch (e) {
        return await sh.expansionFailed(e);
      }
      const r = await body(sh, cmd.body);
      if (r === 'break') { st = 0; break; }
      st = r === 'continue' ? 0 : r;
    }
  } finally {
    sh.loopDepth--;
  }
  return st;
}

/** Evaluates `(( text ))`-style arithmetic; errors print "((: msg" and give status 1 (null value). */
async function arithPart(sh: Interp, w: Word | null, line: number): Promise<bigint | null> {
  if (w === null) return 1n;
  let text: string;
  try {
    text = await sh.expandWord(w);
  } catch (e) {
    await sh.expansionFailed(e);
    return null;
  }
  if (sh.setOptions.has('xtrace')) await xtraceLine(sh, `(( ${text} ))`);
  try {
    return sh.arith(text);
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    sh.lineno = line;
    await sh.error(`((: ${e.message}`);
    return null;
  }
}

async function execArithFor(sh: Interp, cmd: ArithFor): Promise<number> {
  sh.lineno = cmd.line;
  let st = 0;
  if ((await arithPart(sh, cmd.init, cmd.line)) === null) return 1;
  sh.loopDepth++;
  try {
    for (;;) {
      const c = await arithPart(sh, cmd.cond, cmd.line);
      if (c === null) return 1;
      if (c === 0n) break;
      const r = await body(sh, cmd.body);
      if (r === 'break') { st = 0; break; }
      st = r === 'continue' ? 0 : r;
      if ((await arithPart(sh, cmd.step, cmd.line)) === null) return 1;
    }
  } finally {
    sh.loopDepth--;
  }
  return st;
}

async function execArith(sh: Interp, cmd: ArithCommand): Promise<number> {
  sh.lineno = cmd.line;
  if (sh.traps.size !== 0) await debugTrap(sh);
  let st: number;
  try {
    const text = await sh.expandWord(cmd.expr);
    if (sh.setOptions.has('xtrace')) await xtraceLine(sh, `(( ${text} ))`);
    try {
      st = sh.arith(text) !== 0n ? 0 : 1;
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
      await sh.error(`((: ${e.message}`);
      st = 1;
    }
  } catch (e) {
    st = await sh.expansionFailed(e);
  }
  sh.pipeStatus = [st];
  if (st !== 0) await sh.failed(st);
  return st;
}

async function execCondCommand(sh: Interp, cmd: CondCommand): Promise<number> {
  sh.lineno = cmd.line;
  if (sh.traps.size !== 0) await debugTrap(sh);
  let st: number;
  try {
    st = (await evalCond(sh, cmd.expr)) ? 0 : 1;
  } catch (e) {
    if (e instanceof CondError) {
      if (e.message) await sh.error(e.message);
      st = e.status;
    } else st = await sh.expansionFailed(e);
  }
  sh.pipeStatus = [st];
  if (st !== 0) await sh.failed(st);
  return st;
}

async function execCase(sh: Interp, cmd: Case): Promise<number> {
  sh.lineno = cmd.line;
  if (sh.traps.size !== 0) await debugTrap(sh);
  let word: string;
  try {
    word = await sh.expandWord(cmd.word);
  } catch (e) {
    return sh.expansionFailed(e);
  }
  if (sh.setOptions.has('xtrace')) await xtraceLine(sh, `case ${xtraceQuote(word, isUtf8(sh))} in`);
  const opts = { extglob: sh.shoptOptions.has('extglob'), nocase: sh.shoptOptions.has('nocasematch') };
  let st = 0;
  let fallthrough = false;
  for (let i = 0; i < cmd.items.length; i++) {
    const item = cmd.items[i]!;
    let hit = fallthrough;
    if (!hit) {
      for (const p of item.patterns) {
        if (matchPattern(await expandPattern(sh, p), word, opts)) { hit = true; break; }
      }
    }
    if (!hit) continue;
    st = await sh.run(item.body);
    if (item.terminator === ';;') return st;
    fallthrough = item.terminator === ';&';
  }
  return st;
}

/** The numbered menu of select, laid out in columns as bash's print_select_list (tabs of 8). */
export function selectMenu(items: string[], columns: number): string {
  const n = items.length;
  const numLen = (k: number): number => String(k).length;
  let longest = 0;
  for (const it of items) longest = Math.max(longest, [...it].length);
  const indicesLen = numLen(n);
  const maxLen = longest + indicesLen + 2 + 2;
  let cols = Math.floor(columns / maxLen) || 1;
  let rows = Math.floor(n / cols) + (n % cols ? 1 : 0);
  cols = Math.floor(n / rows) + (n % rows ? 1 : 0);
  if (rows === 1) { rows = cols; cols = 1; }
  const firstLen = numLen(rows);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let ind = row;
    let pos = 0;
    for (;;) {
      const w = pos === 0 ? firstLen : indicesLen;
      out += `${String(ind + 1).padStart(w)}) ${items[ind]}`;
      const elemLen = [...items[ind]!].length + w + 2;
      ind += rows;
      if (ind >= n) break;
      // bash's indent(): tabs while a tab stop fits, then spaces
      let from = pos + elemLen;
      const to = pos + maxLen;
      while (from < to) {
        if (Math.floor(to / 8) > Math.floor(from / 8)) { out += '\t'; from += 8 - (from % 8); } else { out += ' '; from++; }
      }
      pos += maxLen;
    }
    out += '\n';
  }
  return out;
}

async function execSelect(sh: Interp, cmd: Select): Promise<number> {
  sh.lineno = cmd.line;
  if (!isIdentifier(cmd.name)) {
    await sh.error(`\`${cmd.name}': not a valid identifier`);
    return 1;
  }
  let items: string[];
  try {
    items = cmd.words === null ? sh.positional.slice() : await sh.expandWords(cmd.words);
  } catch (e) {
    return sh.expansionFailed(e);
  }
  if (items.length === 0) return 0;
  let st = 0;
  let showMenu = true;
  sh.loopDepth++;
  try {
    for (;;) {
      if (showMenu) {
        const cols = Number(sh.vars.get('COLUMNS')) || 80;
        await sh.writeErr(selectMenu(items, cols));
      }
      await sh.writeErr(sh.vars.get('PS3') ?? '#? ');
      const line = await readLine(sh, 0);
      if (line === null) {
        await sh.write(1, '\n');
        st = 1;
        break;
      }
      const reply = line.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      sh.vars.set('REPLY', line);
      if (reply === '') { showMenu = true; continue; }
      showMenu = false;
      const k = /^\d+$/.test(reply) ? Number(reply) : 0;
      sh.vars.set(cmd.name, k >= 1 && k <= items.length ? items[k - 1]! : '');
      const r = await body(sh, cmd.body);
      if (r === 'break') { st = 0; break; }
      st = r === 'continue' ? 0 : r;
    }
  } finally {
    sh.loopDepth--;
  }
  return st;
}
