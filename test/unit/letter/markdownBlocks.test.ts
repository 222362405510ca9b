import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from '../../../src/letter/markdownBlocks';
import { clearParseCache, parseAndConvert, parseWhole, treeToHtml } from '../../../src/letter/markdown';
import { treeToPlainText } from '../../../src/letter/plainText';
import { FORMATS, KINDS, LANGS, render } from '../catalogue/support';

/** Texts where a careless split would change the result. */
const TRICKY: Record<string, string> = {
  'loose list': '1. one\n\n2. two\n\n   still two\n\n3. three\n\nAfter the list.\n',
  'list, paragraph, list': '1. a\n2. b\n\nBetween.\n\n3. c\n',
  'nested list': '- a\n\n  - a.1\n\n  - a.2\n\n- b\n',
  'fenced code with blank lines': 'Before.\n\n```\ncode\n\nNot a paragraph\n```\n\nAfter.\n',
  'tilde fence, longer close': '~~~~\nx\n\n~~~\ny\n~~~~~\n\nz\n',
  'directive with blank lines': ':::right\nDate\n\nSender\n:::\n\nBody.\n',
  'nested directives': ':::right\n:::center\ninner\n\nstill inner\n:::\n\nouter\n:::\n\nafter\n',
  'comment with blank lines': '<!--\nnote\n\nmore note\n-->\n\nText.\n',
  'marker comment': 'Lead.\n\n<!-- audit-reply:ip-analysis -->\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nTail.\n',
  'block quote with blank lines': '> one\n>\n> two\n\n> three\n\nafter\n',
  'setext heading and rule': 'Title\n=====\n\nText\n\n---\n\nMore\n',
  'reference definition far away': 'See [the policy][p].\n\nOther text.\n\n[p]: https://example.com/policy\n',
  'lazy continuation is not split': '> quote\ncontinued\n\nnext\n',
  'indented code': 'Text.\n\n    code\n\n    more code\n\nText.\n',
  'hard breaks and tables': 'Line one\\\nline two\n\n| x |\n|---|\n| y |\n\nEnd.\n',
  'CRLF line ends': 'One.\r\n\r\n- a\r\n\r\n- b\r\n\r\nTwo.\r\n',
};

function sameAsWhole(markdown: string, where: string): void {
  const byRuns = parseAndConvert(markdown, 0);
  const runs = byRuns.tree;
  const whole = parseWhole(markdown);
  const wholeHtml = treeToHtml(whole);
  assert.equal(treeToHtml(runs), wholeHtml, `${where}: HTML of the joined tree`);
  assert.equal(byRuns.html, wholeHtml, `${where}: HTML joined run by run`);
  assert.equal(parseAndConvert(markdown).html, wholeHtml, `${where}: HTML by the size rule`);
  assert.equal(treeToPlainText(runs, 'ja'), treeToPlainText(whole, 'ja'), `${where}: text`);
}

test('the runs put back together are the text', () => {
  for (const [name, md] of Object.entries(TRICKY)) assert.equal(splitBlocks(md).join(''), md, name);
});

test('parsing by runs gives what parsing the whole text gives', () => {
  for (const [name, md] of Object.entries(TRICKY)) {
    clearParseCache();
    sameAsWhole(md, name);
    sameAsWhole(md, `${name} (cached)`);
  }
});

test('runs split where they safely can, and not inside code, directives or comments', () => {
  assert.deepEqual(splitBlocks('A.\n\nB.\n\nC.\n'), ['A.\n\n', 'B.\n\n', 'C.\n']);
  assert.equal(splitBlocks(TRICKY['fenced code with blank lines']!).length, 3);
  assert.equal(splitBlocks(TRICKY['directive with blank lines']!).length, 2);
  assert.equal(splitBlocks(TRICKY['comment with blank lines']!).length, 2);
  assert.equal(splitBlocks(TRICKY['loose list']!).length, 2);
  assert.equal(splitBlocks(TRICKY['reference definition far away']!).length, 1);
});

test('every letter of the catalogue renders the same by runs and whole', () => {
  for (const kind of KINDS)
    for (const lang of LANGS)
      for (const format of FORMATS) {
        const r = render(kind, lang, format);
        sameAsWhole(r.markdown, `${kind}/${lang}/${format}`);
      }
});

test('an edit re-renders correctly while the rest is reused', () => {
  const before = 'Intro.\n\n1. first point\n\n2. second point\n\nClosing.\n';
  const after = before.replace('second point', 'second point, revised');
  clearParseCache();
  parseAndConvert(before, 0);
  sameAsWhole(after, 'edited');
  sameAsWhole(before, 'original again');
});
