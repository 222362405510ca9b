import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAndConvert } from '../../../src/letter/markdown';
import { treeToPlainText } from '../../../src/letter/plainText';

const html = (md: string) => parseAndConvert(md).html;

test('layout containers become classed blocks', () => {
  assert.equal(html(':::right\n2026年11月22日\n:::\n'), '<div class="align-right"><p>2026年11月22日</p></div>');
  assert.equal(html(':::center\n記\n:::\n'), '<div class="align-center"><p>記</p></div>');
});

test('colons in prose stay exactly as typed', () => {
  const prose = 'Ref:ABC, at 10:30, see a:b[c]{d} and ::leaf[x] here.';
  assert.equal(html(`${prose}\n`), `<p>${prose}</p>`);
  assert.equal(html('::note[Not a block]\n'), '<p>::note[Not a block]</p>');
  assert.equal(treeToPlainText(parseAndConvert(`${prose}\n`).tree, 'en').trim(), prose);
});

test('an unknown container prints as typed, its content rendered', () => {
  assert.equal(html(':::warning\nKeep *me*.\n:::\n'), '<p>:::warning</p>\n<p>Keep <em>me</em>.</p>\n<p>:::</p>');
  assert.equal(html(':::note[Label]{.x #y}\nBody.\n:::\n'), '<p>:::note[Label]{.x #y}</p>\n<p>Body.</p>\n<p>:::</p>');
  assert.equal(html('Before.\n\n:::open\nNever closed.\n'), '<p>Before.</p>\n<p>:::open</p>\n<p>Never closed.</p>');
});
