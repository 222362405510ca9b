import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderLetter } from '../../../src/letter/render';
import { FULL_FRONT, letter } from './helpers';

test('three missing fields are reported at their three lines', () => {
  const text = letter(
    ['template: nda-demand', 'lang: en', 'vendor:', '  company: ACME'],
    ['', 'To {{vendor.person}},', '', 'About {{vendor.reference}} of {{formatDate vendor.letterDate}}.', 'Yours, {{sender.person}}'],
  );
  const missing = renderLetter(text, { today: '2026-11-22' }).problems.filter((p) => p.code === 'missing-field' && p.severity === 'error');
  assert.deepEqual(
    missing.map((p) => [p.field, p.range.start.line, p.range.start.character]),
    [
      ['vendor.person', 7, 5],
      ['vendor.reference', 9, 8],
      ['vendor.letterDate', 9, 43],
      ['sender.person', 10, 9],
    ],
  );
});

test('an empty key is flagged at its frontmatter line too', () => {
  const text = letter(['template: nda-demand', 'vendor:', '  company: ACME', '  person:'], ['', 'Dear {{vendor.person}}']);
  const problems = renderLetter(text).problems.filter((p) => p.field === 'vendor.person');
  assert.deepEqual(problems.map((p) => p.range.start.line).sort(), [4, 7]);
});

test('fields tested by #if are optional; a misspelt field gets a suggestion', () => {
  const text = letter(['template: nda-demand', 'vendor:', '  company: ACME'], ['{{#if vendor.person}}{{vendor.person}}{{/if}}', '{{vendor.compnay}}']);
  const problems = renderLetter(text).problems.filter((p) => p.code === 'missing-field');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.suggestion, 'vendor.company');
  assert.equal(problems[0]!.range.start.line, 6);
});

test('missing fields show in place in HTML and text', () => {
  const text = letter(['template: nda-demand', 'lang: en'], ['', 'Dear {{vendor.person}},']);
  const r = renderLetter(text);
  assert.match(r.html, /<mark class="missing-field" data-field="vendor.person">vendor.person<\/mark>/);
  assert.match(r.text, /⟦vendor.person⟧/);
});

test('values cannot inject Markdown or HTML', () => {
  const text = letter(
    ['template: nda-demand', 'lang: en', 'vendor:', '  company: "*Acme* [x](javascript:alert(1))"', '  person: "<img src=x onerror=alert(1)>"', '  department: "# Heading"'],
    ['', '{{vendor.company}}', '', '{{vendor.person}}', '', '{{vendor.department}}'],
  );
  const r = renderLetter(text);
  assert.ok(!/<em>|<a |<img|<h1/.test(r.html), r.html);
  assert.match(r.html, /\*Acme\* \[x\]\(javascript:alert\(1\)\)/);
  assert.match(r.html, /&#x3C;img src=x onerror=alert\(1\)>|&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(r.text, /<img src=x onerror=alert\(1\)>/);
  assert.match(r.text, /^# Heading$/m);
});

test('raw HTML written in the body never reaches the output', () => {
  const text = letter(['template: nda-demand'], ['', '<script>alert(1)</script>', '', 'Hello <img src=x onerror=alert(1)> there']);
  const r = renderLetter(text);
  assert.ok(!/<script|onerror/.test(r.html), r.html);
});

test('{{constructor.constructor}} renders nothing and is reported', () => {
  const text = letter(['template: nda-demand', 'lang: en'], ['', 'a{{constructor.constructor}}b', '', 'c{{vendor.__proto__}}d']);
  const r = renderLetter(text);
  assert.match(r.markdown, /^a⟦constructor.constructor⟧b$/m);
  assert.ok(!/function|native code/.test(r.markdown));
  assert.ok(r.problems.some((p) => p.field === 'constructor.constructor'));
});

test('unknown template lists the known ids with a suggestion', () => {
  const r = renderLetter(letter(['template: nda-demnd'], ['x']));
  const p = r.problems.find((x) => x.code === 'unknown-template');
  assert.ok(p);
  assert.match(p.message, /did you mean "nda-demand"/);
  assert.match(p.message, /Known: .*nda-demand/);
  assert.equal(p.range.start.line, 1);
});

test('a Handlebars syntax error carries its file line', () => {
  const r = renderLetter(letter(['template: nda-demand'], ['', 'fine', 'broken {{vendor.company}', 'after']));
  const p = r.problems.find((x) => x.code === 'template-syntax');
  assert.ok(p, JSON.stringify(r.problems));
  assert.equal(p.range.start.line, 5);
  assert.match(p.message, /malformed or not closed/);
  const mismatch = renderLetter(letter(['template: nda-demand'], ['', '{{#if vendor}}', 'x', '{{/each}}']));
  assert.equal(mismatch.problems.find((x) => x.code === 'template-syntax')?.range.start.line, 4);
});

test('the built-in nda-demand renders a complete Japanese letter', () => {
  const source = letter(FULL_FRONT, ['', '{{> opening}}', '', '本文', '', '{{> closing}}']);
  const r = renderLetter(source);
  assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), []);
  assert.match(r.markdown, /2026年11月22日/);
  assert.match(r.markdown, /鈴木 次郎 様/);
  assert.match(r.html, /<div class="align-right"><p>2026年11月22日<\/p><\/div>/);
  assert.equal(r.subject.length > 0, true);
});

test('recipient block: 御中 for an organisation, 様 for a person', () => {
  const withPerson = renderLetter(letter(['template: nda-demand', 'vendor:', '  company: A社', '  person: 佐藤'], ['', '{{recipient vendor}}']));
  assert.match(withPerson.text, /佐藤 様/);
  const org = renderLetter(letter(['template: nda-demand', 'vendor:', '  company: A社', '  department: 法務部'], ['', '{{recipient vendor}}']));
  assert.match(org.text, /法務部 御中/);
  const none = renderLetter(letter(['template: nda-demand', 'vendor:', '  person: 佐藤'], ['', '{{recipient vendor}}']));
  assert.ok(none.problems.some((p) => p.field === 'vendor.company'), 'a recipient needs a company');
});

test('quote amounts are computed in code and formatted per language', () => {
  const front = ['template: nda-demand', 'date: 2026-11-22', 'quote:', '  currency: JPY', '  rate: 15000', '  taxRate: 0.1', '  validDays: 30', '  items:', '    - { task: 棚卸し, hours: 8 }', '    - { task: 報告書, hours: 2.5 }'];
  const r = renderLetter(letter(front, ['', '{{#each quote.items}}{{task}} {{currency amount}}; {{/each}}', '', '{{currency quote.total}} {{formatDate quote.validUntil}} {{percent quote.taxRate}}']));
  assert.match(r.text, /棚卸し 120,000円; 報告書 37,500円;/);
  assert.match(r.text, /173,250円 2026年12月22日 10%/);
  const en = renderLetter(letter([...front.slice(0, 1), 'lang: en', ...front.slice(1)], ['', '{{currency quote.total}}']));
  assert.match(en.text, /¥173,250/);
});

test('era dates on request', () => {
  const r = renderLetter(letter(['template: nda-demand', 'eraDates: true', 'date: 2026-11-22'], ['', '{{formatDate date}}']));
  assert.match(r.text, /令和8年11月22日/);
});

test('plain text keeps tables readable', () => {
  const r = renderLetter(letter(['template: nda-demand', 'lang: en'], ['', '| IP | Count |', '|---|---:|', '| 203.0.113.10 | 12 |', '| 203.0.113.74 | 9 |']));
  assert.match(r.text, /203\.0\.113\.10 \| {4}12/);
});
