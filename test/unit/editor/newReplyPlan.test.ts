import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultFormat,
  defaultLanguage,
  fileNameSegment,
  firstFreeName,
  nameCandidates,
  NewReplyArgsError,
  parseNewReplyArgs,
  placeCursor,
  replyFileName,
} from '../../../src/letter/newReplyPlan';
import type { Problem } from '../../../src/letter/problems';

test('file name: date, kind and vendor', () => {
  assert.equal(replyFileName({ date: '2026-11-22', template: 'nda-demand', vendor: 'salesforce' }), '2026-11-22-nda-demand-salesforce.md');
  assert.equal(replyFileName({ date: '2026-11-22', template: 'nda-demand' }), '2026-11-22-nda-demand.md');
});

test('file name: unsafe characters are folded, other scripts kept', () => {
  assert.equal(fileNameSegment('../Evil:Name?*'), 'evil-name');
  assert.equal(fileNameSegment('見積り 依頼'), '見積り-依頼');
  assert.equal(fileNameSegment('ＡＢＣ'), 'abc');
  assert.equal(replyFileName({ date: 'not a date', template: '///', vendor: 'a/b' }), 'undated-letter-a-b.md');
  assert.ok(fileNameSegment('x'.repeat(200)).length <= 60);
});

test('suffixes: -2, -3 … for taken names', () => {
  const base = '2026-11-22-nda-demand-generic.md';
  assert.deepEqual([...nameCandidates(base, 3)], [base, '2026-11-22-nda-demand-generic-2.md', '2026-11-22-nda-demand-generic-3.md']);
  assert.equal(firstFreeName(base, new Set()), base);
  assert.equal(firstFreeName(base, new Set([base])), '2026-11-22-nda-demand-generic-2.md');
  assert.equal(firstFreeName(base, new Set([base, '2026-11-22-nda-demand-generic-2.md'])), '2026-11-22-nda-demand-generic-3.md');
  assert.equal(firstFreeName(base, (n) => n !== '2026-11-22-nda-demand-generic-7.md'), '2026-11-22-nda-demand-generic-7.md');
  assert.equal(firstFreeName(base, () => true), undefined);
});

test('default language follows the setting, else the display language', () => {
  assert.equal(defaultLanguage('auto', 'ja'), 'ja');
  assert.equal(defaultLanguage(undefined, 'ja-JP'), 'ja');
  assert.equal(defaultLanguage('auto', 'en-US'), 'en');
  assert.equal(defaultLanguage('auto', 'de'), 'en');
  assert.equal(defaultLanguage('en', 'ja'), 'en');
  assert.equal(defaultLanguage('ja', 'en'), 'ja');
  assert.equal(defaultFormat('email'), 'email');
  assert.equal(defaultFormat(undefined), 'letter');
});

const known = { templates: ['nda-demand', 'cost-quote'], vendors: ['generic', 'microsoft'] };
const defaults = { lang: 'ja' as const, format: 'letter' as const };

test('arguments: a full object runs without prompts', () => {
  assert.deepEqual(parseNewReplyArgs({ template: 'nda-demand', lang: 'en', vendor: 'microsoft', format: 'email', data: { vendor: { person: 'A' } } }, known, defaults), {
    template: 'nda-demand',
    lang: 'en',
    format: 'email',
    vendor: 'microsoft',
    data: { vendor: { person: 'A' } },
  });
  assert.deepEqual(parseNewReplyArgs({ template: 'cost-quote' }, known, defaults), { template: 'cost-quote', lang: 'ja', format: 'letter' });
  assert.deepEqual(parseNewReplyArgs({ template: 'cost-quote', data: { lang: 'en', format: 'email' } }, known, defaults), {
    template: 'cost-quote',
    lang: 'en',
    format: 'email',
    data: { lang: 'en', format: 'email' },
  });
});

test('arguments: clear errors', () => {
  const err = (arg: unknown, re: RegExp) => assert.throws(() => parseNewReplyArgs(arg, known, defaults), (e: unknown) => e instanceof NewReplyArgsError && re.test(e.message));
  err('nda-demand', /expected an object/);
  err({}, /"template" is required: one of nda-demand, cost-quote/);
  err({ template: 'nda-demnd' }, /did you mean "nda-demand"/);
  err({ template: 'nda-demand', lang: 'fr' }, /"lang" must be one of ja, en/);
  err({ template: 'nda-demand', format: 'fax' }, /"format" must be one of letter, email/);
  err({ template: 'nda-demand', vendor: 'microsft' }, /did you mean "microsoft"/);
  err({ template: 'nda-demand', data: [1] }, /"data" must be an object/);
  err({ template: 'nda-demand', lnag: 'ja' }, /unknown argument "lnag"/);
});

const missing = (line: number, character: number): Problem => ({
  severity: 'warning',
  code: 'missing-field',
  message: 'x',
  range: { start: { line, character }, end: { line, character: character + 3 } },
});

const letter = ['---', 'template: nda-demand', 'vendor:', '  company: Acme', '  person:', 'sender:', '  company:', '---', '', 'Dear {{vendor.person}}', ''].join('\n');

test('cursor: after the first empty key the letter needs, with a space to type after', () => {
  const problems: Problem[] = [{ ...missing(9, 7), severity: 'error' }, missing(4, 2), missing(6, 2)];
  const { text, position } = placeCursor(letter, problems);
  assert.deepEqual(position, { line: 4, character: 10 });
  assert.equal(text.split('\n')[4], '  person: ');
  assert.equal(text.split('\n').length, letter.split('\n').length);
});

test('cursor: in the body when no frontmatter key is at fault; none without problems', () => {
  assert.deepEqual(placeCursor(letter, [missing(9, 7)]), { text: letter, position: { line: 9, character: 7 } });
  assert.deepEqual(placeCursor(letter, []), { text: letter, position: undefined });
  const other: Problem = { ...missing(3, 2), code: 'schema' };
  assert.deepEqual(placeCursor(letter, [other]).position, undefined);
});

test('cursor: CRLF text keeps its line ends', () => {
  const crlf = letter.replace(/\n/g, '\r\n');
  const { text, position } = placeCursor(crlf, [missing(4, 2)]);
  assert.deepEqual(position, { line: 4, character: 10 });
  assert.equal(text.split('\r\n')[4], '  person: ');
});

test('cursor: on a real new letter, after the first empty sender key the letter uses', async () => {
  const { loadCatalogue } = await import('../../../src/letter/catalogue');
  const { buildNewLetter } = await import('../../../src/letter/newLetter');
  const { renderLetter } = await import('../../../src/letter/render');
  const catalogue = loadCatalogue();
  const today = '2026-11-22';
  const built = buildNewLetter({ template: 'nda-demand', lang: 'en', format: 'letter', vendor: 'salesforce', today, catalogue, sender: { company: 'Example KK' } });
  const { text, position } = placeCursor(built, renderLetter(built, { today, catalogue }).problems);
  assert.ok(position);
  const line = text.split('\n')[position.line]!;
  assert.match(line, /^ {2}\w+: $/);
  assert.equal(position.character, line.length);
  assert.notEqual(line.trim(), 'company:'); // filled from the sender profile, so not the target
});
