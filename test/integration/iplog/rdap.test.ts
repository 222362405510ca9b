import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLog, lookupOwners, toMarkdown, type OwnerInfo } from '../../../src/iplog/index';

const OFFICE = { objectClassName: 'ip network', handle: 'NET-203-0-113-0', name: 'SAMPLE-OFFICE', startAddress: '203.0.113.0', endAddress: '203.0.113.127', cidr0_cidrs: [{ v4prefix: '203.0.113.0', length: 25 }], country: 'JP', entities: [{ roles: ['registrant'], vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Sample Trading Co.']]] }] };

describe('RDAP owner lookup against a local server', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const ip = decodeURIComponent((req.url ?? '').replace(/^\/rdap\/ip\//, ''));
      if (ip.startsWith('203.0.113.')) {
        res.writeHead(200, { 'content-type': 'application/rdap+json' });
        res.end(JSON.stringify(OFFICE));
      } else if (ip === '198.51.100.23') {
        res.writeHead(404, { 'content-type': 'application/rdap+json' });
        res.end('{"errorCode":404}');
      } else if (ip === '198.51.100.99') {
        res.writeHead(200, { 'content-type': 'application/rdap+json' });
        res.end('{"objectClassName": "ip network", "name": ');
      } else {
        // Never answers: the client must give up on its own.
        res.writeHead(200, { 'content-type': 'application/rdap+json' });
        res.write('{');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rdap/`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const log = readFileSync(join(process.cwd(), 'test/fixtures/iplog/salesforce-login-history.csv'));

  test('success and 404: owners fill the table, the failure is marked, nothing aborts', async () => {
    const result = analyzeLog(log, { networks: [], timezone: 'Asia/Tokyo', lang: 'en' });
    const cache = new Map<string, OwnerInfo>();
    const withOwners = await lookupOwners(result, { baseUrl: base, timeoutMs: 2000, cache });
    const office = withOwners.ips.find((i) => i.ip === '203.0.113.10')!;
    assert.equal(office.owner?.organisation, 'Sample Trading Co.');
    assert.equal(office.owner?.handle, 'NET-203-0-113-0');
    assert.equal(office.owner?.cidr, '203.0.113.0/25');
    assert.equal(office.owner?.country, 'JP');
    const home = withOwners.ips.find((i) => i.ip === '198.51.100.23')!;
    assert.equal(home.owner, undefined);
    assert.match(home.ownerError ?? '', /HTTP 404/);
    assert.deepEqual(withOwners.rdap, { looked: 3, failed: 1, source: base });
    // Without our networks declared, the shared registration is what explains the flagged switches.
    const flagged = withOwners.switches.filter((s) => s.flagged);
    assert.ok(flagged.length > 0);
    assert.ok(flagged.every((s) => s.explanation === 'same-owner'));
    const md = toMarkdown(withOwners, 'en');
    assert.match(md, /Sample Trading Co\. \/ SAMPLE-OFFICE/);
    assert.match(md, /lookup failed: not found in the registry \(HTTP 404\)/);

    const before = requests.length;
    await lookupOwners(result, { baseUrl: base, timeoutMs: 2000, cache });
    assert.equal(requests.length - before, 1, 'only the failed address is asked again');
  });

  test('timeout and malformed JSON are reported per address', async () => {
    const text = 'User,Login Time,Source IP\nu,2024-03-05 09:00,198.51.100.99\nu,2024-03-05 09:05,192.0.2.200\nu,2024-03-05 09:06,203.0.113.1\n';
    const result = analyzeLog(Buffer.from(text), { networks: [], timezone: 'Asia/Tokyo', lang: 'en' });
    const r = await lookupOwners(result, { baseUrl: base, timeoutMs: 300, cache: new Map() });
    const by = new Map(r.ips.map((i) => [i.ip, i]));
    assert.match(by.get('198.51.100.99')!.ownerError ?? '', /malformed RDAP answer/);
    assert.match(by.get('192.0.2.200')!.ownerError ?? '', /no answer within 300 ms/);
    assert.equal(by.get('203.0.113.1')!.owner?.name, 'SAMPLE-OFFICE');
    assert.equal(r.rdap?.failed, 2);
  });

  test('without a base URL, special-purpose addresses are not sent anywhere', async () => {
    const result = analyzeLog(log, { networks: [], timezone: 'Asia/Tokyo', lang: 'en' });
    let calls = 0;
    const r = await lookupOwners(result, { cache: new Map(), fetchImpl: (async () => { calls++; throw new Error('must not be called'); }) as typeof fetch });
    assert.equal(calls, 0);
    assert.ok(r.ips.every((i) => /special-purpose/.test(i.ownerError ?? '')));
  });
});
