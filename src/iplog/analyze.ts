import { parseNetworks } from './cidr';
import { decodeLog, type DecodedStream } from './decode';
import { detectFormat, type FormatPlan } from './detectFormat';
import { LogInputError } from './errors';
import { countLogin, Interpreter, type IpAggregate, type LoginPoint } from './ingest';
import { readDelimited } from './parsers/delimited';
import { readFreeText } from './parsers/freeText';
import { readJsonLog } from './parsers/jsonLog';
import { mainExplanation, SwitchTracker, type SwitchDraft } from './switches';
import { detach } from './strings';
import { checkTimeZone, machineTimeZone, TimeReader } from './time';
import type { AnalysisResult, AnalyzeOptions, IpSummary, RawEvent, SwitchRecord, UnreadRow, UserSummary } from './types';

export const DEFAULT_MAX_SPEED_KMH = 900;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const UNREAD_EXAMPLES = 5;

/**
 * Reads a vendor's login log and summarises it per address and per user.
 * Throws LogInputError (and nothing else) when the input cannot be analysed.
 */
export function analyzeLog(bytes: Uint8Array, opts: AnalyzeOptions): AnalysisResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new LogInputError('too-large', `The log is ${size(bytes.length)}; the limit is ${size(maxBytes)}. Export only the disputed users and dates.`);
  }
  const maxSpeedKmh = opts.maxSpeedKmh ?? DEFAULT_MAX_SPEED_KMH;
  if (!Number.isFinite(maxSpeedKmh) || maxSpeedKmh <= 0) {
    throw new LogInputError('bad-option', `The speed threshold must be a positive number of km/h, not ${String(opts.maxSpeedKmh)}.`);
  }
  const timezone = opts.timezone ? checkTimeZone(opts.timezone) : machineTimeZone();
  const networks = parseNetworks(opts.networks);
  const decoded = decodeLog(bytes);
  const reader = new TimeReader(timezone);
  const interpreter = new Interpreter(reader, networks);
  const tracker = new SwitchTracker(maxSpeedKmh);

  const unread: UnreadRow[] = [];
  let unreadCount = 0;
  const onUnread = (line: number, reason: string, sample: string): void => {
    unreadCount++;
    if (unread.length < UNREAD_EXAMPLES) unread.push({ line, reason: detach(reason), sample: detach(sample) });
  };
  let events = 0;
  const onRaw = (raw: RawEvent): void => {
    const p = interpreter.interpret(raw);
    if (typeof p === 'string') return onUnread(raw.line, p, sampleOf(raw));
    events++;
    countLogin(p);
    tracker.add(p);
  };

  const { plan, format } = readAll(decoded, onRaw, onUnread);

  if (events === 0) throw nothingFound(plan, unreadCount, unread);

  const unordered = new Set([...tracker.users.values()].filter((u) => u.unordered).map((u) => u.user));
  if (unordered.size > 0) redoSorted(decoded, plan, interpreter, tracker, unordered);

  return buildResult({
    events,
    format,
    encoding: decoded.encoding,
    reader,
    timezoneSource: opts.timezone ? 'option' : 'machine',
    interpreter,
    tracker,
    maxSpeedKmh,
    unread: { count: unreadCount, examples: unread },
    headerLine: plan.kind === 'delimited' ? plan.headerLine : null,
  });
}

function readAll(
  decoded: DecodedStream,
  onRaw: (e: RawEvent) => void,
  onUnread: (line: number, reason: string, sample: string) => void,
): { plan: FormatPlan; format: string } {
  const chunks = decoded.chunks();
  const first = chunks.next();
  const head = first.done ? '' : first.value;
  if (!head.trim()) throw new LogInputError('empty', 'The log holds only white space.');
  const plan = detectFormat(head);
  function* all(): Generator<string> {
    yield head;
    yield* chunks;
  }
  if (plan.kind === 'json') {
    return { plan, format: readJsonLog(decoded.whole(), onRaw, onUnread) };
  }
  if (plan.kind === 'delimited') {
    readDelimited(plan, all(), onRaw, onUnread);
    return { plan, format: plan.family };
  }
  readFreeText(all(), onRaw, onUnread);
  return { plan, format: 'free text (one login per line)' };
}

/** Second pass for users whose log lines were not in time order: their logins only, sorted. */
function redoSorted(decoded: DecodedStream, plan: FormatPlan, interpreter: Interpreter, tracker: SwitchTracker, users: ReadonlySet<string>): void {
  const byUser = new Map<string, LoginPoint[]>();
  const collect = (raw: RawEvent): void => {
    const p = interpreter.interpret(raw);
    if (typeof p === 'string' || !users.has(p.user)) return;
    let list = byUser.get(p.user);
    if (!list) byUser.set(p.user, (list = []));
    list.push(p);
  };
  const ignore = (): void => {};
  if (plan.kind === 'json') readJsonLog(decoded.whole(), collect, ignore);
  else if (plan.kind === 'delimited') readDelimited(plan, decoded.chunks(), collect, ignore);
  else readFreeText(decoded.chunks(), collect, ignore);
  tracker.forget(users);
  for (const [name, list] of byUser) {
    list.sort((a, b) => a.time - b.time || a.seq - b.seq);
    const u = tracker.state(name);
    for (const p of list) tracker.step(u, p);
  }
}

