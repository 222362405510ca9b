import { haversineKm } from './gazetteer';
import type { LoginPoint } from './ingest';
import type { ExplanationCode, SwitchRecord } from './types';

/** Two switches that undo each other within this window read as one device hopping networks. */
export const BACK_AND_FORTH_MINUTES = 120;
/** Stored switches are capped so memory follows distinct users and addresses, not rows. */
const KEEP_FLAGGED = 10_000;
const KEEP_PLAIN = 10_000;

export interface UserState {
  user: string;
  events: number;
  failures: number;
  ips: Set<string>;
  devices: Set<string>;
  last: LoginPoint | undefined;
  /** +1 ascending, -1 descending, 0 not yet known. */
  direction: number;
  /** Times went both ways: switches are recomputed from a sorted second pass. */
  unordered: boolean;
  previous: SwitchDraft | undefined;
  switches: number;
  flagged: number;
}

/** A switch with instants kept as numbers until the result is formatted. */
export interface SwitchDraft extends Omit<SwitchRecord, 'at' | 'explanation'> {
  atMs: number;
  fromMs: number;
}

/**
 * Finds address switches per user while the log streams. A log sorted either
 * way (Salesforce lists newest first) yields the same neighbouring pairs as
 * time order, so no events need to be kept; a user whose times go both ways
 * is marked and redone from a sorted list afterwards.
 */
export class SwitchTracker {
  readonly users = new Map<string, UserState>();
  readonly flaggedKept: SwitchDraft[] = [];
  readonly plainKept: SwitchDraft[] = [];

  constructor(private readonly maxSpeedKmh: number) {}

  state(user: string): UserState {
    let u = this.users.get(user);
    if (!u) {
      u = { user, events: 0, failures: 0, ips: new Set(), devices: new Set(), last: undefined, direction: 0, unordered: false, previous: undefined, switches: 0, flagged: 0 };
      this.users.set(user, u);
    }
    return u;
  }

  /** Streaming step: counts the login and compares it with the user's previous one. */
  add(p: LoginPoint): void {
    const u = this.state(p.user);
    u.events++;
    if (p.failed) u.failures++;
    const last = u.last;
    if (!last || last.ip !== p.ip) u.ips.add(p.ip.ip.text);
    if (p.device && (!last || last.device !== p.device)) u.devices.add(p.device);
    this.step(u, p);
  }

  /** Compares with the previous login in the order given; used directly for a sorted list. */
  step(u: UserState, p: LoginPoint): void {
    const last = u.last;
    u.last = p;
    if (!last) return;
    const d = Math.sign(p.time - last.time);
    if (d !== 0) {
      if (u.direction === 0) u.direction = d;
      else if (d !== u.direction) u.unordered = true;
    }
    if (u.unordered || p.ip === last.ip) return;
    const [earlier, later] = u.direction >= 0 ? [last, p] : [p, last];
    this.record(u, earlier, later);
  }

  private record(u: UserState, earlier: LoginPoint, later: LoginPoint): void {
    const minutes = (later.time - earlier.time) / 60_000;
    let distanceKm: number | null = null;
    let speedKmh: number | null = null;
    let flagged = false;
    if (earlier.place && later.place) {
      distanceKm = haversineKm(earlier.place, later.place);
      if (minutes > 0) {
        speedKmh = distanceKm / (minutes / 60);
        flagged = speedKmh > this.maxSpeedKmh;
      } else {
        // Same instant, different places: no finite speed covers it.
        flagged = distanceKm > 0;
        speedKmh = distanceKm > 0 ? null : 0;
      }
    }
    const reasons: ExplanationCode[] = [];
    if (earlier.ip.network && later.ip.network) reasons.push('our-networks');
    if (earlier.device && later.device && earlier.device !== later.device) reasons.push('several-devices');
    const draft: SwitchDraft = {
      user: u.user,
      atMs: later.time,
      fromMs: earlier.time,
      from: earlier.ip.ip.text,
      to: later.ip.ip.text,
      fromLocation: earlier.location ?? null,
      toLocation: later.location ?? null,
      minutes,
      distanceKm,
      speedKmh,
      flagged,
      reasons,
      fromDevice: earlier.device,
      toDevice: later.device,
    };
    const prev = u.previous;
    if (prev && prev.from === draft.to && prev.to === draft.from && Math.abs(prev.atMs - draft.atMs) <= BACK_AND_FORTH_MINUTES * 60_000) {
      addReason(prev, 'network-switching');
      addReason(draft, 'network-switching');
    }
    u.previous = draft;
    u.switches++;
    if (flagged) {
      u.flagged++;
      if (this.flaggedKept.length < KEEP_FLAGGED) this.flaggedKept.push(draft);
    } else if (this.plainKept.length < KEEP_PLAIN) this.plainKept.push(draft);
  }

  /** Drops what was found for users whose times were out of order, before their sorted redo. */
  forget(users: ReadonlySet<string>): void {
    const keep = (s: SwitchDraft): boolean => !users.has(s.user);
    for (const list of [this.flaggedKept, this.plainKept]) {
      const kept = list.filter(keep);
      list.length = 0;
      list.push(...kept);
    }
    for (const name of users) {
      const u = this.state(name);
      Object.assign(u, { last: undefined, direction: 1, unordered: false, previous: undefined, switches: 0, flagged: 0 });
    }
  }
}

function addReason(s: SwitchDraft, code: ExplanationCode): void {
  if (!s.reasons.includes(code)) s.reasons.push(code);
}

const PRIORITY: ExplanationCode[] = ['our-networks', 'same-owner', 'network-switching', 'several-devices'];

/** The strongest explanation a reader can check, given every reason that applies. */
export function mainExplanation(reasons: readonly ExplanationCode[]): ExplanationCode | null {
  for (const code of PRIORITY) if (reasons.includes(code)) return code;
  return null;
}
