// ${x@E} (backslash escapes as in $'…') and ${x@P} (prompt escapes; the basic set, without the
// second parameter-expansion pass that PS1 gets with promptvars).

import type { Shell } from './contracts.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** Decodes $'…'-style escapes (bash's ansicstr), as ${x@E} does. */
export function expandEscapes(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const e = s[++i]!;
    const simple = SIMPLE[e];
    if (simple !== undefined) { out += simple; continue; }
    if (isOct(e)) {
      let j = i, v = 0;
      while (j < s.length && j < i + 3 && isOct(s[j])) v = v * 8 + (s.charCodeAt(j++) - 48);
      out += String.fromCharCode(v & 0xff);
      i = j - 1;
      continue;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let j = i + 1, v = 0;
      while (j < s.length && j < i + 1 + max && isHex(s[j])) v = v * 16 + parseInt(s[j++]!, 16);
      if (j === i + 1) { out += '\\' + e; continue; }
      out += e === 'x' ? String.fromCharCode(v) : v <= 0x10ffff ? String.fromCodePoint(v) : '';
      i = j - 1;
      continue;
    }
    if (e === 'c' && i + 1 < s.length) {
      const x = s[++i]!;
      out += String.fromCharCode(x === '?' ? 0x7f : x.toUpperCase().charCodeAt(0) & 0x1f);
      continue;
    }
    out += '\\' + e;
  }
  return out;
}

function userName(sh: Shell): string {
  const u = sh.vars.get('USER');
  if (u) return u;
  try {
    const text = new TextDecoder().decode(sh.proc.readFile('/etc/passwd'));
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f.length >= 3 && Number(f[2]) === sh.proc.uid) return f[0]!;
    }
  } catch {
    // no passwd file
  }
  return String(sh.proc.uid);
}

function tildeDir(sh: Shell, dir: string): string {
  const home = sh.vars.get('HOME');
  if (home && home !== '/' && (dir === home || dir.startsWith(home + '/'))) return '~' + dir.slice(home.length);
  return dir;
}

/** Prompt escapes (\u \h \H \w \W \$ \d \t \T \@ \A \s \v \V \j \n \nnn \[ \] …). */
export function expandPrompt(sh: Shell, s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  const now = new Date(sh.proc.kernel.now());
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const e = s[++i]!;
    switch (e) {
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      case '[': case ']': break;
      case 's': out += 'bash'; break;
      case 'v': out += '5.2'; break;
      case 'V': out += '5.2.15'; break;
      case 'u': out += userName(sh); break;
      case 'h': out += sh.proc.kernel.hostname.split('.')[0]; break;
      case 'H': out += sh.proc.kernel.hostname; break;
      case 'j': out += String(sh.jobs.length); break;
      case 'l': out += 'tty'; break;
      case '!': case '#': out += '1'; break;
      case '$': out += sh.proc.uid === 0 ? '#' : '$'; break;
      case 'w': out += tildeDir(sh, sh.vars.get('PWD') ?? sh.proc.cwd); break;
      case 'W': {
        const pwd = sh.vars.get('PWD') ?? sh.proc.cwd;
        const t = tildeDir(sh, pwd);
        out += t === '~' || pwd === '/' ? t : pwd.slice(pwd.lastIndexOf('/') + 1);
        break;
      }
      case 'd': out += `${DAYS[now.getDay()]} ${MONTHS[now.getMonth()]} ${pad2(now.getDate())}`; break;
      case 't': out += `${pad2(now.getHours())}:${pad2(now.getMinutes())}:${pad2(now.getSeconds())}`; break;
      case 'T': out += `${pad2(now.getHours() % 12 || 12)}:${pad2(now.getMinutes())}:${pad2(now.getSeconds())}`; break;
      case '@': out += `${pad2(now.getHours() % 12 || 12)}:${pad2(now.getMinutes())} ${now.getHours() < 12 ? 'AM' : 'PM'}`; break;
      case 'A': out += `${pad2(now.getHours())}:${pad2(now.getMinutes())}`; break;
      default:
        if (isOct(e)) {
          let j = i, v = 0;
          while (j < s.length && j < i + 3 && isOct(s[j])) v = v * 8 + (s.charCodeAt(j++) - 48);
          out += String.fromCharCode(v & 0xff);
          i = j - 1;
        } else {
          out += '\\' + e;
        }
    }
  }
  return out;
}