interface ResultParts {
  events: number;
  format: string;
  encoding: AnalysisResult['encoding'];
  reader: TimeReader;
  timezoneSource: AnalysisResult['timezoneSource'];
  interpreter: Interpreter;
  tracker: SwitchTracker;
  maxSpeedKmh: number;
  unread: AnalysisResult['unreadRows'];
  headerLine: number | null;
}

function buildResult(r: ResultParts): AnalysisResult {
  const fmt = (ms: number): string => r.reader.format(ms);
  const aggs = [...r.interpreter.ips.values()].filter((a) => a.count > 0);
  aggs.sort((a, b) => b.count - a.count || a.ip.text.localeCompare(b.ip.text));
  const ips = aggs.map((a) => ipSummary(a, fmt));
  let first = Infinity;
  let last = -Infinity;
  for (const a of aggs) {
    first = Math.min(first, a.first);
    last = Math.max(last, a.last);
  }
  const drafts = [...r.tracker.flaggedKept, ...r.tracker.plainKept].sort((a, b) => a.atMs - b.atMs || a.user.localeCompare(b.user));
  const switches = drafts.map((d) => toRecord(d, fmt));
  const users: UserSummary[] = [...r.tracker.users.values()]
    .map((u) => ({ user: u.user, events: u.events, failures: u.failures, ips: [...u.ips], devices: [...u.devices], switches: u.switches, flagged: u.flagged }))
    .sort((a, b) => b.events - a.events || a.user.localeCompare(b.user));
  const switchCount = users.reduce((n, u) => n + u.switches, 0);
  const flaggedCount = users.reduce((n, u) => n + u.flagged, 0);
  const sources: AnalysisResult['locationSources'] = [];
  if (r.interpreter.usedCoordinates) sources.push('log-coordinates');
  if (r.interpreter.usedGazetteer) sources.push('gazetteer');
  return {
    events: r.events,
    format: r.format,
    encoding: r.encoding,
    timezone: r.reader.zone,
    timezoneSource: r.timezoneSource,
    utcColumns: r.interpreter.utcColumns,
    maxSpeedKmh: r.maxSpeedKmh,
    period: { first: fmt(first), last: fmt(last) },
    ips,
    users,
    switches,
    switchCount,
    flaggedCount,
    switchesOmitted: switchCount - switches.length,
    unreadRows: r.unread,
    locationSources: sources,
    headerLine: r.headerLine,
  };
}

function ipSummary(a: IpAggregate, fmt: (ms: number) => string): IpSummary {
  return {
    ip: a.ip.text,
    version: a.ip.version,
    count: a.count,
    failures: a.failures,
    first: fmt(a.first),
    last: fmt(a.last),
    network: a.network?.label ?? null,
    networkCidr: a.network?.cidr.text ?? null,
    range: a.range?.code ?? null,
    claimedLocations: [...a.locations],
    devices: [...a.devices],
    users: [...a.users],
  };
}

function toRecord(d: SwitchDraft, fmt: (ms: number) => string): SwitchRecord {
  const { atMs: _at, fromMs: _from, ...rest } = d;
  return { ...rest, at: fmt(d.atMs), minutes: round(d.minutes, 1), distanceKm: roundOrNull(d.distanceKm), speedKmh: roundOrNull(d.speedKmh), reasons: [...d.reasons], explanation: mainExplanation(d.reasons) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function roundOrNull(n: number | null): number | null {
  return n === null || !Number.isFinite(n) ? null : round(n, 0);
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

function sampleOf(raw: RawEvent): string {
  return [raw.time, raw.ip, raw.user].filter((v) => v !== undefined).join(' | ').slice(0, 200);
}

function nothingFound(plan: FormatPlan, unreadCount: number, unread: UnreadRow[]): LogInputError {
  const examples = unread.slice(0, 3).map((u) => `line ${u.line}: ${u.reason}`).join('; ');
  if (unreadCount > 0) {
    return new LogInputError('no-address', `No login could be read: ${unreadCount} row(s) had a problem (${examples}).`);
  }
  if (plan.kind === 'text') {
    return new LogInputError(
      'no-address',
      'No IP address found. Paste a CSV/TSV export with a header (e.g. "Source IP", "Login Time"), a JSON export from Entra ID or Okta, or text lines that each hold a time and an address.',
    );
  }
  return new LogInputError('no-address', 'The log has a header but no rows with an IP address and a time.');
}
