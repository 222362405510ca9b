import { LogInputError } from './errors';
import { detach } from './strings';

/**
 * Reads the timestamp styles vendor logs use. A value that carries its own
 * offset is taken as is; one without is wall-clock time in `zone`.
 */
export function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new LogInputError('bad-timezone', `Unknown time zone "${zone}"; use an IANA name such as Asia/Tokyo or UTC.`);
  }
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT|JST)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*(Z|UTC|GMT|JST|[+-]\d{2}:?\d{2})?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|JST|[+-]\d{2}:?\d{2})?$/i;
const JA = /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日\s*(?:\([^)]*\)|（[^）]*）)?\s*(午前|午後)?\s*(\d{1,2})(?::|時)\s*(\d{1,2})(?:分)?(?:(?::|\s*)(\d{1,2})秒?)?\s*(JST|UTC)?$/;

export class TimeReader {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<string, number | undefined>();
  private readonly parts: Intl.DateTimeFormat;

  constructor(readonly zone: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Epoch milliseconds, or undefined when the text is not a time we know. */
  read(raw: string): number | undefined {
    const cached = this.cache.get(raw);
    if (cached !== undefined || this.cache.has(raw)) return cached;
    const value = this.parse(raw.trim());
    // Logs repeat the same minute many times; the cache is cleared rather than grown without bound.
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(detach(raw), value);
    return value;
  }

  private parse(text: string): number | undefined {
    let m = ISO.exec(text);
    if (m) return this.build(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), fraction(m[7]), m[8]);
    m = US.exec(text);
    if (m) {
      let month = +m[1];
      let day = +m[2];
      // en_US writes month first; a first number above 12 can only be a day (en_GB style).
      if (month > 12 && day <= 12) [month, day] = [day, month];
      const hour = twelveHour(+m[4], m[7]);
      if (hour === undefined) return undefined;
      return this.build(+m[3], month, day, hour, +m[5], +(m[6] ?? 0), 0, m[8]);
    }
    m = YMD_SLASH.exec(text);
    if (m) return this.build(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), 0, m[7]);
    m = JA.exec(text);
    if (m) {
      let hour = +m[5];
      if (m[4]) {
        if (hour > 12) return undefined;
        hour = (hour % 12) + (m[4] === '午後' ? 12 : 0);
      }
      return this.build(+m[1], +m[2], +m[3], hour, +m[6], +(m[7] ?? 0), 0, m[8]);
    }
    return undefined;
  }

  private build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: string | undefined): number | undefined {
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 60) return undefined;
    if (h === 24 && (mi > 0 || s > 0)) return undefined;
    const wall = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
    const fixed = fixedOffsetMinutes(zone);
    if (fixed !== undefined) return wall - fixed * 60_000;
    return this.fromWallClock(wall);
  }

  /** Converts wall-clock time in the zone to an instant; checked twice so DST edges land right. */
  private fromWallClock(wall: number): number {
    const first = wall - this.offsetAt(wall);
    const second = wall - this.offsetAt(first);
    return second;
  }

  /** The zone's UTC offset in ms at an instant; cached per hour because Intl is slow per call. */
  offsetAt(instant: number): number {
    const hour = Math.floor(instant / 3_600_000);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const at = hour * 3_600_000;
      const p: Record<string, number> = {};
      for (const part of this.parts.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  /** ISO 8601 in the reader's zone, with its offset, to the second. */
  format(instant: number): string {
    const offset = this.offsetAt(instant);
    const local = new Date(instant + offset).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset) / 60_000;
    return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

function twelveHour(hour: number, ampm: string | undefined): number | undefined {
  if (!ampm) return hour;
  if (hour < 1 || hour > 12) return undefined;
  const pm = ampm.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fixedOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  if (z === 'JST') return 540;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Finds a timestamp inside a line of free text (text copied out of a PDF). */
export const TIME_IN_TEXT =
  /\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|JST)(?![\w]))?|\d{1,2}\/\d{1,2}\/\d{4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?|\d{4}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?|\d{4}年\s*\d{1,2}月\s*\d{1,2}日\s*(?:午前|午後)?\s*\d{1,2}(?::|時)\s*\d{1,2}分?(?::\d{1,2})?/;
