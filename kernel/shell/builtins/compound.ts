// Compound array values given to declaration builtins as strings: `declare -a x='(1 "2 3")'`
// and the marked form the interpreter passes for unquoted `declare a=(…)` words.

/** One element of `( … )`: `[key]=value` (key set) or a plain value. */
export interface CompoundElement { key: string | null; value: string; append?: boolean }

/**
 * Marks an argument as an already-expanded array assignment word (`name=(…)`, `name+=(…)`).
 * The interpreter builds it for declare/typeset/local/export/readonly words whose
 * `word.assignment.array` is set: keys and values expanded (values of plain elements after
 * splitting and globbing, one entry per field).
 */
export const ARRAY_MARK = '\u0000';

/** Builds the marked argument for `name=(elements)` / `name+=(elements)`. */
export function arrayAssignmentArg(name: string, elements: CompoundElement[], append = false): string {
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const body = elements.map(e => (e.key !== null ? `[${q(e.key)}]${e.append ? '+=' : '='}` : '') + q(e.value)).join(' ');
  return `${ARRAY_MARK}${name}${append ? '+=' : '='}(${body})`;
}

/**
 * Splits the inside of `( … )` into elements with quote removal ('…', "…", $'…', \x). No
 * parameter or command expansion is performed on string-valued compound assignments.
 */
export function parseCompound(text: string): CompoundElement[] {
  const out: CompoundElement[] = [];
  let i = 0;
  const n = text.length;
  const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\n';
  while (i < n) {
    while (i < n && isBlank(text[i])) i++;
    if (i >= n) break;
    // one word, remembering where the first unquoted `]=` / `]+=` ends a leading [key]
    let word = '';
    let key: string | null = null;
    let append = false;
    let sawKey = text[i] === '[';
    let quotedAny = false;
    let keyStartLen = 0;
    if (sawKey) {
      // a subscript may contain blanks: `[a b]=v` is one word when `]=` follows the bracket
      let depth = 0, j = i;
      for (; j < n; j++) {
        if (text[j] === '[') depth++;
        else if (text[j] === ']' && --depth === 0) break;
      }
      if (j < n && (text[j + 1] === '=' || (text[j + 1] === '+' && text[j + 2] === '='))) {
        key = unquote(text.slice(i + 1, j));
        append = text[j + 1] === '+';
        i = j + (append ? 3 : 2);
        sawKey = false;
        if (i >= n || isBlank(text[i])) { out.push({ key, value: '', append }); continue; }
      } else { i++; keyStartLen = 0; }
    }
    while (i < n && !isBlank(text[i])) {
      const c = text[i];
      if (sawKey && key === null && c === ']' && (text[i + 1] === '=' || (text[i + 1] === '+' && text[i + 2] === '='))) {
        key = word.slice(keyStartLen);
        word = '';
        append = text[i + 1] === '+';
        i += append ? 3 : 2;
        continue;
      }
      if (c === '\\') {
        if (i + 1 < n) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else i++;
        continue;
      }
      if (c === "'") {
        const end = text.indexOf("'", i + 1);
        word += text.slice(i + 1, end < 0 ? n : end);
        i = end < 0 ? n : end + 1;
        quotedAny = true;
        continue;
      }
      if (c === '$' && text[i + 1] === "'") {
        const r = ansiC(text, i + 2);
        word += r.value;
        i = r.end;
        quotedAny = true;
        continue;
      }
      if (c === '"') {
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1])) {
            if (text[i + 1] !== '\n') word += text[i + 1];
            i += 2;
          } else word += text[i++];
        }
        i++;
        quotedAny = true;
        continue;
      }
      word += c;
      i++;
    }
    if (sawKey && key === null) word = '[' + word;
    void quotedAny;
    out.push({ key, value: word, append });
  }
  return out;
}

/** Quote removal for a subscript (blanks are kept). */
function unquote(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) { out += s[i + 1]; i += 2; continue; }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      out += s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
      continue;
    }
    if (c === '$' && s[i + 1] === "'") {
      const r = ansiC(s, i + 2);
      out += r.value;
      i = r.end;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && '$`"\\\n'.includes(s[i + 1])) { out += s[i + 1]; i += 2; }
        else out += s[i++];
      }
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Decodes $'…' starting after the opening quote; returns the value and the index after the closing quote. */
function ansiC(s: string, i: number): { value: string; end: number } {
  let v = '';
  const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  while (i < s.length && s[i] !== "'") {
    if (s[i] === '\\' && i + 1 < s.length) {
      const c = s[i + 1];
      if (map[c] !== undefined) { v += map[c]; i += 2; continue; }
      if (c >= '0' && c <= '7') {
        let j = i + 1, num = 0;
        while (j < s.length && j < i + 4 && s[j] >= '0' && s[j] <= '7') num = num * 8 + (s.charCodeAt(j++) - 48);
        v += String.fromCharCode(num & 0xff);
        i = j;
        continue;
      }
      if (c === 'x') {
        let j = i + 2, num = 0;
        while (j < s.length && j < i + 4 && /[0-9a-fA-F]/.test(s[j])) num = num * 16 + parseInt(s[j++], 16);
        if (j === i + 2) { v += '\\x'; i += 2; continue; }
        v += String.fromCharCode(num);
        i = j;
        continue;
      }
      if (c === 'u' || c === 'U') {
        let j = i + 2, num = 0;
        const max = c === 'u' ? 4 : 8;
        while (j < s.length && j < i + 2 + max && /[0-9a-fA-F]/.test(s[j])) num = num * 16 + parseInt(s[j++], 16);
        if (j === i + 2) { v += '\\' + c; i += 2; continue; }
        v += String.fromCodePoint(Math.min(num, 0x10ffff));
        i = j;
        continue;
      }
      if (c === 'c' && i + 2 < s.length) { v += String.fromCharCode(s.charCodeAt(i + 2) & 0x1f); i += 3; continue; }
      v += '\\' + c;
      i += 2;
      continue;
    }
    v += s[i++];
  }
  return { value: v, end: i + 1 };
}
