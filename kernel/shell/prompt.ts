// Prompt strings (PS0-PS4): bash's backslash escapes (\u \h \w \W \$ \t \d \n \[ \] \nnn …), then,
// with `shopt promptvars`, parameter expansion, command substitution and arithmetic.

import type { Interp } from './interp.ts';
import { ShellError } from './contracts.ts';
import { KernelError } from '../errno.ts';
import { parsePromptWord } from './xtrace.ts';
import type { Word } from './ast.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** Text substituted for an escape is protected from the later expansion pass. */
function protect(s: string): string {
  return s.replace(/[\\$`]/g, '\\$&');
}

function tildeDir(sh: Interp, dir: string): string {
  const home = sh.vars.get('HOME');
  if (home && home !== '/' && (dir === home || dir.startsWith(home + '/'))) return '~' + dir.slice(home.length);
  return dir;
}

function strftimeLite(fmt: string, d: Date): string {
  return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'H': return pad(d.getHours());
      case 'M': return pad(d.getMinutes());
      case 'S': return pad(d.getSeconds());
      case 'I': return pad(d.getHours() % 12 || 12);
      case 'p': return d.getHours() < 12 ? 'AM' : 'PM';
      case 'd': return pad(d.getDate());
      case 'e': return String(d.getDate()).padStart(2);
      case 'm': return pad(d.getMonth() + 1);
      case 'y': return pad(d.getFullYear() % 100);
      case 'Y': return String(d.getFullYear());
      case 'a': return DAYS[d.getDay()]!;
      case 'b': return MONTHS[d.getMonth()]!;
      case 'j': {
        const start = new Date(d.getFullYear(), 0, 1);
        return String(Math.floor((d.getTime() - start.getTime()) / 86400000) + 1).padStart(3, '0');
      }
      case 'T': return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
      case 'R': return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
      case 'D': return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${pad(d.getFullYear() % 100)}`;
      case 'F': return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      case 's': return String(Math.floor(d.getTime() / 1000));
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

/** Decodes the backslash escapes of a prompt string (bash's decode_prompt_string). */
export function decodePromptEscapes(sh: Interp, ps: string, commandNumber = 1): string {
  let out = '';
  const now = new Date(sh.proc.kernel.now());
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\') { out += c; continue; }
    const e = ps[++i];
    if (e === undefined) { out += '\\'; break; }
    switch (e) {
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\\\'; break;
      case '[': case ']': break;
      case 'u': out += protect(sh.vars.get('USER') ?? (sh.proc.uid === 0 ? 'root' : 'user')); break;
      case 'h': out += protect(sh.proc.kernel.hostname.split('.')[0]!); break;
      case 'H': out += protect(sh.proc.kernel.hostname); break;
      case 'w': {
        let dir = tildeDir(sh, sh.vars.get('PWD') ?? sh.proc.cwd);
        const trim = Number(sh.vars.get('PROMPT_DIRTRIM') ?? 0);
        if (trim > 0) {
          const parts = dir.split('/');
          const lead = dir.startsWith('~') ? 1 : 0;
          if (parts.length - lead - 1 > trim) dir = (lead ? '~/.../' : '.../') + parts.slice(-trim).join('/');
        }
        out += protect(dir);
        break;
      }
      case 'W': {
        const dir = sh.vars.get('PWD') ?? sh.proc.cwd;
        const home = sh.vars.get('HOME');
        out += protect(dir === home ? '~' : dir === '/' ? '/' : dir.slice(dir.lastIndexOf('/') + 1));
        break;
      }
      case '$': out += sh.proc.uid === 0 ? '#' : '\\$'; break;
      case 's': {
        const n = sh.scriptName;
        out += protect(n.slice(n.lastIndexOf('/') + 1));
        break;
      }
      case 'v': out += '5.2'; break;
      case 'V': out += '5.2.15'; break;
      case 't': out += `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`; break;
      case 'T': out += `${pad(now.getHours() % 12 || 12)}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`; break;
      case '@': out += `${pad(now.getHours() % 12 || 12)}:${pad(now.getMinutes())} ${now.getHours() < 12 ? 'AM' : 'PM'}`; break;
      case 'A': out += `${pad(now.getHours())}:${pad(now.getMinutes())}`; break;
      case 'd': out += `${DAYS[now.getDay()]} ${MONTHS[now.getMonth()]} ${pad(now.getDate())}`; break;
      case 'D': {
        const end = ps.indexOf('}', i + 2);
        if (ps[i + 1] === '{' && end > 0) {
          const fmt = ps.slice(i + 2, end) || '%X';
          out += protect(strftimeLite(fmt === '%X' ? '%T' : fmt, now));
          i = end;
        } else out += '\\D';
        break;
      }
      case 'j': out += String(sh.jobs.length); break;
      case 'l': {
        let name = 'tty';
        try { name = sh.proc.file(0).path.split('/').pop() || 'tty'; } catch (err) { if (!(err instanceof KernelError)) throw err; }
        out += protect(name);
        break;
      }
      case '!': case '#': out += String(commandNumber); break;
      default:
        if (e >= '0' && e <= '7') {
          let oct = e;
          while (oct.length < 3 && ps[i + 1] !== undefined && ps[i + 1]! >= '0' && ps[i + 1]! <= '7') oct += ps[++i];
          out += String.fromCharCode(parseInt(oct, 8) & 255);
        } else out += '\\' + e;
    }
  }
  return out;
}

const cache = new Map<string, Word | null>();

/** A prompt variable fully expanded, ready to print. */
export async function expandPrompt(sh: Interp, name: string, commandNumber = 1): Promise<string> {
  const raw = sh.vars.get(name);
  if (raw === undefined || raw === '') return '';
  const decoded = decodePromptEscapes(sh, raw, commandNumber);
  if (!sh.shoptOptions.has('promptvars') || !/[$`\\]/.test(decoded)) return decoded.replace(/\\(.)/g, '$1');
  let word = cache.get(decoded);
  if (word === undefined) {
    word = parsePromptWord(decoded);
    if (cache.size > 32) cache.clear();
    cache.set(decoded, word);
  }
  if (!word) return decoded;
  try {
    return await sh.expandWord(word);
  } catch (e) {
    if (e instanceof ShellError) return decoded;
    throw e;
  }
}
