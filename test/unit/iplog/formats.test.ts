import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLog } from '../../../src/iplog/index';
import { analyzeText, fixture, OFFICE_NETWORKS } from './helpers';

const SAPPORO_NAHA = (lines: [string, string, string][]): string => lines.map(([t, ip, place]) => `${t},${ip},${place}`).join('\n');

describe('delimited text', () => {
  test('columns are found by name in any order, with other header spellings', () => {
    const text = `Location;User;IP Address;Date;Status\n"Sapporo, Hokkaido, Japan";a@example.com;203.0.113.10;2024-03-05 09:02;Success\n"Naha, Okinawa, Japan";a@example.com;203.0.113.74;2024-03-05 09:03;Success\n`;
    const r = analyzeText(text);
    assert.equal(r.events, 2);
    assert.equal(r.ips[0].users[0], 'a@example.com');
    assert.equal(r.switches.length, 1);
    assert.equal(r.switches[0].flagged, true);
    assert.equal(r.switches[0].at, '2024-03-05T09:03:00+09:00');
  });

  test('tab-separated with Salesforce US dates, 12-hour clock and a preamble line', () => {
    const text = 'Login History report\n\nUsername\tLogin Time\tSource IP\tLocation\nu\t3/5/2024 11:59 PM\t203.0.113.10\tTokyo, Tokyo, Japan\nu\t3/6/2024 12:01 AM\t203.0.113.74\tOsaka, Osaka, Japan\n';
    const r = analyzeText(text);
    assert.equal(r.events, 2);
    assert.equal(r.headerLine, 3);
    assert.equal(r.period?.first, '2024-03-05T23:59:00+09:00');
    assert.equal(r.period?.last, '2024-03-06T00:01:00+09:00');
    assert.equal(r.switches[0].minutes, 2);
  });

  test('quoted fields may hold delimiters, doubled quotes and line breaks; line numbers stay right', () => {
    const text = 'User,Login Time,Source IP,Browser\n"a, ""the boss""",2024-03-05T09:00:00+09:00,203.0.113.10,"Chrome\n122"\nb,2024-03-05T09:05:00+09:00,not-an-ip,Edge\n';
    const r = analyzeText(text);
    assert.equal(r.events, 1);
    assert.deepEqual(r.ips[0].users, ['a, "the boss"']);
    assert.deepEqual(r.ips[0].devices, ['Chrome\n122']);
    assert.equal(r.unreadRows.count, 1);
    assert.equal(r.unreadRows.examples[0].line, 4);
    assert.match(r.unreadRows.examples[0].reason, /"not-an-ip" is not an IP address/);
  });

  test('ISO times with offsets, yyyy/MM/dd and 年月日 forms all land on the same instants', () => {
    const text = [
      'User,Login Time,Source IP',
      'u,2024-03-05T00:02:00Z,203.0.113.10',
      'u,2024/03/05 09:03,203.0.113.74',
      'u,2024年3月5日 9:04,203.0.113.10',
      'u,2024-03-05T09:05:30.250+09:00,203.0.113.74',
    ].join('\r\n');
    const r = analyzeText(text);
    assert.equal(r.events, 4);
    assert.deepEqual(r.switches.map((s) => s.at), ['2024-03-05T09:03:00+09:00', '2024-03-05T09:04:00+09:00', '2024-03-05T09:05:30+09:00']);
  });

  test('times without an offset are read in the given zone, and the zone is reported', () => {
    const text = 'User,Login Time,Source IP\nu,2024-07-01 09:00,203.0.113.10\n';
    const ny = analyzeText(text, { timezone: 'America/New_York' });
    assert.equal(ny.timezone, 'America/New_York');
    assert.equal(ny.ips[0].first, '2024-07-01T09:00:00-04:00');
    const tokyo = analyzeText(text);
    assert.equal(tokyo.ips[0].first, '2024-07-01T09:00:00+09:00');
    const machine = analyzeLog(Buffer.from(text), { networks: [], lang: 'en' });
    assert.equal(machine.timezoneSource, 'machine');
  });

  test('a "Date (UTC)" column is read as UTC whatever the case zone is', () => {
    const text = 'Date (UTC),IP address,Username,Status\n2024-03-05 00:02:00,203.0.113.10,u,Success\n';
    const r = analyzeText(text);
    assert.equal(r.ips[0].first, '2024-03-05T09:02:00+09:00');
    assert.equal(r.utcColumns, true);
  });

  test('the same log sorted oldest-first, newest-first or shuffled gives the same switches', () => {
    const rows = [
      ['u,2024-03-05 09:00', '203.0.113.10', 'Sapporo, Hokkaido, Japan'],
      ['u,2024-03-05 09:01', '203.0.113.74', 'Naha, Okinawa, Japan'],
      ['u,2024-03-05 09:30', '203.0.113.74', 'Naha, Okinawa, Japan'],
      ['u,2024-03-05 09:31', '203.0.113.10', 'Sapporo, Hokkaido, Japan'],
      ['u,2024-03-05 11:00', '198.51.100.7', 'Tokyo, Tokyo, Japan'],
    ] as [string, string, string][];
    const header = 'User,Login Time,Source IP,Location\n';
    const quote = (r: [string, string, string][]) => SAPPORO_NAHA(r.map(([a, b, c]) => [a, b, `"${c}"`]));
    const summary = (text: string) => analyzeText(text).switches.map((s) => `${s.at} ${s.from}>${s.to} ${s.flagged}`);
    const asc = summary(header + quote(rows));
    assert.equal(asc.length, 3);
    assert.deepEqual(summary(header + quote([...rows].reverse())), asc);
    assert.deepEqual(summary(header + quote([rows[2], rows[0], rows[4], rows[1], rows[3]])), asc);
  });
});

