import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  completionContextAt,
  describeValue,
  enclosingEach,
  expressionCandidates,
  expressionPathAt,
  fieldDoc,
  frontmatterKeyAt,
  valueAt,
} from '../../../src/letter/completionContext';
import { parseFrontmatter } from '../../../src/letter/frontmatter';

const HEAD = '---\ntemplate: nda-demand\nlang: en\nvendor:\n  company: Acme\ncustom:\n  ticket: T-1\n---\n';

/** The context with the cursor at `|`. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return completionContextAt(textWithCursor.replace('|', ''), offset);
}

test('after {{ : a field or a helper', () => {
  const ctx = at(HEAD + 'Dear {{|');
  assert.equal(ctx?.kind, 'expression');
  assert.ok(ctx?.kind === 'expression' && ctx.first && !ctx.block && ctx.token === '');
  const partial = at(HEAD + 'Dear {{ vendor.co|');
  assert.ok(partial?.kind === 'expression' && partial.token === 'vendor.co' && partial.first);
  assert.equal(partial.tokenStart, (HEAD + 'Dear {{ ').length);
});

test('after a helper or a block keyword: fields only, block helpers first', () => {
  const ctx = at(HEAD + '{{formatDate |');
  assert.ok(ctx?.kind === 'expression' && !ctx.first && ctx.token === '');
  const block = at(HEAD + '{{#|');
  assert.ok(block?.kind === 'expression' && block.first && block.block);
  const cond = at(HEAD + '{{#if vendor.|');
  assert.ok(cond?.kind === 'expression' && !cond.first && cond.token === 'vendor.');
  const sub = at(HEAD + '{{formatDate (addDays |');
  assert.ok(sub?.kind === 'expression' && !sub.first);
  const subHelper = at(HEAD + '{{formatDate (|');
  assert.ok(subHelper?.kind === 'expression' && subHelper.first);
});

test('partials after {{>', () => {
  assert.deepEqual(at(HEAD + '{{> cons|'), { kind: 'partial', token: 'cons', tokenStart: (HEAD + '{{> ').length });
  assert.equal(at(HEAD + '{{>|')?.kind, 'partial');
});

test('no completion outside expressions, in comments, strings or closed braces', () => {
  assert.equal(at(HEAD + 'Dear |'), undefined);
  assert.equal(at(HEAD + '{{vendor.company}} |'), undefined);
  assert.equal(at(HEAD + '{{! note |'), undefined);
  assert.equal(at(HEAD + '{{join list ", |'), undefined);
  assert.equal(at(HEAD + '{{/|'), undefined);
});

test('frontmatter values after template:, lang:, format:', () => {
  assert.deepEqual(at('---\ntemplate: nda|\n---\n'), { kind: 'frontmatterValue', key: 'template', token: 'nda', tokenStart: 14 });
  assert.equal(at('---\nlang: |\n---\n')?.kind, 'frontmatterValue');
  assert.ok((() => { const c = at('---\nformat:|\n---\n'); return c?.kind === 'frontmatterValue' && c.key === 'format'; })());
  assert.equal(at('---\nvendor:\n  company: |\n---\n'), undefined);
  assert.equal(at('---\n  template: |\n---\n'), undefined);
});

test('inside {{#each}} the list is known', () => {
  const text = HEAD + '{{#each quote.items}}\n- {{|';
  const ctx = at(text);
  assert.ok(ctx?.kind === 'expression' && ctx.eachPath === 'quote.items');
  assert.equal(enclosingEach(HEAD + '{{#each facts}}{{/each}} {{x}}', HEAD.length + 25), undefined);
  const labels = expressionCandidates(ctx as Extract<typeof ctx, { kind: 'expression' }>, {}, 'en').filter((c) => c.origin === 'item').map((c) => c.label);
  assert.deepEqual(labels.sort(), ['amount', 'hours', 'task']);
});

test('candidates: schema fields with docs in the letter language, own keys, helpers first only', () => {
  const data = parseFrontmatter(HEAD).data!;
  const first = at(HEAD + '{{|') as Extract<ReturnType<typeof at>, { kind: 'expression' }>;
  const items = expressionCandidates(first, data, 'ja');
  const company = items.find((c) => c.label === 'vendor.company');
  assert.equal(company?.documentation, '先方の会社名。');
  assert.equal(company?.detail, 'Acme');
  assert.ok(items.some((c) => c.label === 'custom.ticket' && c.origin === 'frontmatter' && c.detail === 'T-1'));
  assert.ok(items.some((c) => c.label === 'formatDate' && c.kind === 'helper'));
  assert.ok(!items.some((c) => c.label.includes('[]')));
  const later = at(HEAD + '{{formatDate |') as typeof first;
  assert.ok(!expressionCandidates(later, data, 'en').some((c) => c.kind === 'helper'));
  const block = at(HEAD + '{{#|') as typeof first;
  assert.deepEqual(expressionCandidates(block, data, 'en').filter((c) => c.kind === 'helper').map((c) => c.label), ['if', 'unless', 'each', 'with']);
});

function pathAt(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return expressionPathAt(textWithCursor.replace('|', ''), offset);
}

test('hover: the path under the cursor, not helpers or literals', () => {
  assert.equal(pathAt(HEAD + 'Dear {{vendor.com|pany}}.')?.path, 'vendor.company');
  const hit = pathAt(HEAD + 'Due {{formatDate vendor.dead|line}}');
  assert.equal(hit?.path, 'vendor.deadline');
  assert.equal(hit?.start, (HEAD + 'Due {{formatDate ').length);
  assert.equal(pathAt(HEAD + '{{format|Date vendor.deadline}}'), undefined);
  assert.equal(pathAt(HEAD + '{{#i|f consentClause}}'), undefined);
  assert.equal(pathAt(HEAD + '{{#if consent|Clause}}')?.path, 'consentClause');
  assert.equal(pathAt(HEAD + '{{> consent-cl|ause}}'), undefined);
  assert.equal(pathAt(HEAD + '{{addDays date 1|4}}'), undefined);
  assert.equal(pathAt(HEAD + 'plain vendor.com|pany'), undefined);
  assert.equal(pathAt(HEAD + '{{#each quote.items}}{{ta|sk}}{{/each}}')?.eachPath, 'quote.items');
});

test('hover: frontmatter key under the cursor', () => {
  const text = '---\ntemplate: x\nvendor:\n  company: Acme\nnetworks:\n  - cidr: 10.0.0.0/8\n---\n';
  const fm = parseFrontmatter(text);
  assert.deepEqual(frontmatterKeyAt(fm, text.indexOf('company') + 2), ['vendor', 'company']);
  assert.deepEqual(frontmatterKeyAt(fm, text.indexOf('cidr') + 1), ['networks', 0, 'cidr']);
  assert.deepEqual(frontmatterKeyAt(fm, text.indexOf('vendor')), ['vendor']);
  assert.equal(frontmatterKeyAt(fm, text.indexOf('Acme') + 1), undefined);
});

test('values and docs', () => {
  const data = { quote: { total: 16500, items: [{ task: 'Survey', hours: 2 }] }, vendor: { company: 'Acme' } };
  assert.equal(valueAt(data, 'quote.total'), 16500);
  assert.equal(valueAt(data, 'quote.items.0.task'), 'Survey');
  assert.equal(valueAt(data, 'constructor'), undefined);
  assert.equal(describeValue(16500), '16500');
  assert.equal(describeValue(''), undefined);
  assert.equal(describeValue({ company: 'Acme' }), 'company: Acme');
  assert.equal(fieldDoc('vendor.company', 'en'), 'Vendor company name.');
  assert.equal(fieldDoc('hours', 'ja', 'quote.items'), '時間数。');
  assert.equal(fieldDoc('nothing', 'en'), undefined);
});
