import { LogInputError } from './errors';
import { parseIPv4, parseIPv6, type IpAddress } from './ipAddress';

export interface Cidr {
  version: 4 | 6;
  base: bigint;
  prefix: number;
  text: string;
}

export function parseCidr(text: string): Cidr | undefined {
  const m = /^\s*([^/\s]+)\/(\d{1,3})\s*$/.exec(text);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  if (m[1].includes(':')) {
    const v6 = parseIPv6(m[1]);
    if (v6 === undefined || prefix > 128) return undefined;
    return { version: 6, base: v6 & maskOf(128, prefix), prefix, text: text.trim() };
  }
  const v4 = parseIPv4(m[1]);
  if (v4 === undefined || prefix > 32) return undefined;
  return { version: 4, base: BigInt(v4) & maskOf(32, prefix), prefix, text: text.trim() };
}

function maskOf(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.version !== ip.version) return false;
  const bits = cidr.version === 4 ? 32 : 128;
  return (ip.value & maskOf(bits, cidr.prefix)) === cidr.base;
}

export interface DeclaredNetwork {
  cidr: Cidr;
  label: string;
}

/** Case `networks:` entries; a bad CIDR is the user's typo, so it is named. */
export function parseNetworks(list: readonly { cidr: string; label: string }[]): DeclaredNetwork[] {
  return list.map((n, i) => {
    const cidr = parseCidr(String(n.cidr ?? ''));
    if (!cidr) {
      throw new LogInputError('bad-network', `"${String(n.cidr)}" is not a CIDR block such as 203.0.113.0/26 or 2001:db8::/48.`, `networks[${i}]`);
    }
    return { cidr, label: String(n.label ?? cidr.text) };
  });
}

/** The most specific declared network holding the address. */
export function findNetwork(networks: readonly DeclaredNetwork[], ip: IpAddress): DeclaredNetwork | undefined {
  let best: DeclaredNetwork | undefined;
  for (const n of networks) {
    if (cidrContains(n.cidr, ip) && (!best || n.cidr.prefix > best.cidr.prefix)) best = n;
  }
  return best;
}
