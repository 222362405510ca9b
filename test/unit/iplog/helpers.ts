import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLog, type AnalyzeOptions } from '../../../src/iplog/index';

export const OFFICE_NETWORKS = [
  { cidr: '203.0.113.0/26', label: '本社 無線LAN（正系）' },
  { cidr: '203.0.113.64/26', label: '本社 無線LAN（副系）' },
];

export function fixture(name: string): Buffer {
  return readFileSync(join(process.cwd(), 'test', 'fixtures', 'iplog', name));
}

export function analyzeText(text: string, opts: Partial<AnalyzeOptions> = {}) {
  return analyzeLog(Buffer.from(text, 'utf8'), { networks: OFFICE_NETWORKS, timezone: 'Asia/Tokyo', lang: 'en', ...opts });
}
