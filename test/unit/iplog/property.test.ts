import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeLog, LogInputError, toJson, toMarkdown } from '../../../src/iplog/index';

const opts = { networks: [{ cidr: '203.0.113.0/24', label: 'office' }], timezone: 'Asia/Tokyo', lang: 'ja' as const };

/** Either a result or the documented error; anything else fails the property. */
function runs(bytes: Uint8Array): void {
  try {
    const r = analyzeLog(bytes, opts);
    assert.ok(r.events > 0);
    toMarkdown(r, 'ja');
    JSON.parse(toJson(r));
  } catch (e) {
    if (!(e instanceof LogInputError)) throw e;
    assert.ok(e.message.length > 0);
  }
}

const logish = fc.array(
  fc.oneof(
    fc.constantFrom('User,Login Time,Source IP,Location', 'ユーザー名\tログイン時間\t送信元IP', '"', '""', ',', ';', '\t', '\n', '\r\n', '203.0.113.5', '[2001:db8::1]:443', '3/5/2024 9:05 PM', '2024年3月5日 9:41', '{', '[', '}', ']', '"ipAddress":', 'Sapporo, Hokkaido, Japan', '那覇'),
    fc.string({ maxLength: 20 }),
  ),
  { maxLength: 60 },
);

describe('the parser never fails except with LogInputError', () => {
  test('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => runs(Buffer.from(s, 'utf8'))), { numRuns: 300 });
  });

  test('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => runs(b)), { numRuns: 300 });
  });

  test('strings built from log fragments', () => {
    fc.assert(fc.property(logish, (parts) => runs(Buffer.from(parts.join(''), 'utf8'))), { numRuns: 300 });
  });

  test('valid rows in random order always give one event per row', () => {
    const row = fc.record({ minute: fc.integer({ min: 0, max: 59 }), host: fc.integer({ min: 1, max: 254 }), user: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const text = ['User,Login Time,Source IP', ...rows.map((r) => `${r.user},2024-03-05 10:${String(r.minute).padStart(2, '0')},203.0.113.${r.host}`)].join('\n');
        const result = analyzeLog(Buffer.from(text), opts);
        assert.equal(result.events, rows.length);
        assert.equal(result.ips.reduce((n, ip) => n + ip.count, 0), rows.length);
        assert.ok(result.switches.every((s) => s.from !== s.to && s.minutes >= 0));
      }),
      { numRuns: 200 },
    );
  });
});