describe('character encodings', () => {
  test('Shift_JIS (Japanese Excel) with Japanese headers, dates and place names', () => {
    const r = analyzeLog(fixture('ja-headers-sjis.csv'), { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'ja' });
    assert.equal(r.encoding, 'Shift_JIS (CP932)');
    assert.equal(r.events, 4);
    assert.deepEqual(r.users.map((u) => u.user), ['山田 太郎']);
    assert.equal(r.users[0].failures, 1);
    assert.equal(r.flaggedCount, 3);
    assert.ok(r.switches.every((s) => s.explanation === 'our-networks'));
    assert.deepEqual(r.ips.find((i) => i.ip === '203.0.113.74')?.claimedLocations, ['沖縄県那覇市']);
    assert.ok(r.switches[0].distanceKm! > 2000);
  });

  const csv = 'Username,Login Time,Source IP,Location\n山田,2024-03-05 09:02,203.0.113.10,札幌市\n山田,2024-03-05 09:03,203.0.113.74,那覇\n';
  test('UTF-16LE with BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const r = analyzeLog(bytes, { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'en' });
    assert.equal(r.encoding, 'UTF-16LE (BOM)');
    assert.equal(r.events, 2);
    assert.equal(r.flaggedCount, 1);
  });

  test('UTF-16BE with BOM', () => {
    const le = Buffer.from(csv, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    const r = analyzeLog(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'en' });
    assert.equal(r.encoding, 'UTF-16BE (BOM)');
    assert.deepEqual(r.users.map((u) => u.user), ['山田']);
  });

  test('UTF-8 with BOM: the BOM does not end up in the first header', () => {
    const r = analyzeLog(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), { networks: [], timezone: 'Asia/Tokyo', lang: 'en' });
    assert.equal(r.encoding, 'UTF-8 (BOM)');
    assert.equal(r.users[0].user, '山田');
  });
});

