import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLog, LogInputError } from '../../../src/iplog/index';
import { analyzeText, OFFICE_NETWORKS } from './helpers';

function rejects(input: Uint8Array | string, code: string, message: RegExp, opts = {}): void {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  assert.throws(
    () => analyzeLog(bytes, { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'en', ...opts }),
    (e: unknown) => e instanceof LogInputError && e.code === code && message.test(e.message),
  );
}

describe('input that cannot be analysed', () => {
  test('empty and white space only', () => {
    rejects('', 'empty', /empty/);
    rejects(' \n\t\n', 'empty', /white space/);
  });

  test('binary data', () => {
    rejects(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), 'binary', /^byte 4: .*binary/);
  });

  test('bytes that are no supported encoding', () => {
    rejects(Buffer.from([0x41, 0x42, 0xff, 0xfe, 0xfd, 0x80, 0x81]), 'encoding', /neither UTF-8/);
  });

  test('over the size limit', () => {
    rejects(Buffer.alloc(2048, 0x41), 'too-large', /The log is 2 KB; the limit is 1 KB/, { maxBytes: 1024 });
  });

  test('no address anywhere', () => {
    rejects('Dear customer,\nplease buy more licences.\n', 'no-address', /No IP address found/);
  });

  test('a header with an address column but no time column names what it saw', () => {
    rejects('User,Source IP\nu,203.0.113.1\n', 'no-time-column', /^line 1: No time column found\. Columns seen: User, Source IP/);
  });

  test('every row unreadable: says how many and why', () => {
    rejects('User,Login Time,Source IP\nu,yesterday,203.0.113.1\nu,2024-03-05 09:00,999.1.1.1\n', 'no-address', /2 row\(s\).*line 2: "yesterday" is not a date and time.*line 3: "999\.1\.1\.1" is not an IP address/);
  });

  test('broken JSON gives the line and column', () => {
    rejects('[{"ipAddress": "203.0.113.1",\n  "createdDateTime": }]', 'bad-json', /^line 2, column \d+: The log looks like JSON/);
  });

  test('a bad time zone or network in the case data', () => {
    rejects('User,Login Time,Source IP\nu,2024-03-05 09:00,203.0.113.1\n', 'bad-timezone', /Unknown time zone "Mars\/Olympus"/, { timezone: 'Mars/Olympus' });
    rejects('User,Login Time,Source IP\nu,2024-03-05 09:00,203.0.113.1\n', 'bad-network', /^networks\[1\]: "203\.0\.113\.300\/24" is not a CIDR/, {
      networks: [{ cidr: '203.0.113.0/26', label: 'a' }, { cidr: '203.0.113.300/24', label: 'b' }],
    });
  });

  test('a bad speed threshold', () => {
    rejects('User,Login Time,Source IP\nu,2024-03-05 09:00,203.0.113.1\n', 'bad-option', /positive number/, { maxSpeedKmh: -5 });
  });
});

describe('rows that cannot be read are reported, not dropped', () => {
  test('count, line numbers and a few examples', () => {
    const rows = ['User,Login Time,Source IP'];
    for (let i = 0; i < 10; i++) rows.push(`u,2024-03-05 09:0${i},203.0.113.${i + 1}`);
    rows.push('u,2024-13-45 09:00,203.0.113.50', 'u,2024-03-05 09:00', 'u,2024-03-05 09:00,', 'u,31/02/2024 9:00,203.0.113.1', 'u,2024-03-05 09:00,example.com', 'u,2024-03-05 09:00,300.1.1.1');
    const r = analyzeText(rows.join('\n'));
    assert.equal(r.events, 10);
    assert.equal(r.unreadRows.count, 6);
    assert.equal(r.unreadRows.examples.length, 5);
    assert.deepEqual(r.unreadRows.examples.map((e) => e.line), [12, 13, 14, 15, 16]);
    assert.match(r.unreadRows.examples[1].reason, /has 2 field\(s\), the header has 3/);
    assert.match(r.unreadRows.examples[2].reason, /no IP address/);
    assert.match(r.unreadRows.examples[0].sample, /2024-13-45/);
  });

  test('an unclosed quote at the end is reported with its line', () => {
    const r = analyzeText('User,Login Time,Source IP\nu,2024-03-05 09:00,203.0.113.1\n"u,2024-03-05 09:01,203.0.113.2\n');
    assert.equal(r.events, 1);
    assert.equal(r.unreadRows.count, 1);
    assert.deepEqual([r.unreadRows.examples[0].line, r.unreadRows.examples[0].reason], [3, 'a quoted field is never closed']);
  });
});
