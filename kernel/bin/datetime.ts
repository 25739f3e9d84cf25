// Dates for touch -d, ls and stat: a parser for the common forms GNU parse_datetime accepts, and
// a strftime subset. The VM has no time zone database: local time is UTC.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const UNITS: Record<string, number> = {
  sec: 1000, second: 1000, min: 60000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000,
  fortnight: 1209600000, month: -1, year: -12,
};

function unitOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  return UNITS[w];
}

/** A time as ms since the epoch plus the nanoseconds within that millisecond. */
export interface Timespec {
  ms: number;
  /** sub-millisecond nanoseconds (0..999999) */
  ns: number;
}

/**
 * Parses a date string (touch -d, date -d forms): "@SECONDS[.frac]", ISO 8601 dates and times
 * with optional zone, "Mon DD [YYYY]", "DD Mon YYYY", MM/DD/YYYY, now/today/yesterday/tomorrow,
 * relative items like "2 hours ago", "+3 days", "next week". Returns null when not understood.
 */
export function parseDate(input: string, nowMs: number): Timespec | null {
  let s = input.trim().toLowerCase();
  const at = /^@([+-]?\d+)(?:[.,](\d+))?$/.exec(s);
  if (at) {
    const frac = (at[2] ?? '').padEnd(9, '0').slice(0, 9);
    const sign = at[1]!.startsWith('-') ? -1 : 1;
    const ns = Number(frac);
    const ms = Number(at[1]) * 1000 + sign * Math.floor(ns / 1e6);
    return { ms, ns: ns % 1e6 };
  }
  const now = new Date(nowMs);
  let y = now.getUTCFullYear();
  let mo = now.getUTCMonth();
  let d = now.getUTCDate();
  let hh = now.getUTCHours();
  let mi = now.getUTCMinutes();
  let ss = now.getUTCSeconds();
  let frac = (nowMs % 1000) * 1e6;
  let haveDate = false;
  let haveTime = false;
  let zoneMin: number | null = null;
  let relMs = 0;
  let relMonths = 0;
  const setTime = (h: number, m: number, sec: number, f: string | undefined): boolean => {
    if (h > 24 || m > 59 || sec > 60) return false;
    hh = h;
    mi = m;
    ss = sec;
    frac = Number((f ?? '').padEnd(9, '0').slice(0, 9));
    haveTime = true;
    return true;
  };
  while (s.length) {
    s = s.replace(/^[\s,]+/, '');
    if (!s) break;
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:t|(?=\s|$))/.exec(s)) || (m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s))) {
      y = Number(m[1]);
      mo = Number(m[2]) - 1;
      d = Number(m[3]);
      haveDate = true;
    } else if ((m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?/.exec(s))) {
      mo = Number(m[1]) - 1;
      d = Number(m[2]);
      if (m[3]) y = m[3].length === 2 ? 1900 + Number(m[3]) + (Number(m[3]) < 69 ? 100 : 0) : Number(m[3]);
      haveDate = true;
    } else if ((m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(am|pm|a\.m\.|p\.m\.)?/.exec(s))) {
      let h = Number(m[1]);
      if (m[5]) {
        if (h > 12 || h === 0) return null;
        if (m[5].startsWith('p') && h !== 12) h += 12;
        if (m[5].startsWith('a') && h === 12) h = 0;
      }
      if (!setTime(h, Number(m[2]), Number(m[3] ?? '0'), m[4])) return null;
    } else if ((m = /^(z|utc|gmt|ut)\b/.exec(s))) {
      zoneMin = 0;
    } else if (haveTime && (m = /^([+-])(\d{2}):?(\d{2})\b/.exec(s))) {
      zoneMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    } else if ((m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:\s*,?\s*(\d{4})\b)?/.exec(s)) && MONTHS.includes(m[1]!)) {
      mo = MONTHS.indexOf(m[1]!);
      d = Number(m[2]);
      if (m[3]) y = Number(m[3]);
      haveDate = true;
    } else if ((m = /^(\d{1,2})\s*-?\s*([a-z]{3})[a-z]*\.?(?:\s*-?\s*(\d{4}))?/.exec(s)) && MONTHS.includes(m[2]!)) {
      d = Number(m[1]);
      mo = MONTHS.indexOf(m[2]!);
      if (m[3]) y = Number(m[3]);
      haveDate = true;
    } else if ((m = /^(now|today)\b/.exec(s))) {
      /* the current time */
    } else if ((m = /^yesterday\b/.exec(s))) {
      relMs -= 86400000;
    } else if ((m = /^tomorrow\b/.exec(s))) {
      relMs += 86400000;
    } else if ((m = /^(next|last|this)\s+([a-z]+)/.exec(s)) && unitOf(m[2]!) !== undefined) {
      const n = m[1] === 'next' ? 1 : m[1] === 'last' ? -1 : 0;
      const u = unitOf(m[2]!)!;
      if (u < 0) relMonths += n * -u;
      else relMs += n * u;
    } else if ((m = /^([+-]?\s*\d+)?\s*([a-z]+)(\s+ago\b)?/.exec(s)) && unitOf(m[2]!) !== undefined) {
      let n = m[1] ? Number(m[1].replace(/\s/g, '')) : 1;
      if (m[3]) n = -n;
      const u = unitOf(m[2]!)!;
      if (u < 0) relMonths += n * -u;
      else relMs += n * u;
    } else if ((m = /^(\d{4})\b/.exec(s)) && haveDate) {
      y = Number(m[1]);
    } else if ((m = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?/.exec(s))) {
      /* day names are accepted and ignored */
    } else return null;
    s = s.slice(m[0].length);
  }
  if (haveDate && !haveTime) {
    hh = mi = ss = 0;
    frac = 0;
  }
  if (mo < 0 || mo > 11 || d < 1 || d > 31) return null;
  let ms = Date.UTC(y, mo + relMonths, d, hh, mi, ss);
  if (Number.isNaN(ms)) return null;
  if (zoneMin !== null) ms -= zoneMin * 60000;
  ms += relMs + Math.floor(frac / 1e6);
  return { ms, ns: frac % 1e6 };
}

