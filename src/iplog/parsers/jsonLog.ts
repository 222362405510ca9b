import { LogInputError } from '../errors';
import type { RawEvent } from '../types';
import { fromEntra, isEntraSignIn } from './entraJson';
import { fromGenericJson } from './genericJson';
import { isObject, type JsonObject } from './jsonValues';
import { fromOkta, isOktaEvent } from './oktaJson';
import { jsonErrorOffset } from './jsonErrorPosition';

export interface JsonPlan {
  kind: 'json';
  family: string;
}

/** Reads a JSON array, an object wrapping one (Graph's `value`), or one JSON object per line. */
export function readJsonLog(
  whole: string,
  onEvent: (e: RawEvent) => void,
  onUnread: (line: number, reason: string, sample: string) => void,
): string {
  const { records, lines } = recordsOf(whole);
  if (records.length === 0) throw new LogInputError('no-address', 'The JSON holds no log records (expected an array of sign-in or event objects).');
  const first = records.find(isObject);
  const family = !first
    ? 'JSON'
    : isEntraSignIn(first)
      ? 'Microsoft Entra ID sign-ins (JSON)'
      : isOktaEvent(first)
        ? 'Okta System Log (JSON)'
        : 'AuditData' in first
          ? 'Microsoft 365 unified audit log (JSON)'
          : 'JSON records';
  records.forEach((r, i) => {
    const line = lines ? lines[i] : i + 1;
    if (!isObject(r)) return onUnread(line, 'not a JSON object', JSON.stringify(r)?.slice(0, 200) ?? String(r));
    const event = pick(r, line);
    if (typeof event === 'string') return onUnread(line, event, JSON.stringify(r).slice(0, 200));
    onEvent(event);
  });
  return family;
}

function pick(r: JsonObject, line: number): RawEvent | string {
  if (isEntraSignIn(r)) return fromEntra(r, line);
  if (isOktaEvent(r)) return fromOkta(r, line);
  return fromGenericJson(r, line);
}

/** Records plus, for line-per-record input, the line each came from; array input numbers records from 1. */
function recordsOf(whole: string): { records: unknown[]; lines?: number[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(whole);
  } catch (e) {
    const lined = jsonLines(whole);
    if (lined) return lined;
    const reason = (e as Error).message.replace(/\.$/, '');
    throw new LogInputError('bad-json', `The log looks like JSON but cannot be read (${reason}).`, positionOf(whole));
  }
  if (Array.isArray(parsed)) return { records: parsed };
  if (isObject(parsed)) {
    for (const key of ['value', 'data', 'events', 'records', 'items', 'logs', 'Records']) {
      const v = parsed[key];
      if (Array.isArray(v)) return { records: v };
    }
    return { records: [parsed] };
  }
  throw new LogInputError('bad-json', 'The JSON is a single value, not a list of log records.');
}

function jsonLines(whole: string): { records: unknown[]; lines: number[] } | undefined {
  const records: unknown[] = [];
  const lines: number[] = [];
  const all = whole.split(/\r?\n/);
  for (let i = 0; i < all.length; i++) {
    const t = all[i].trim();
    if (!t) continue;
    if (!t.startsWith('{')) return undefined;
    try {
      records.push(JSON.parse(t));
      lines.push(i + 1);
    } catch {
      return undefined;
    }
  }
  return records.length > 1 ? { records, lines } : undefined;
}

/** Line and column of the first invalid character. */
function positionOf(text: string): string | undefined {
  const pos = jsonErrorOffset(text);
  if (pos < 0) return undefined;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
