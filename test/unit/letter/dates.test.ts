import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addBusinessDays, formatDate, formatEraDate, parseIsoDate, toIsoDate } from '../../../src/letter/dates';

const d = (iso: string) => {
  const date = parseIsoDate(iso);
  assert.ok(date, `${iso} should parse`);
  return date;
};

test('formatDate writes Japanese and English forms', () => {
  assert.equal(formatDate(d('2026-11-22'), 'ja'), '2026年11月22日');
  assert.equal(formatDate(d('2026-11-22'), 'en'), '22 November 2026');
});

test('eraDate uses the Japanese calendar and writes the first year as 元年', () => {
  assert.equal(formatEraDate(d('2026-11-22')), '令和8年11月22日');
  assert.equal(formatEraDate(d('2019-05-01')), '令和元年5月1日');
  assert.equal(formatEraDate(d('2019-04-30')), '平成31年4月30日');
});

test('addBusinessDays skips weekends, and Japanese public holidays for ja', () => {
  // Friday 20 Nov 2026 + 1: Monday 23 Nov is 勤労感謝の日
  assert.equal(toIsoDate(addBusinessDays(d('2026-11-20'), 1, 'ja')), '2026-11-24');
  assert.equal(toIsoDate(addBusinessDays(d('2026-11-20'), 1, 'en')), '2026-11-23');
  assert.equal(toIsoDate(addBusinessDays(d('2026-11-24'), -1, 'ja')), '2026-11-20');
  assert.equal(toIsoDate(addBusinessDays(d('2026-12-28'), 5, 'en')), '2027-01-04');
});

test('parseIsoDate refuses impossible dates and other forms', () => {
  assert.equal(parseIsoDate('2026-02-30'), undefined);
  assert.equal(parseIsoDate('2026/11/22'), undefined);
  assert.equal(parseIsoDate('22 November 2026'), undefined);
});
