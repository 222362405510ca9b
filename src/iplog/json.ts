import type { AnalysisResult } from './types';

export const JSON_SCHEMA_VERSION = 1;

/** The analysis as stable JSON (its schema is in README.md, "IP analysis"). */
export function toJson(result: AnalysisResult): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    events: result.events,
    format: result.format,
    encoding: result.encoding,
    timezone: result.timezone,
    timezoneSource: result.timezoneSource,
    maxSpeedKmh: result.maxSpeedKmh,
    period: result.period,
    ips: result.ips.map((ip) => ({
      ip: ip.ip,
      version: ip.version,
      count: ip.count,
      failures: ip.failures,
      first: ip.first,
      last: ip.last,
      network: ip.network,
      networkCidr: ip.networkCidr,
      range: ip.range,
      claimedLocations: ip.claimedLocations,
      devices: ip.devices,
      users: ip.users,
      owner: ip.owner ?? null,
      ownerError: ip.ownerError ?? null,
    })),
    users: result.users,
    switches: result.switches.map((s) => ({
      user: s.user,
      at: s.at,
      from: s.from,
      to: s.to,
      fromLocation: s.fromLocation,
      toLocation: s.toLocation,
      minutes: s.minutes,
      distanceKm: s.distanceKm,
      speedKmh: s.speedKmh,
      flagged: s.flagged,
      explanation: s.explanation,
      reasons: s.reasons,
      fromDevice: s.fromDevice,
      toDevice: s.toDevice,
    })),
    switchCount: result.switchCount,
    flaggedCount: result.flaggedCount,
    switchesOmitted: result.switchesOmitted,
    unreadRows: result.unreadRows,
    locationSources: result.locationSources,
    rdap: result.rdap ?? null,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
