import { cidrContains, parseCidr, type Cidr } from './cidr';
import type { IpAddress } from './ipAddress';

/** Kinds of IANA special-purpose blocks that matter when reading a login log. */
export type RangeCode =
  | 'this-network'
  | 'private'
  | 'shared'
  | 'loopback'
  | 'link-local'
  | 'protocol-assignments'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'reserved'
  | 'broadcast'
  | 'unspecified'
  | 'ipv4-mapped'
  | 'translation'
  | 'discard'
  | 'teredo'
  | '6to4'
  | 'orchid'
  | 'unique-local';

const TABLE: [string, RangeCode][] = [
  ['0.0.0.0/8', 'this-network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'protocol-assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'ipv4-mapped'],
  ['64:ff9b::/96', 'translation'],
  ['64:ff9b:1::/48', 'translation'],
  ['100::/64', 'discard'],
  ['2001::/32', 'teredo'],
  ['2001:2::/48', 'benchmarking'],
  ['2001:10::/28', 'orchid'],
  ['2001:20::/28', 'orchid'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['2002::/16', '6to4'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
];

const RANGES: { cidr: Cidr; code: RangeCode }[] = TABLE.map(([text, code]) => ({ cidr: parseCidr(text) as Cidr, code }));

/** First match wins, so more specific blocks come before the ones that contain them. */
export function specialRange(ip: IpAddress): { code: RangeCode; cidr: string } | undefined {
  for (const r of RANGES) if (cidrContains(r.cidr, ip)) return { code: r.code, cidr: r.cidr.text };
  return undefined;
}

/** Ranges no registry can say anything about, so an owner lookup is pointless. */
export function isNotRoutable(code: RangeCode | undefined): boolean {
  return code !== undefined && code !== 'teredo' && code !== '6to4' && code !== 'translation';
}

export const RANGE_NAMES: Record<RangeCode, { en: string; ja: string }> = {
  'this-network': { en: '"This network" (RFC 791)', ja: '「このネットワーク」（RFC 791）' },
  private: { en: 'Private use (RFC 1918)', ja: 'プライベートアドレス（RFC 1918）' },
  shared: { en: 'Shared address space / carrier-grade NAT (RFC 6598)', ja: '共用アドレス（キャリアグレードNAT、RFC 6598）' },
  loopback: { en: 'Loopback', ja: 'ループバック' },
  'link-local': { en: 'Link-local', ja: 'リンクローカル' },
  'protocol-assignments': { en: 'IETF protocol assignments', ja: 'IETFプロトコル割当' },
  documentation: { en: 'Documentation (not routed on the Internet)', ja: '文書例示用（インターネット上で経路なし）' },
  benchmarking: { en: 'Benchmarking (RFC 2544 / 5180)', ja: 'ベンチマーク用（RFC 2544／5180）' },
  multicast: { en: 'Multicast', ja: 'マルチキャスト' },
  reserved: { en: 'Reserved', ja: '予約済み' },
  broadcast: { en: 'Limited broadcast', ja: 'ブロードキャスト' },
  unspecified: { en: 'Unspecified address', ja: '未指定アドレス' },
  'ipv4-mapped': { en: 'IPv4-mapped', ja: 'IPv4射影アドレス' },
  translation: { en: 'IPv4/IPv6 translation (NAT64)', ja: 'IPv4/IPv6変換（NAT64）' },
  discard: { en: 'Discard-only', ja: '破棄専用' },
  teredo: { en: 'Teredo tunnel', ja: 'Teredoトンネル' },
  '6to4': { en: '6to4', ja: '6to4' },
  orchid: { en: 'ORCHID', ja: 'ORCHID' },
  'unique-local': { en: 'Unique local (RFC 4193)', ja: 'ユニークローカル（RFC 4193）' },
};
