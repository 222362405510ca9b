import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLog, toJson, toMarkdown } from '../../../src/iplog/index';
import { fixture, OFFICE_NETWORKS } from './helpers';

describe('the Salesforce login history of the sample case', () => {
  const result = analyzeLog(fixture('salesforce-login-history.csv'), { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'ja' });

  test('counts 23 logins from 3 addresses, 2 of them ours', () => {
    assert.equal(result.events, 23);
    assert.equal(result.ips.length, 3);
    const ours = result.ips.filter((ip) => ip.network !== null);
    assert.deepEqual(ours.map((ip) => ip.ip).sort(), ['203.0.113.10', '203.0.113.74']);
    assert.equal(result.ips.find((ip) => ip.ip === '203.0.113.10')?.network, '本社 無線LAN（正系）');
    assert.equal(result.ips.find((ip) => ip.ip === '198.51.100.23')?.network, null);
    assert.equal(result.format, 'Salesforce Login History (CSV)');
    assert.equal(result.encoding, 'UTF-8');
    assert.equal(result.unreadRows.count, 0);
  });

  test('per address: failures, first and last seen in the case zone, devices and claimed place', () => {
    const secondary = result.ips.find((ip) => ip.ip === '203.0.113.74')!;
    assert.equal(secondary.count, 11);
    assert.equal(secondary.failures, 1);
    assert.equal(secondary.first, '2024-03-05T09:03:00+09:00');
    assert.equal(secondary.last, '2024-03-05T17:46:00+09:00');
    assert.deepEqual(secondary.claimedLocations, ['Naha, Okinawa, Japan']);
    assert.equal(secondary.devices.length, 3);
    assert.equal(secondary.range, 'documentation');
  });

  test('flags the Sapporo–Naha switches and explains them by our declared networks', () => {
    const flagged = result.switches.filter((s) => s.flagged);
    assert.equal(flagged.length, 11);
    assert.equal(result.flaggedCount, 11);
    for (const s of flagged) {
      assert.deepEqual([s.fromLocation, s.toLocation].sort(), ['Naha, Okinawa, Japan', 'Sapporo, Hokkaido, Japan']);
      assert.equal(s.explanation, 'our-networks');
      assert.ok(s.distanceKm! > 2000 && s.distanceKm! < 2500, `distance ${s.distanceKm}`);
      assert.ok(s.speedKmh === null || s.speedKmh > 900);
    }
    const first = flagged[0];
    assert.equal(first.at, '2024-03-05T09:03:00+09:00');
    assert.equal(first.from, '203.0.113.10');
    assert.equal(first.to, '203.0.113.74');
    assert.equal(first.minutes, 1);
    assert.ok(first.reasons.includes('network-switching'));
  });

  test('the evening switch home (Naha → Tokyo, over two hours) is not flagged', () => {
    const home = result.switches.find((s) => s.to === '198.51.100.23');
    assert.ok(home);
    assert.equal(home.flagged, false);
    assert.equal(home.minutes, 144);
  });

  test('a higher threshold flags fewer switches', () => {
    const lenient = analyzeLog(fixture('salesforce-login-history.csv'), { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'ja', maxSpeedKmh: 5000 });
    assert.equal(lenient.flaggedCount, 9);
  });

  test('Japanese Markdown holds the table, findings and method', () => {
    const md = toMarkdown(result, 'ja');
    assert.match(md, /^#### IPアドレス分析/);
    assert.match(md, /\| 203\.0\.113\.74 \| 本社 無線LAN（副系） \|/);
    assert.match(md, /\| 双方とも当社回線（位置情報の誤り） \|/);
    assert.match(md, /時速900km/);
    assert.match(md, /Asia\/Tokyo/);
    assert.match(md, /UTF-8/);
    assert.match(md, /Salesforce Login History/);
    assert.doesNotMatch(md, /undefined|NaN|null/);
  });

  test('English Markdown says the same in English', () => {
    const md = toMarkdown(result, 'en');
    assert.match(md, /#### IP address analysis/);
    assert.match(md, /\| Both ours: a geolocation error \|/);
    assert.match(md, /Successful and failed logins both count/);
  });

  test('JSON has the documented fields', () => {
    const doc = JSON.parse(toJson(result));
    assert.equal(doc.events, 23);
    assert.equal(doc.timezone, 'Asia/Tokyo');
    assert.equal(doc.encoding, 'UTF-8');
    assert.equal(doc.format, 'Salesforce Login History (CSV)');
    assert.deepEqual(Object.keys(doc.ips[0]).slice(0, 10), ['ip', 'version', 'count', 'failures', 'first', 'last', 'network', 'networkCidr', 'range', 'claimedLocations']);
    for (const key of ['user', 'at', 'from', 'to', 'minutes', 'distanceKm', 'speedKmh', 'flagged', 'explanation']) assert.ok(key in doc.switches[0], key);
    assert.deepEqual(doc.unreadRows, { count: 0, examples: [] });
  });
});
