/**
 * IP analysis of a vendor's login log: pure functions, no editor dependency.
 *
 *   const result = analyzeLog(bytes, { networks, timezone, lang });
 *   const md = toMarkdown(await lookupOwners(result, { baseUrl }), lang);
 */
export { analyzeLog, DEFAULT_MAX_BYTES, DEFAULT_MAX_SPEED_KMH } from './analyze';
export { LogInputError, type LogInputErrorCode } from './errors';
export { toMarkdown } from './markdown';
export { toJson, JSON_SCHEMA_VERSION } from './json';
export { lookupOwners, rdapBaseFor, DEFAULT_RDAP_TIMEOUT_MS, type RdapOptions } from './rdap';
export { parseIp } from './ipAddress';
export { parseCidr } from './cidr';
export { findPlace, haversineKm } from './gazetteer';
export type { AnalysisResult, AnalyzeOptions, IpSummary, Lang, OwnerInfo, SwitchRecord, UnreadRow } from './types';

/** Reads `networks:` from case data without trusting its shape. */
export function networksFromCase(data: Record<string, unknown> | undefined): { cidr: string; label: string }[] {
  const list = data?.networks;
  if (!Array.isArray(list)) return [];
  return list
    .filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null)
    .map((n) => ({ cidr: String(n.cidr ?? ''), label: String(n.label ?? n.cidr ?? '') }));
}

/** `log.timezone` from case data, when it is a string. */
export function timezoneFromCase(data: Record<string, unknown> | undefined): string | undefined {
  const log = data?.log;
  if (typeof log !== 'object' || log === null) return undefined;
  const tz = (log as Record<string, unknown>).timezone;
  return typeof tz === 'string' && tz.trim() ? tz.trim() : undefined;
}

/** `lang` from case data, when it is one we write. */
export function langFromCase(data: Record<string, unknown> | undefined): 'ja' | 'en' | undefined {
  const lang = data?.lang;
  return lang === 'ja' || lang === 'en' ? lang : undefined;
}
