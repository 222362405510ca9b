import type { RawEvent } from '../types';
import { joinPlace } from './delimited';
import { number, text, type JsonObject } from './jsonValues';

/** Microsoft Entra ID sign-in records (Graph `signIn` resource, portal JSON download). */
export function isEntraSignIn(r: JsonObject): boolean {
  return 'createdDateTime' in r && ('ipAddress' in r || 'userPrincipalName' in r);
}

export function fromEntra(r: JsonObject, line: number): RawEvent {
  const code = text(r, 'status.errorCode');
  return {
    line,
    time: text(r, 'createdDateTime'),
    ip: text(r, 'ipAddress'),
    user: text(r, 'userPrincipalName') ?? text(r, 'userDisplayName'),
    status: code !== undefined && code !== '0' ? `error ${code}` : 'success',
    browser: text(r, 'deviceDetail.browser'),
    platform: text(r, 'deviceDetail.operatingSystem'),
    location: joinPlace(text(r, 'location.city'), text(r, 'location.state'), text(r, 'location.countryOrRegion')),
    lat: number(r, 'location.geoCoordinates.latitude'),
    lon: number(r, 'location.geoCoordinates.longitude'),
  };
}