describe('vendor exports', () => {
  test('Entra ID sign-ins CSV', () => {
    const text = [
      'Date (UTC),Request ID,User,Username,Application,IP address,Location,Status,Sign-in error code,Browser,Operating System',
      '2024-03-05T00:02:10Z,r1,Taro,taro@example.com,Office 365,203.0.113.10,"Sapporo, Hokkaido, JP",Success,0,Edge 122,Windows10',
      '2024-03-05T00:03:10Z,r2,Taro,taro@example.com,Office 365,203.0.113.74,"Naha, Okinawa, JP",Failure,50126,Edge 122,Windows10',
    ].join('\n');
    const r = analyzeText(text);
    assert.equal(r.format, 'Microsoft Entra ID sign-ins (CSV)');
    assert.equal(r.events, 2);
    assert.equal(r.users[0].user, 'taro@example.com');
    assert.equal(r.ips.find((i) => i.ip === '203.0.113.74')?.failures, 1);
    assert.deepEqual(r.ips[0].devices, ['Edge 122 / Windows10']);
    assert.equal(r.flaggedCount, 1);
  });

  test('Entra ID sign-ins JSON (Graph "value" wrapper, coordinates from the log)', () => {
    const rec = (t: string, ip: string, city: string, lat: number, lon: number, code: number) => ({
      createdDateTime: t,
      userPrincipalName: 'taro@example.com',
      ipAddress: ip,
      status: { errorCode: code },
      deviceDetail: { browser: 'Chrome 122', operatingSystem: 'Windows10' },
      location: { city, state: 'X', countryOrRegion: 'JP', geoCoordinates: { latitude: lat, longitude: lon } },
    });
    const json = JSON.stringify({ value: [rec('2024-03-05T00:05:00Z', '203.0.113.74', 'Naha', 26.2, 127.7, 0), rec('2024-03-05T00:02:00Z', '203.0.113.10', 'Sapporo', 43.1, 141.3, 50126)] });
    const r = analyzeText(json);
    assert.equal(r.format, 'Microsoft Entra ID sign-ins (JSON)');
    assert.equal(r.events, 2);
    assert.equal(r.ips.find((i) => i.ip === '203.0.113.10')?.failures, 1);
    assert.deepEqual(r.locationSources, ['log-coordinates']);
    assert.equal(r.switches[0].from, '203.0.113.10');
    assert.equal(r.switches[0].minutes, 3);
    assert.ok(r.switches[0].flagged);
  });

  test('Okta System Log JSON', () => {
    const ev = (t: string, ip: string, result: string, city: string) => ({
      published: t,
      actor: { alternateId: 'hanako@example.com', displayName: 'Hanako' },
      client: { ipAddress: ip, userAgent: { rawUserAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', os: 'iOS', browser: 'MOBILE_SAFARI' }, geographicalContext: { city, state: null, country: 'Japan' } },
      outcome: { result },
    });
    const json = JSON.stringify([ev('2024-03-05T00:00:00.000Z', '2001:db8::1', 'SUCCESS', 'Fukuoka'), ev('2024-03-05T00:10:00.000Z', '198.51.100.9', 'FAILURE', 'Sapporo')]);
    const r = analyzeText(json);
    assert.equal(r.format, 'Okta System Log (JSON)');
    assert.deepEqual(r.users.map((u) => u.user), ['hanako@example.com']);
    assert.equal(r.ips.find((i) => i.ip === '198.51.100.9')?.failures, 1);
    assert.deepEqual(r.ips[0].devices, ['MOBILE_SAFARI / iOS']);
    assert.equal(r.switches[0].flagged, true);
    assert.equal(r.switches[0].explanation, null);
  });

  test('M365 unified audit log CSV: the address comes from the AuditData JSON', () => {
    const audit = (t: string, ip: string) => JSON.stringify({ CreationTime: t, UserId: 'taro@example.com', ClientIP: ip, Operation: 'UserLoggedIn', ResultStatus: 'Success' }).replace(/"/g, '""');
    const text = [
      'RecordId,CreationDate,RecordType,Operation,UserId,AuditData',
      `1,2024-03-05T00:02:00.0000000Z,15,UserLoggedIn,taro@example.com,"${audit('2024-03-05T00:02:00', '[2001:db8:0:0::abcd]:443')}"`,
      `2,2024-03-05T00:03:00.0000000Z,15,UserLoggedIn,taro@example.com,"${audit('2024-03-05T00:03:00', '203.0.113.10:51234')}"`,
      '3,2024-03-05T00:04:00.0000000Z,15,UserLoggedIn,taro@example.com,"{not json"',
    ].join('\n');
    const r = analyzeText(text);
    assert.equal(r.format, 'Microsoft 365 unified audit log (CSV)');
    assert.equal(r.events, 2);
    assert.deepEqual(r.ips.map((i) => i.ip).sort(), ['2001:db8::abcd', '203.0.113.10']);
    assert.equal(r.ips.find((i) => i.ip === '2001:db8::abcd')?.first, '2024-03-05T09:02:00+09:00');
    assert.equal(r.unreadRows.count, 1);
    assert.equal(r.unreadRows.examples[0].line, 4);
    assert.match(r.unreadRows.examples[0].reason, /AuditData/);
  });

  test('free text copied from a PDF table', () => {
    const text = [
      'Login History   Page 1 of 1',
      'taro.yamada@example.co.jp 3/5/2024 9:02 AM 203.0.113.10 Success Chrome 122 Windows 10 Sapporo, Hokkaido, Japan',
      'taro.yamada@example.co.jp 3/5/2024 9:03 AM 203.0.113.74 Success Chrome 122 Windows 10 Naha, Okinawa, Japan',
      'taro.yamada@example.co.jp 3/5/2024 10:14 AM 203.0.113.74 Invalid Password Chrome 122 Windows 10 Naha, Okinawa, Japan',
      'taro.yamada@example.co.jp 203.0.113.99 (time cut off by the page break)',
      'Printed 2024/03/06 10:00',
    ].join('\n');
    const r = analyzeText(text);
    assert.equal(r.format, 'free text (one login per line)');
    assert.equal(r.events, 3);
    assert.equal(r.users[0].user, 'taro.yamada@example.co.jp');
    assert.equal(r.ips.find((i) => i.ip === '203.0.113.74')?.failures, 1);
    assert.deepEqual(r.ips.find((i) => i.ip === '203.0.113.10')?.claimedLocations, ['Sapporo, Hokkaido, Japan']);
    assert.equal(r.flaggedCount, 1);
    assert.equal(r.switches[0].explanation, 'our-networks');
    assert.equal(r.unreadRows.count, 1);
    assert.equal(r.unreadRows.examples[0].line, 5);
  });

  test('IPv6: spellings of one address are counted together; IPv6 networks label it', () => {
    const text = 'User,Login Time,Source IP\nu,2024-03-05 09:00,2001:DB8:0:0:0:0:0:1\nu,2024-03-05 09:01,[2001:db8::1]:443\nu,2024-03-05 09:02,2001:0db8::0001\nu,2024-03-05 09:03,::ffff:203.0.113.10\n';
    const r = analyzeText(text, { networks: [{ cidr: '2001:db8::/48', label: 'v6 office' }] });
    assert.equal(r.ips.length, 2);
    const v6 = r.ips.find((i) => i.version === 6)!;
    assert.equal(v6.ip, '2001:db8::1');
    assert.equal(v6.count, 3);
    assert.equal(v6.network, 'v6 office');
    assert.equal(r.ips.find((i) => i.version === 4)?.ip, '203.0.113.10');
  });
});
