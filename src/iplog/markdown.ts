import { escapeCell as esc } from './escape';
import { BACK_AND_FORTH_MINUTES } from './switches';
import { LOCATION_SOURCE_NAMES, MESSAGES, type Messages } from './messages';
import { RANGE_NAMES } from './specialRanges';
import type { AnalysisResult, IpSummary, Lang, SwitchRecord } from './types';

/** Long logs would bury the letter; the JSON output keeps everything. */
const MAX_ADDRESS_ROWS = 100;
const MAX_SWITCH_ROWS = 100;
const MAX_DEVICE_FINDINGS = 10;

/** The analysis as Markdown for a letter: tables, findings and how they were made. */
export function toMarkdown(result: AnalysisResult, lang: Lang): string {
  const m = MESSAGES[lang];
  const out: string[] = [];
  out.push(`#### ${m.title}`, '');
  if (result.period) out.push(m.source(esc(result.format), result.events, shortTime(result.period.first), shortTime(result.period.last), esc(result.timezone)), '');
  out.push(`##### ${m.addressesTitle}`, '', ...addressTable(result, m, lang), '');
  out.push(`##### ${m.flaggedTitle(result.maxSpeedKmh)}`, '', ...flaggedTable(result, m), '');
  out.push(`##### ${m.findingsTitle}`, '', ...findings(result, m, lang).map((f) => `- ${f}`), '');
  out.push(`##### ${m.methodTitle}`, '', ...method(result, m, lang).map((f) => `- ${f}`), '');
  return out.join('\n');
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map(String).join(' | ')} |`;
}

function addressTable(r: AnalysisResult, m: Messages, lang: Lang): string[] {
  const withOwner = r.ips.some((ip) => ip.owner || ip.ownerError);
  const h = m.headers;
  // Special-purpose ranges are named in the findings; a column of them would crowd the page.
  const head = [h.address, h.network, h.logins, h.failures, h.first, h.last, h.users, h.devices, h.locations];
  const align = ['---', '---', '--:', '--:', '---', '---', '---', '---', '---'];
  if (withOwner) {
    head.push(h.owner);
    align.push('---');
  }
  const lines = [row(head), row(align)];
  for (const ip of r.ips.slice(0, MAX_ADDRESS_ROWS)) {
    const cells: (string | number)[] = [
      esc(ip.ip),
      ip.network ? esc(ip.network) : m.none,
      ip.count,
      ip.failures,
      shortTime(ip.first),
      shortTime(ip.last),
      list(ip.users),
      list(ip.devices),
      list(ip.claimedLocations),
    ];
    if (withOwner) cells.push(ownerCell(ip, m));
    lines.push(row(cells));
  }
  if (r.ips.length > MAX_ADDRESS_ROWS) lines.push('', m.moreRows(r.ips.length - MAX_ADDRESS_ROWS));
  return lines;
}

function ownerCell(ip: IpSummary, m: Messages): string {
  if (ip.owner) {
    const o = ip.owner;
    const parts = [o.organisation, o.name, o.handle, o.cidr ?? o.range, o.country].filter((p): p is string => !!p);
    return esc(parts.join(' / ')) || m.none;
  }
  return ip.ownerError ? esc(m.ownerFailed(ip.ownerError)) : m.none;
}

// Letters drop raw HTML (so no <br>); a separator keeps a cell readable in HTML and in plain text alike.
function list(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).map(esc).join('; ');
  return values.length > max ? `${shown}; … (+${values.length - max})` : shown || '—';
}

function flaggedTable(r: AnalysisResult, m: Messages): string[] {
  const flagged = r.switches.filter((s) => s.flagged);
  if (flagged.length === 0) return [m.noFlagged(r.maxSpeedKmh)];
  const h = m.switchHeaders;
  const lines = [row([h.user, h.at, h.from, h.to, h.minutes, h.distance, h.speed, h.explanation]), row(['---', '---', '---', '---', '--:', '--:', '--:', '---'])];
  for (const s of flagged.slice(0, MAX_SWITCH_ROWS)) {
    lines.push(
      row([
        esc(s.user),
        shortTime(s.at),
        `${esc(s.from)} (${esc(s.fromLocation ?? '—')})`,
        `${esc(s.to)} (${esc(s.toLocation ?? '—')})`,
        s.minutes,
        s.distanceKm === null ? '—' : s.distanceKm.toLocaleString('en-US'),
        speedText(s),
        s.explanation ? m.explanation[s.explanation] : m.unexplained,
      ]),
    );
  }
  if (flagged.length > MAX_SWITCH_ROWS || r.flaggedCount > flagged.length) lines.push('', m.moreRows(r.flaggedCount - Math.min(flagged.length, MAX_SWITCH_ROWS)));
  return lines;
}

function speedText(s: SwitchRecord): string {
  if (s.speedKmh !== null) return s.speedKmh.toLocaleString('en-US');
  return s.flagged ? '∞' : '—';
}

function findings(r: AnalysisResult, m: Messages, lang: Lang): string[] {
  const out: string[] = [];
  if (r.period) out.push(m.summary(r.events, r.ips.length, r.users.length, shortTime(r.period.first), shortTime(r.period.last)));
  const flagged = r.switches.filter((s) => s.flagged);
  if (r.flaggedCount > 0) {
    out.push(m.flaggedSummary(r.flaggedCount, r.switchCount, r.maxSpeedKmh));
    const ours = flagged.filter((s) => s.explanation === 'our-networks');
    if (ours.length) {
      const byIp = new Map(r.ips.map((ip) => [ip.ip, ip]));
      const labels = unique(ours.flatMap((s) => [byIp.get(s.from)?.network, byIp.get(s.to)?.network]));
      const places = unique(ours.flatMap((s) => [s.fromLocation, s.toLocation]));
      out.push(m.ourNetworks(ours.length, labels.map(esc).join(lang === 'ja' ? '、' : ', '), lang === 'ja' ? places.map((p) => `「${esc(p)}」`).join('と') : places.map(esc).join(' and ')));
    }
    const owner = flagged.filter((s) => s.explanation === 'same-owner').length;
    if (owner) out.push(m.sameOwner(owner));
    const unexplained = flagged.filter((s) => s.explanation === null).length;
    if (unexplained) out.push(m.unexplainedCount(unexplained));
  }
  const hopping = r.switches.filter((s) => s.reasons.includes('network-switching')).length;
  if (hopping) out.push(m.backAndForth(hopping, BACK_AND_FORTH_MINUTES));
  const [open, close, sep] = lang === 'ja' ? ['（', '）', '、'] : [' (', ')', '; '];
  const ourPlaces = r.ips
    .filter((ip) => ip.network && ip.claimedLocations.length)
    .map((ip) => `${esc(ip.ip)}${open}${esc(ip.network)}${close} → ${ip.claimedLocations.map(esc).join(' / ')}`);
  if (ourPlaces.length) out.push(m.ourAddressPlaces(ourPlaces.join(sep)));
  for (const ip of r.ips.filter((i) => i.claimedLocations.length > 1).slice(0, 10)) out.push(m.manyPlaces(esc(ip.ip), ip.claimedLocations.map(esc).join(', ')));
  for (const u of r.users.filter((u) => u.devices.length > 1).slice(0, MAX_DEVICE_FINDINGS)) out.push(m.devices(esc(u.user), u.devices.length, u.devices.map(esc).join(', ')));
  const special = r.ips.filter((ip) => ip.range).slice(0, 20);
  if (special.length) out.push(m.specialRanges(special.map((ip) => `${esc(ip.ip)}${open}${esc(RANGE_NAMES[ip.range!][lang])}${close}`).join(lang === 'ja' ? '、' : ', ')));
  if (r.unreadRows.count) out.push(m.unread(r.unreadRows.count, r.unreadRows.examples.map((e) => m.unreadExample(e.line, esc(e.reason))).join('; ')));
  return out;
}

function method(r: AnalysisResult, m: Messages, lang: Lang): string[] {
  const out = [
    m.method.threshold(r.maxSpeedKmh),
    m.method.events,
    m.method.timezone(esc(r.timezone), r.timezoneSource, r.utcColumns),
    m.method.input(esc(r.format), r.encoding),
  ];
  if (r.locationSources.length) out.push(m.method.locations(r.locationSources.map((s) => LOCATION_SOURCE_NAMES[lang][s])));
  out.push(m.method.rdap(r.rdap ? esc(r.rdap.source) : undefined));
  const omitted = r.switchCount - r.switches.length;
  if (omitted > 0) out.push(m.method.omitted(omitted));
  return out;
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

/** "2024-03-05T09:02:00+09:00" → "2024-03-05 09:02" (the zone is stated once in the text). */
function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
