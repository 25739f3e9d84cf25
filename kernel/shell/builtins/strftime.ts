// strftime(3) in the C locale, for printf's %(fmt)T. Time zones: UTC by default, POSIX
// offsets like "EST5" / "UTC-3", and IANA names (through Intl) when TZ names one.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

interface Zone { offsetSec: number; abbr: string }

/** Offset (seconds east of UTC) and abbreviation of tz at the given instant. */
export function zoneAt(tz: string | undefined, ms: number): Zone {
  if (!tz) return { offsetSec: 0, abbr: 'UTC' };
  const spec = tz.startsWith(':') ? tz.slice(1) : tz;
  const posix = /^([A-Za-z]{3,})([-+]?)(\d{1,2})(?::(\d{2}))?$/.exec(spec);
  if (posix) {
    const sign = posix[2] === '-' ? 1 : -1; // POSIX offsets are west-positive
    return { offsetSec: sign * (Number(posix[3]) * 3600 + Number(posix[4] ?? 0) * 60), abbr: posix[1] };
  }
  if (/^(UTC|GMT|UCT|Zulu|Universal)0?$/.test(spec)) return { offsetSec: 0, abbr: spec.replace(/0$/, '') === 'Zulu' ? 'UTC' : spec.replace(/0$/, '') };
  try {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: spec, timeZoneName: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
    });
    const parts = f.formatToParts(new Date(ms));
    const get = (t: string): number => Number(parts.find(p => p.type === t)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    const offsetSec = Math.round((local - Math.floor(ms / 1000) * 1000) / 1000);
    let abbr = parts.find(p => p.type === 'timeZoneName')?.value ?? spec;
    if (/^GMT[+-]/.test(abbr)) {
      const a = Math.abs(offsetSec);
      abbr = (offsetSec < 0 ? '-' : '+') + String(Math.floor(a / 3600)).padStart(2, '0') + (a % 3600 ? String(Math.floor(a % 3600 / 60)).padStart(2, '0') : '');
    } else if (abbr === 'GMT' && spec !== 'GMT' && !spec.includes('London')) abbr = 'UTC';
    return { offsetSec, abbr };
  } catch {
    return { offsetSec: 0, abbr: spec.replace(/[^A-Za-z].*$/, '') || 'UTC' };
  }
}

function isoWeek(y: number, yday: number, wday: number): { year: number; week: number } {
  // ISO 8601 week number and week-based year, as glibc computes them
  const isLeap = (yr: number): boolean => (yr % 4 === 0 && yr % 100 !== 0) || yr % 400 === 0;
  const mondayBased = (wday + 6) % 7;
  let week = Math.floor((yday - mondayBased + 10) / 7);
  let year = y;
  if (week < 1) {
    year = y - 1;
    const prevDays = isLeap(year) ? 366 : 365;
    week = Math.floor((yday + prevDays - mondayBased + 10) / 7);
  } else {
    const days = isLeap(y) ? 366 : 365;
    if (yday - mondayBased + 3 >= days) { week = 1; year = y + 1; }
  }
  return { year, week };
}

