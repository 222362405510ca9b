import type { EncodingName } from './decode';
import type { RangeCode } from './specialRanges';
import type { Precision } from './gazetteer';

export type Lang = 'ja' | 'en';

export interface AnalyzeOptions {
  networks: readonly { cidr: string; label: string }[];
  /** IANA zone for times written without an offset; the machine's zone when absent. */
  timezone?: string;
  lang: Lang;
  maxSpeedKmh?: number;
  /** Refuse larger input; 50 MB unless raised (the benchmark does). */
  maxBytes?: number;
}

/** One login as a parser hands it over: raw strings, nothing interpreted yet. */
export interface RawEvent {
  line: number;
  time?: string;
  /** Zone for this time when the column says so (e.g. "Date (UTC)"). */
  timeZone?: string;
  ip?: string;
  user?: string;
  status?: string;
  browser?: string;
  platform?: string;
  userAgent?: string;
  location?: string;
  lat?: number;
  lon?: number;
}

export interface UnreadRow {
  line: number;
  reason: string;
  sample: string;
}

export interface OwnerInfo {
  name?: string;
  handle?: string;
  range?: string;
  cidr?: string;
  country?: string;
  organisation?: string;
  source: string;
}

export interface IpSummary {
  ip: string;
  version: 4 | 6;
  count: number;
  failures: number;
  first: string;
  last: string;
  /** Label of the declared network holding the address. */
  network: string | null;
  networkCidr: string | null;
  range: RangeCode | null;
  claimedLocations: string[];
  devices: string[];
  users: string[];
  owner?: OwnerInfo;
  ownerError?: string;
}

export type ExplanationCode = 'our-networks' | 'same-owner' | 'network-switching' | 'several-devices';

export interface ClaimedPoint {
  location: string;
  lat: number;
  lon: number;
  precision: Precision;
}

export interface SwitchRecord {
  user: string;
  at: string;
  from: string;
  to: string;
  fromLocation: string | null;
  toLocation: string | null;
  minutes: number;
  distanceKm: number | null;
  /** null when unknown; Infinity is reported as null with `flagged` true (same-minute jumps). */
  speedKmh: number | null;
  flagged: boolean;
  explanation: ExplanationCode | null;
  reasons: ExplanationCode[];
  fromDevice: string;
  toDevice: string;
}

export interface UserSummary {
  user: string;
  events: number;
  failures: number;
  ips: string[];
  devices: string[];
  switches: number;
  flagged: number;
}

export interface AnalysisResult {
  events: number;
  format: string;
  encoding: EncodingName;
  timezone: string;
  /** Where offset-less times came from: the case, the machine, or a UTC column header. */
  timezoneSource: 'option' | 'machine';
  utcColumns: boolean;
  maxSpeedKmh: number;
  period: { first: string; last: string } | null;
  ips: IpSummary[];
  users: UserSummary[];
  switches: SwitchRecord[];
  switchCount: number;
  flaggedCount: number;
  /** Switches not kept in `switches` to bound memory (flagged ones are kept first). */
  switchesOmitted: number;
  unreadRows: { count: number; examples: UnreadRow[] };
  locationSources: ('log-coordinates' | 'gazetteer')[];
  headerLine: number | null;
  rdap?: { looked: number; failed: number; source: string };
}