/** touch -t [[CC]YY]MMDDhhmm[.ss] */
export function parseStamp(s: string, nowMs: number): number | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return null;
  const digits = m[1]!;
  let y = new Date(nowMs).getUTCFullYear();
  let rest = digits;
  if (digits.length === 12) {
    y = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    y = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  }
  const mo = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  const h = Number(rest.slice(4, 6));
  const mi = Number(rest.slice(6, 8));
  const sec = Number(m[2] ?? '0');
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

function pad(n: number, w: number, c = '0'): string {
  return String(n).padStart(w, c);
}

/** strftime for UTC: %Y %m %d %e %H %M %S %b %a %y %j %s %z %Z %N (ns from `ns`) %F %T %%. */
export function strftime(fmt: string, ms: number, ns = 0): string {
  const t = new Date(Math.floor(ms));
  const subNs = (((ms % 1000) + 1000) % 1000) * 1e6 + ns;
  return fmt.replace(/%([%YmdeHMSbhaAByjszZNFTDRlpIkC])/g, (_m, c: string) => {
    switch (c) {
      case '%': return '%';
      case 'Y': return String(t.getUTCFullYear());
      case 'C': return pad(Math.floor(t.getUTCFullYear() / 100), 2);
      case 'y': return pad(t.getUTCFullYear() % 100, 2);
      case 'm': return pad(t.getUTCMonth() + 1, 2);
      case 'd': return pad(t.getUTCDate(), 2);
      case 'e': return pad(t.getUTCDate(), 2, ' ');
      case 'H': return pad(t.getUTCHours(), 2);
      case 'k': return pad(t.getUTCHours(), 2, ' ');
      case 'I': return pad(((t.getUTCHours() + 11) % 12) + 1, 2);
      case 'l': return pad(((t.getUTCHours() + 11) % 12) + 1, 2, ' ');
      case 'p': return t.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'M': return pad(t.getUTCMinutes(), 2);
      case 'S': return pad(t.getUTCSeconds(), 2);
      case 'b': case 'h': return MONTH_NAMES[t.getUTCMonth()]!;
      case 'B': return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][t.getUTCMonth()]!;
      case 'a': return DAY_NAMES[t.getUTCDay()]!;
      case 'A': return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][t.getUTCDay()]!;
      case 'j': return pad(Math.floor((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86400000) + 1, 3);
      case 's': return String(Math.floor(ms / 1000));
      case 'z': return '+0000';
      case 'Z': return 'UTC';
      case 'N': return pad(Math.floor(subNs), 9);
      case 'F': return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
      case 'T': return `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`;
      case 'D': return `${pad(t.getUTCMonth() + 1, 2)}/${pad(t.getUTCDate(), 2)}/${pad(t.getUTCFullYear() % 100, 2)}`;
      case 'R': return `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}`;
    }
    return _m;
  });
}
