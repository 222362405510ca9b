import type { RawEvent } from '../types';

/**
 * The M365 unified audit log keeps the interesting fields inside a JSON
 * column; values there win over the outer CSV columns, which are coarser.
 * Returns a problem text when the JSON cannot be read.
 */
export function readAuditData(json: string, event: RawEvent): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return 'the AuditData column is not valid JSON';
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'the AuditData column is not a JSON object';
  const d = data as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  event.ip = str(d.ClientIP) ?? str(d.ActorIpAddress) ?? str(d.ClientIPAddress) ?? event.ip;
  const created = str(d.CreationTime);
  if (created) {
    event.time = created;
    // AuditData times are UTC even when they carry no zone designator.
    event.timeZone = 'UTC';
  }
  event.user = str(d.UserId) ?? event.user;
  event.status = str(d.ResultStatus) ?? event.status;
  const ua = extended(d, 'UserAgent');
  if (ua) event.userAgent = ua;
  return undefined;
}

function extended(d: Record<string, unknown>, name: string): string | undefined {
  const list = d.ExtendedProperties;
  if (!Array.isArray(list)) return undefined;
  for (const item of list) {
    if (item && typeof item === 'object' && (item as Record<string, unknown>).Name === name) {
      const v = (item as Record<string, unknown>).Value;
      if (typeof v === 'string') return v;
    }
  }
  return undefined;
}
