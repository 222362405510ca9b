import type { RawEvent } from '../types';
import { joinPlace } from './delimited';
import { number, text, type JsonObject } from './jsonValues';

/** Okta System Log events (`/api/v1/logs` or the admin console's JSON export). */
export function isOktaEvent(r: JsonObject): boolean {
  return 'published' in r && ('client' in r || 'actor' in r);
}

export function fromOkta(r: JsonObject, line: number): RawEvent {
  return {
    line,
    time: text(r, 'published'),
    ip: text(r, 'client.ipAddress'),
    user: text(r, 'actor.alternateId') ?? text(r, 'actor.displayName'),
    status: text(r, 'outcome.result'),
    browser: text(r, 'client.userAgent.browser'),
    platform: text(r, 'client.userAgent.os'),
    userAgent: text(r, 'client.userAgent.rawUserAgent'),
    location: joinPlace(
      text(r, 'client.geographicalContext.city'),
      text(r, 'client.geographicalContext.state'),
      text(r, 'client.geographicalContext.country'),
    ),
    lat: number(r, 'client.geographicalContext.geolocation.lat'),
    lon: number(r, 'client.geographicalContext.geolocation.lon'),
  };
}
