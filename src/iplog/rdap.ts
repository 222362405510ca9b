import bootstrap from './rdap-bootstrap.json';
import { parseCidr, cidrContains, type Cidr } from './cidr';
import { parseIp } from './ipAddress';
import { isNotRoutable } from './specialRanges';
import { mainExplanation } from './switches';
import type { AnalysisResult, IpSummary, OwnerInfo } from './types';

export interface RdapOptions {
  /** Ask this server for every address instead of the registry the bootstrap names (tests, mirrors). */
  baseUrl?: string;
  timeoutMs?: number;
  concurrency?: number;
  /** Shared between calls so the same address is asked once per session. */
  cache?: Map<string, OwnerInfo>;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_RDAP_TIMEOUT_MS = 5000;
const DEFAULT_CONCURRENCY = 4;
const FALLBACK_BASE = 'https://rdap.arin.net/registry/';
const sessionCache = new Map<string, OwnerInfo>();

type Service = [string[], string[]];
const TABLE: { cidr: Cidr; base: string }[] = [];
for (const registry of [bootstrap.ipv4, bootstrap.ipv6]) {
  for (const [blocks, urls] of registry.services as Service[]) {
    const base = urls.find((u) => u.startsWith('https://')) ?? urls[0];
    for (const block of blocks) {
      const cidr = parseCidr(block);
      if (cidr) TABLE.push({ cidr, base });
    }
  }
}

/** The registry's RDAP base URL for an address, from the bundled IANA bootstrap. */
export function rdapBaseFor(ipText: string): string {
  const ip = parseIp(ipText);
  if (!ip) return FALLBACK_BASE;
  let best: { cidr: Cidr; base: string } | undefined;
  for (const entry of TABLE) if (cidrContains(entry.cidr, ip) && (!best || entry.cidr.prefix > best.cidr.prefix)) best = entry;
  return best?.base ?? FALLBACK_BASE;
}

/**
 * Adds the registered owner of each address. A lookup that fails marks only
 * that address (with the reason) and never stops the others.
 */
export async function lookupOwners(result: AnalysisResult, opts: RdapOptions = {}): Promise<AnalysisResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_RDAP_TIMEOUT_MS;
  const cache = opts.cache ?? sessionCache;
  const doFetch = opts.fetchImpl ?? fetch;
  const ips: IpSummary[] = result.ips.map((ip) => ({ ...ip }));
  // Without an override, documentation or private space has no registry to ask.
  const todo = ips.filter((ip) => opts.baseUrl || !isNotRoutable(ip.range ?? undefined));
  for (const ip of ips) if (!todo.includes(ip)) ip.ownerError = 'special-purpose address, no registry holds it';
  let next = 0;
  let done = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const ip = todo[next++];
      const base = withSlash(opts.baseUrl || rdapBaseFor(ip.ip));
      const key = `${base}${ip.ip}`;
      try {
        let owner = cache.get(key);
        if (!owner) {
          owner = await fetchOwner(doFetch, base, ip.ip, timeoutMs, opts.signal);
          cache.set(key, owner);
        }
        ip.owner = owner;
        delete ip.ownerError;
      } catch (e) {
        failed++;
        ip.ownerError = (e as Error).message;
      }
      opts.onProgress?.(++done, todo.length);
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, todo.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const source = opts.baseUrl ? withSlash(opts.baseUrl) : 'IANA bootstrap → RIR RDAP services';
  return { ...result, ips, switches: sameOwnerExplained(result, ips), rdap: { looked: todo.length, failed, source } };
}

/** Switches whose two ends share a registered network gain that explanation. */
function sameOwnerExplained(result: AnalysisResult, ips: IpSummary[]): AnalysisResult['switches'] {
  const owners = new Map(ips.map((ip) => [ip.ip, ip.owner ? ownerKey(ip.owner) : undefined]));
  return result.switches.map((s) => {
    const a = owners.get(s.from);
    const b = owners.get(s.to);
    if (!a || a !== b || s.reasons.includes('same-owner')) return s;
    const reasons = [...s.reasons, 'same-owner' as const];
    return { ...s, reasons, explanation: mainExplanation(reasons) };
  });
}

function ownerKey(o: OwnerInfo): string | undefined {
  return o.handle ?? o.organisation ?? o.name;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

async function fetchOwner(doFetch: typeof fetch, base: string, ip: string, timeoutMs: number, outer?: AbortSignal): Promise<OwnerInfo> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onOuter = (): void => controller.abort();
  outer?.addEventListener('abort', onOuter);
  try {
    const url = `${base}ip/${encodeURIComponent(ip)}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: 'application/rdap+json, application/json' }, signal: controller.signal, redirect: 'follow' });
    } catch (e) {
      if (controller.signal.aborted) throw new Error(outer?.aborted ? 'cancelled' : `no answer within ${timeoutMs} ms`);
      throw new Error(`cannot reach ${new URL(base).host}: ${(e as Error).message}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(response.status === 404 ? 'not found in the registry (HTTP 404)' : `HTTP ${response.status} from ${new URL(base).host}`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new Error(controller.signal.aborted ? `no answer within ${timeoutMs} ms` : 'the answer broke off');
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error('malformed RDAP answer (not JSON)');
    }
    return readOwner(data, response.url || url);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Picks the few fields a reader needs out of an RDAP "ip network" object. */
export function readOwner(data: unknown, source: string): OwnerInfo {
  if (!isObj(data)) throw new Error('malformed RDAP answer (not an object)');
  if (data.objectClassName !== undefined && data.objectClassName !== 'ip network') throw new Error(`unexpected RDAP object "${String(data.objectClassName)}"`);
  const start = str(data.startAddress);
  const end = str(data.endAddress);
  const cidrs = Array.isArray(data.cidr0_cidrs)
    ? data.cidr0_cidrs
        .filter(isObj)
        .map((c) => `${str(c.v4prefix) ?? str(c.v6prefix) ?? ''}/${String(c.length ?? '')}`)
        .filter((c) => !c.startsWith('/'))
    : [];
  return {
    name: str(data.name),
    handle: str(data.handle),
    range: start && end ? `${start} – ${end}` : undefined,
    cidr: cidrs.length ? cidrs.join(', ') : undefined,
    country: str(data.country),
    organisation: organisationOf(data.entities),
    source,
  };
}

/** The registrant's (else the first named entity's) vCard "fn", searching nested entities too. */
function organisationOf(entities: unknown): string | undefined {
  if (!Array.isArray(entities)) return undefined;
  const all: Json[] = [];
  const walk = (list: unknown[]): void => {
    for (const e of list) {
      if (!isObj(e)) continue;
      all.push(e);
      if (Array.isArray(e.entities)) walk(e.entities);
    }
  };
  walk(entities);
  const registrant = all.find((e) => Array.isArray(e.roles) && e.roles.includes('registrant') && fnOf(e));
  return fnOf(registrant ?? all.find((e) => fnOf(e)));
}

function fnOf(entity: Json | undefined): string | undefined {
  if (!entity || !Array.isArray(entity.vcardArray)) return undefined;
  const props = entity.vcardArray[1];
  if (!Array.isArray(props)) return undefined;
  for (const p of props) if (Array.isArray(p) && p[0] === 'fn') return str(p[3]);
  return undefined;
}
