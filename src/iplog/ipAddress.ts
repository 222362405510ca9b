/**
 * IP address parsing and normalisation. IPv4 is kept as an unsigned 32-bit
 * number, IPv6 as a 128-bit bigint; the text form is the canonical key.
 */
export interface IpAddress {
  version: 4 | 6;
  /** Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as ::). */
  text: string;
  value: bigint;
}

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || !/^\d+$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export function parseIPv6(input: string): bigint | undefined {
  let text = input;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (text.length < 2 || text.length > 45) return undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) > lastColon) {
    // An embedded IPv4 tail (::ffff:192.0.2.1) becomes the two 16-bit groups it stands for.
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const words = [...head];
  const given = head.length + rest.length;
  if (halves.length === 2) {
    if (given > 7) return undefined;
    for (let i = given; i < 8; i++) words.push(0);
  } else if (given !== 8) return undefined;
  words.push(...rest);
  let value = 0n;
  for (const w of words) value = (value << 16n) | BigInt(w);
  return value;
}

function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const g of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out.push(parseInt(g, 16));
  }
  return out;
}

export function formatIPv6(value: bigint): string {
  const words: number[] = [];
  for (let i = 7; i >= 0; i--) words.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const V4_MAPPED = 0xffff00000000n;

/**
 * Reads one address as logs write it: with or without a port
 * (`203.0.113.5:443`, `[2001:db8::1]:443`), IPv4-mapped IPv6 folded to IPv4.
 */
export function parseIp(raw: string): IpAddress | undefined {
  let text = raw.trim();
  if (text.length === 0 || text.length > 60) return undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return undefined;
    const after = text.slice(close + 1);
    if (after !== '' && !(after.startsWith(':') && validPort(after.slice(1)))) return undefined;
    text = text.slice(1, close);
  } else if (text.indexOf(':') === text.lastIndexOf(':') && text.includes('.')) {
    const m = /^([\d.]+):(\d{1,5})$/.exec(text);
    if (m) {
      if (!validPort(m[2])) return undefined;
      text = m[1];
    }
  }
  if (!text.includes(':')) {
    const v4 = parseIPv4(text);
    return v4 === undefined ? undefined : { version: 4, text: formatIPv4(v4), value: BigInt(v4) };
  }
  const v6 = parseIPv6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === V4_MAPPED >> 32n) {
    const v4 = Number(v6 & 0xffffffffn);
    return { version: 4, text: formatIPv4(v4), value: BigInt(v4) };
  }
  return { version: 6, text: formatIPv6(v6), value: v6 };
}

function validPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) <= 65535;
}

/** Candidates for an address inside free text; each is confirmed with parseIp. */
export const IP_IN_TEXT = /\[[0-9A-Fa-f:.]+\](?::\d{1,5})?|(?<![\w.:])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![\w.])|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;
