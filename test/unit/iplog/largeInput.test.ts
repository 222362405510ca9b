import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLog } from '../../../src/iplog/index';

/** Enough rows to cross several 1 MiB decoding chunks, so rows and characters split at chunk edges. */
function bigLog(rows: number, location: string): string {
  const lines = ['"Username","Login Time","Source IP","Status","Browser","Platform","Location"'];
  for (let i = 0; i < rows; i++) {
    const minute = String(i % 60).padStart(2, '0');
    lines.push(`"user${i % 97}@example.com","2024-03-05 ${String(9 + (i % 10)).padStart(2, '0')}:${minute}","203.0.113.${i % 50}","Success","Chrome 122","Windows 10","${location}"`);
  }
  return lines.join('\n') + '\n';
}

for (const [name, location, encoding] of [
  ['plain ASCII', 'Sapporo, Hokkaido, Japan', 'UTF-8'],
  ['UTF-8 with Japanese text', '札幌市, 北海道, 日本', 'UTF-8'],
] as const) {
  test(`a log of several megabytes in ${name} loses no row at chunk boundaries`, () => {
    const rows = 40_000;
    const text = bigLog(rows, location);
    const bytes = new TextEncoder().encode(text);
    assert.ok(bytes.length > 3 * (1 << 20), `the log is ${bytes.length} bytes`);
    const r = analyzeLog(bytes, { timezone: 'Asia/Tokyo', lang: 'en', networks: [] });
    assert.equal(r.encoding, encoding);
    assert.equal(r.events, rows);
    assert.equal(r.unreadRows.count, 0);
    assert.equal(r.ips.length, 50);
    assert.equal(r.users.length, 97);
    for (const ip of r.ips) assert.deepEqual(ip.claimedLocations, [location]);
  });
}
