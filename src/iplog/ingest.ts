import { findNetwork, type DeclaredNetwork } from './cidr';
import { findPlace } from './gazetteer';
import { parseIp, type IpAddress } from './ipAddress';
import { isFailure } from './parsers/status';
import { describeUserAgent } from './parsers/userAgent';
import { specialRange, type RangeCode } from './specialRanges';
import { TimeReader } from './time';
import { detach, Interner } from './strings';
import type { ClaimedPoint, RawEvent } from './types';

/** Everything known about one address, accumulated while the log streams past. */
export interface IpAggregate {
  ip: IpAddress;
  count: number;
  failures: number;
  first: number;
  last: number;
  users: Set<string>;
  devices: Set<string>;
  locations: Set<string>;
  network: DeclaredNetwork | undefined;
  range: { code: RangeCode; cidr: string } | undefined;
  /** The values added last: consecutive rows repeat them, and a compare is cheaper than a Set insert. */
  lastUser: string;
  lastDevice: string;
  lastLocation: string | undefined;
}

/** One login after interpretation: what the per-user switch analysis needs. */
export interface LoginPoint {
  time: number;
  seq: number;
  ip: IpAggregate;
  user: string;
  failed: boolean;
  device: string;
  location: string | undefined;
  place: ClaimedPoint | undefined;
}

export const UNKNOWN_USER = '(no user name)';

/**
 * Turns raw strings into a LoginPoint, or a reason it cannot. Address,
 * time and place texts repeat a lot in logs, so each is resolved once.
 */
export class Interpreter {
  readonly ips = new Map<string, IpAggregate>();
  private readonly byRawIp = new Map<string, IpAggregate | null>();
  private readonly places = new Map<string, ClaimedPoint | null>();
  private readonly utc = new TimeReader('UTC');
  private readonly strings = new Interner();
  usedCoordinates = false;
  usedGazetteer = false;
  utcColumns = false;
  private seq = 0;

  constructor(
    readonly reader: TimeReader,
    private readonly networks: readonly DeclaredNetwork[],
  ) {}

  interpret(e: RawEvent): LoginPoint | string {
    if (e.ip === undefined) return 'no IP address on the row';
    const ip = this.address(e.ip);
    if (!ip) return `"${clip(e.ip)}" is not an IP address`;
    if (e.time === undefined) return 'no date and time on the row';
    const reader = e.timeZone === 'UTC' ? this.utc : this.reader;
    const time = reader.read(e.time);
    if (time === undefined) return `"${clip(e.time)}" is not a date and time this tool reads`;
    if (e.timeZone === 'UTC') this.utcColumns = true;
    let browser = e.browser ?? '';
    let platform = e.platform ?? '';
    if ((!browser || !platform) && e.userAgent) {
      const ua = describeUserAgent(e.userAgent);
      browser ||= ua.browser;
      platform ||= ua.platform;
    }
    const device = browser && platform ? `${browser} / ${platform}` : browser || platform;
    const place = this.place(e);
    const location = e.location ?? (place ? `${place.lat}, ${place.lon}` : undefined);
    return {
      time,
      seq: this.seq++,
      ip,
      user: e.user === undefined ? UNKNOWN_USER : this.strings.get(e.user),
      failed: isFailure(e.status),
      device: device ? this.strings.get(device) : '',
      location: location === undefined ? undefined : this.strings.get(location),
      place,
    };
  }

  private address(raw: string): IpAggregate | undefined {
    const cached = this.byRawIp.get(raw);
    if (cached !== undefined) return cached ?? undefined;
    const ip = parseIp(raw);
    let agg: IpAggregate | null = null;
    if (ip) {
      agg = this.ips.get(ip.text) ?? null;
      if (!agg) {
        agg = {
          ip,
          count: 0,
          failures: 0,
          first: Infinity,
          last: -Infinity,
          users: new Set(),
          devices: new Set(),
          locations: new Set(),
          network: findNetwork(this.networks, ip),
          range: specialRange(ip),
          lastUser: '',
          lastDevice: '',
          lastLocation: undefined,
        };
        this.ips.set(ip.text, agg);
      }
    }
    this.byRawIp.set(detach(raw), agg);
    return agg ?? undefined;
  }

  private place(e: RawEvent): ClaimedPoint | undefined {
    if (e.lat !== undefined && e.lon !== undefined && Math.abs(e.lat) <= 90 && Math.abs(e.lon) <= 180 && !(e.lat === 0 && e.lon === 0)) {
      this.usedCoordinates = true;
      return { location: this.strings.get(e.location ?? `${e.lat}, ${e.lon}`), lat: e.lat, lon: e.lon, precision: 'coordinates' };
    }
    if (e.location === undefined) return undefined;
    let hit = this.places.get(e.location);
    if (hit === undefined) {
      const key = detach(e.location);
      const p = findPlace(key);
      hit = p ? { location: key, lat: p.lat, lon: p.lon, precision: p.precision } : null;
      this.places.set(key, hit);
    }
    if (hit) this.usedGazetteer = true;
    return hit ?? undefined;
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Adds one login to its address's totals. */
export function countLogin(p: LoginPoint): void {
  const a = p.ip;
  a.count++;
  if (p.failed) a.failures++;
  if (p.time < a.first) a.first = p.time;
  if (p.time > a.last) a.last = p.time;
  // Interned strings: identity compare is enough.
  if (p.user !== a.lastUser) a.users.add((a.lastUser = p.user));
  if (p.device && p.device !== a.lastDevice) a.devices.add((a.lastDevice = p.device));
  if (p.location && p.location !== a.lastLocation) a.locations.add((a.lastLocation = p.location));
}