/** Formats seconds since the epoch with a strftime format. */
export function strftime(fmt: string, epochSec: number, tz: string | undefined): string {
  const zone = zoneAt(tz, epochSec * 1000);
  const d = new Date((epochSec + zone.offsetSec) * 1000);
  const Y = d.getUTCFullYear(), mo = d.getUTCMonth(), day = d.getUTCDate();
  const H = d.getUTCHours(), M = d.getUTCMinutes(), S = d.getUTCSeconds(), wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86400000);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) { out += c; continue; }
    let j = i + 1;
    let flag = '';
    while ('-_0^#'.includes(fmt[j]) && j < fmt.length) flag += fmt[j++];
    let width = '';
    while (fmt[j] >= '0' && fmt[j] <= '9') width += fmt[j++];
    while (fmt[j] === 'E' || fmt[j] === 'O') j++;
    const conv = fmt[j];
    if (conv === undefined) { out += fmt.slice(i); break; }
    const start = i;
    i = j;
    const num = (v: number, w: number, pad = '0'): string => {
      const p = flag.includes('-') ? '' : flag.includes('_') ? ' ' : flag.includes('0') ? '0' : pad;
      const ww = width ? Number(width) : w;
      const s = String(Math.abs(v));
      return (v < 0 ? '-' : '') + (p ? s.padStart(ww - (v < 0 ? 1 : 0), p) : s);
    };
    const txt = (s: string): string => {
      if (flag.includes('^')) s = s.toUpperCase();
      else if (flag.includes('#')) s = s === s.toUpperCase() ? s.toLowerCase() : s.toUpperCase();
      return width ? s.padStart(Number(width), flag.includes('0') ? '0' : ' ') : s;
    };
    const h12 = H % 12 === 0 ? 12 : H % 12;
    switch (conv) {
      case 'a': out += txt(DAYS[wd].slice(0, 3)); break;
      case 'A': out += txt(DAYS[wd]); break;
      case 'b': case 'h': out += txt(MONTHS[mo].slice(0, 3)); break;
      case 'B': out += txt(MONTHS[mo]); break;
      case 'c': out += txt(strftime('%a %b %e %H:%M:%S %Y', epochSec, tz)); break;
      case 'C': out += num(Math.floor(Y / 100), 2); break;
      case 'd': out += num(day, 2); break;
      case 'D': out += txt(strftime('%m/%d/%y', epochSec, tz)); break;
      case 'e': out += num(day, 2, ' '); break;
      case 'F': out += txt(strftime('%Y-%m-%d', epochSec, tz)); break;
      case 'g': out += num(isoWeek(Y, yday, wd).year % 100, 2); break;
      case 'G': out += num(isoWeek(Y, yday, wd).year, 1); break;
      case 'H': out += num(H, 2); break;
      case 'I': out += num(h12, 2); break;
      case 'j': out += num(yday + 1, 3); break;
      case 'k': out += num(H, 2, ' '); break;
      case 'l': out += num(h12, 2, ' '); break;
      case 'm': out += num(mo + 1, 2); break;
      case 'M': out += num(M, 2); break;
      case 'n': out += '\n'; break;
      case 'p': out += txt(H < 12 ? 'AM' : 'PM'); break;
      case 'P': out += txt(H < 12 ? 'am' : 'pm'); break;
      case 'r': out += txt(strftime('%I:%M:%S %p', epochSec, tz)); break;
      case 'R': out += txt(strftime('%H:%M', epochSec, tz)); break;
      case 's': out += num(epochSec, 1); break;
      case 'S': out += num(S, 2); break;
      case 't': out += '\t'; break;
      case 'T': out += txt(strftime('%H:%M:%S', epochSec, tz)); break;
      case 'u': out += num(wd === 0 ? 7 : wd, 1); break;
      case 'U': out += num(Math.floor((yday + 7 - wd) / 7), 2); break;
      case 'V': out += num(isoWeek(Y, yday, wd).week, 2); break;
      case 'w': out += num(wd, 1); break;
      case 'W': out += num(Math.floor((yday + 7 - ((wd + 6) % 7)) / 7), 2); break;
      case 'x': out += txt(strftime('%m/%d/%y', epochSec, tz)); break;
      case 'X': out += txt(strftime('%H:%M:%S', epochSec, tz)); break;
      case 'y': out += num(Y % 100, 2); break;
      case 'Y': out += num(Y, 1); break;
      case 'z': {
        const a = Math.abs(zone.offsetSec);
        out += (zone.offsetSec < 0 ? '-' : '+') + String(Math.floor(a / 3600)).padStart(2, '0') + String(Math.floor(a % 3600 / 60)).padStart(2, '0');
        break;
      }
      case 'Z': out += txt(zone.abbr); break;
      case '%': out += '%'; break;
      default: out += fmt.slice(start, j + 1); break;
    }
  }
  return out;
}
