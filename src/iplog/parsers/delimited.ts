import { LogInputError } from '../errors';
import type { RawEvent } from '../types';
import { DelimitedReader, splitLine } from './csvReader';
import { ACCEPTED_IP_HEADERS, ACCEPTED_TIME_HEADERS, mapColumns, saysUtc, type ColumnMap, type Field } from './headerNames';
import { readAuditData } from './m365AuditData';

export interface DelimitedPlan {
  kind: 'delimited';
  delimiter: string;
  headerLine: number;
  headers: string[];
  columns: ColumnMap;
  utcTime: boolean;
  family: string;
}

const DELIMITERS = [',', '\t', ';'];
const HEADER_SEARCH_LINES = 20;

/** Looks for a header row (a line naming an address column) among the first lines. */
export function findHeader(head: string): DelimitedPlan | undefined {
  const lines = head.split(/\r\n|\n|\r/, HEADER_SEARCH_LINES + 1).slice(0, HEADER_SEARCH_LINES);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    for (const delimiter of bestDelimiters(line)) {
      const headers = splitLine(line, delimiter).map((h) => h.trim());
      if (headers.length < 2) continue;
      const columns = mapColumns(headers);
      if (columns.ip === undefined && columns.auditData === undefined) continue;
      const timeHeader = columns.time === undefined ? '' : headers[columns.time];
      return {
        kind: 'delimited',
        delimiter,
        headerLine: i + 1,
        headers,
        columns,
        utcTime: saysUtc(timeHeader),
        family: familyOf(headers, columns),
      };
    }
  }
  return undefined;
}

function bestDelimiters(line: string): string[] {
  return DELIMITERS.map((d) => [d, line.split(d).length] as const)
    .filter(([, n]) => n > 1)
    .sort((a, b) => b[1] - a[1])
    .map(([d]) => d);
}

function familyOf(headers: string[], columns: ColumnMap): string {
  const set = new Set(headers.map((h) => h.toLowerCase()));
  if (columns.auditData !== undefined) return 'Microsoft 365 unified audit log (CSV)';
  if (set.has('login time') && set.has('source ip')) return 'Salesforce Login History (CSV)';
  if (set.has('date (utc)') || set.has('sign-in error code') || set.has('user principal name')) return 'Microsoft Entra ID sign-ins (CSV)';
  if (set.has('event name') && set.has('ip address')) return 'Google Workspace login audit (CSV)';
  return 'delimited text with a header';
}

export function describeMissingTime(plan: DelimitedPlan): LogInputError {
  return new LogInputError(
    'no-time-column',
    `No time column found. Columns seen: ${plan.headers.slice(0, 15).join(', ')}. Name the time column e.g. ${ACCEPTED_TIME_HEADERS.map((h) => `"${h}"`).join(', ')}.`,
    `line ${plan.headerLine}`,
  );
}

export function describeMissingIp(): string {
  return `Name the address column e.g. ${ACCEPTED_IP_HEADERS.map((h) => `"${h}"`).join(', ')}`;
}

/** Streams records after the header into raw events; unreadable rows go to `onUnread`. */
export function readDelimited(
  plan: DelimitedPlan,
  chunks: Iterable<string>,
  onEvent: (e: RawEvent) => void,
  onUnread: (line: number, reason: string, sample: string) => void,
): void {
  const { columns } = plan;
  if (columns.time === undefined && columns.auditData === undefined) throw describeMissingTime(plan);
  const wanted: boolean[] = [];
  for (const idx of Object.values(columns)) if (idx !== undefined) wanted[idx] = true;
  for (let i = 0; i < wanted.length; i++) wanted[i] = wanted[i] === true;
  const needed = Math.max(columns.ip ?? -1, columns.time ?? -1, columns.auditData ?? -1);
  const timeZone = plan.utcTime ? 'UTC' : undefined;
  const get = (fields: readonly string[], f: Field): string | undefined => {
    const i = columns[f];
    if (i === undefined || i >= fields.length) return undefined;
    const v = fields[i].trim();
    return v === '' ? undefined : v;
  };
  const num = (fields: readonly string[], f: Field): number | undefined => {
    const v = get(fields, f);
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const reader = new DelimitedReader(plan.delimiter.charCodeAt(0), wanted, (fields, line, problem, raw) => {
    if (line <= plan.headerLine) return;
    if (problem) return onUnread(line, problem, raw());
    if (fields.length <= needed) {
      return onUnread(line, `has ${fields.length} field(s), the header has ${plan.headers.length}`, raw());
    }
    const event: RawEvent = {
      line,
      time: get(fields, 'time'),
      timeZone,
      ip: get(fields, 'ip'),
      user: get(fields, 'user'),
      status: get(fields, 'status'),
      browser: get(fields, 'browser'),
      platform: get(fields, 'platform'),
      userAgent: get(fields, 'userAgent'),
      location: get(fields, 'location') ?? joinPlace(get(fields, 'city'), get(fields, 'state'), get(fields, 'country')),
      lat: num(fields, 'lat'),
      lon: num(fields, 'lon'),
    };
    if (columns.errorCode !== undefined) {
      const code = get(fields, 'errorCode');
      if (code !== undefined && code !== '0') event.status = `error ${code}`;
    }
    const audit = get(fields, 'auditData');
    if (audit !== undefined) {
      const problemText = readAuditData(audit, event);
      if (problemText) return onUnread(line, problemText, raw());
    }
    onEvent(event);
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
}

export function joinPlace(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length ? kept.join(', ') : undefined;
}
