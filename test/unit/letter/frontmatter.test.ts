import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontmatter, rangeOfPath } from '../../../src/letter/frontmatter';
import { renderLetter } from '../../../src/letter/render';
import { letter } from './helpers';

test('a YAML error is a problem at its own file line, not a throw', () => {
  const text = letter(['template: nda-demand', 'vendor:', '  company: ACME', '  person: a: b', 'lang: ja'], ['body']);
  const fm = parseFrontmatter(text);
  const err = fm.problems.find((p) => p.code === 'yaml-syntax');
  assert.ok(err, 'expected a YAML problem');
  assert.equal(err.severity, 'error');
  assert.equal(err.range.start.line, 4, 'the nested mapping is on file line 5 (0-based 4)');
  assert.equal(fm.data, undefined);
});

test('a file with no frontmatter says how to add one', () => {
  const result = renderLetter('# Just a heading\n');
  assert.equal(result.problems[0]?.code, 'no-frontmatter');
  assert.match(result.problems[0]!.message, /---/);
});

test('field positions are file positions', () => {
  const text = letter(['template: nda-demand', 'vendor:', '  company: ACME'], ['x']);
  const fm = parseFrontmatter(text);
  const r = rangeOfPath(fm, ['vendor', 'company']);
  assert.deepEqual(r?.start, { line: 3, character: 11 });
  assert.equal(fm.body.trim(), 'x');
});

test('schema problems point at the field and suggest fixes', () => {
  const text = letter(
    ['template: nda-demand', 'lang: jp', 'format: letter', 'date: 2026-13-01', 'vendor:', '  compnay: ACME', 'networks:', '  - cidr: 203.0.113.0/33', '    label: x', 'log:', '  timezone: Mars/Olympus'],
    ['body'],
  );
  const { problems } = renderLetter(text);
  const at = (line: number) => problems.filter((p) => p.range.start.line === line);
  assert.match(at(2)[0]!.message, /lang: must be one of ja, en/);
  assert.equal(at(2)[0]!.suggestion, 'ja');
  assert.match(at(4)[0]!.message, /not a valid date/);
  assert.equal(at(6)[0]!.code, 'unknown-field');
  assert.equal(at(6)[0]!.suggestion, 'company');
  assert.match(at(8)[0]!.message, /CIDR/);
  assert.match(at(11)[0]!.message, /time zone/);
});
