import type { RawEvent } from '../types';
import { joinPlace } from './delimited';
import { fieldOf, type Field } from './headerNames';
import { readAuditData } from './m365AuditData';
import { isObject, type JsonObject } from './jsonValues';

/**
 * Any other flat JSON record: keys are matched like CSV headers, and an
 * `AuditData` member (M365 JSON export) is read like the CSV column.
 */
export function fromGenericJson(r: JsonObject, line: number): RawEvent | string {
  const event: RawEvent = { line };
  const seen: Partial<Record<Field, string>> = {};
  for (const [key, value] of Object.entries(r)) {
    const field = fieldOf(key);
    if (field === undefined || seen[field] !== undefined) continue;
    if (field === 'auditData') {
      const json = typeof value === 'string' ? value : isObject(value) ? JSON.stringify(value) : undefined;
      if (json !== undefined) seen.auditData = json;
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number') seen[field] = String(value).trim();
  }
  event.time = seen.time;
  event.ip = seen.ip;
  event.user = seen.user;
  event.status = seen.errorCode !== undefined && seen.errorCode !== '0' ? `error ${seen.errorCode}` : seen.status;
  event.browser = seen.browser;
  event.platform = seen.platform;
  event.userAgent = seen.userAgent;
  event.location = seen.location ?? joinPlace(seen.city, seen.state, seen.country);
  if (seen.lat !== undefined && seen.lon !== undefined && seen.lat !== '' && seen.lon !== '') {
    event.lat = Number(seen.lat);
    event.lon = Number(seen.lon);
  }
  if (seen.auditData !== undefined) {
    const problem = readAuditData(seen.auditData, event);
    if (problem) return problem;
  }
  return event;
}
